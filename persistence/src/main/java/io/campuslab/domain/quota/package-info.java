/** What members may ask for within their school's quota: defaults per role and overrides per member. */
package io.campuslab.domain.quota;

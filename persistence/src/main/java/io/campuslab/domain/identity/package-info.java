/**
 * Who uses CampusLab: members of a school as they arrive from single sign-on, and the four roles
 * that decide what they may do.
 */
package io.campuslab.domain.identity;

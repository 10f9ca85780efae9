/**
 * The platform's settings: every key an operator may change at run time, its default, its allowed
 * values, and the typed view the rest of CampusLab reads.
 */
package io.campuslab.domain.platform;

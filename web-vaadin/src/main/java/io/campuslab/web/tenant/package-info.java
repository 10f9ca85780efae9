/** Schools in the portal: a school's own page for its staff, the list of schools for the operator. */
package io.campuslab.web.tenant;

/** Schools as the portal shows them: a school's summary for its staff, the list for the platform. */
package io.campuslab.core.tenant;

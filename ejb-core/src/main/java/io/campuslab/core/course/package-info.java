/** Courses: kept by the school admin, their material uploaded by the admin or the course's teachers. */
package io.campuslab.core.course;

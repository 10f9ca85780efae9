/** Courses of a school: what they are, who teaches them, and their material (read-only in labs). */
package io.campuslab.domain.course;

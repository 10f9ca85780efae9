/** Courses on screen: the school's courses, the admin's form, and each course's material. */
package io.campuslab.web.course;

/** Classrooms: a teacher's class in a school and its roster; the unit that sessions reserve capacity for. */
package io.campuslab.domain.classroom;

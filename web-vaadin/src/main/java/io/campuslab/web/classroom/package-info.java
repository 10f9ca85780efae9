/** The teacher's classrooms, their sessions and the live console; the student's card of today's session. */
package io.campuslab.web.classroom;

/**
 * Classrooms and their sessions: a roster, a time window, a lab template and capacity reserved for
 * it. This package holds the pure rules first: when a weekly session takes place, and whether a
 * session's reservation fits the cluster and the school's quota beside the others.
 */
package io.campuslab.core.classroom;

/** The school's members on screen: the list, role changes, and importing a class from a CSV. */
package io.campuslab.web.identity;

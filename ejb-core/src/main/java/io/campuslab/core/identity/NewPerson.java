package io.campuslab.core.identity;

/** A person a school admin adds to the school's sign-in directory. */
public record NewPerson(String username, String firstName, String lastName, String email) {
}

package io.campuslab.core.identity;

/** A person as a directory group lists them: the subject of their tokens, user name, name and e-mail. */
public record DirectoryPerson(String subject, String username, String displayName, String email) {
}

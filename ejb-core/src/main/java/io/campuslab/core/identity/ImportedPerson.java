package io.campuslab.core.identity;

import java.io.Serializable;

/** A person an import created, with the initial password to hand over (shown once, never stored). */
public record ImportedPerson(String username, String name, String className, String initialPassword) implements Serializable {
}

package io.campuslab.core.identity;

import java.io.Serializable;

/**
 * A group under a school's group in the directory, such as a class the school's IT keeps there.
 *
 * @param id   the directory's identifier of the group
 * @param path the group's path below the school's group, e.g. {@code grade-10/physics-3b}
 */
public record DirectoryGroup(String id, String path) implements Serializable {
}

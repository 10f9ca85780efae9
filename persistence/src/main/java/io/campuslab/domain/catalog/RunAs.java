package io.campuslab.domain.catalog;

import java.io.Serializable;

/**
 * The user and group a template's image runs as, never root: the lab's processes get this UID and GID
 * and its volumes this group (fsGroup), which a cluster enforcing Pod Security "restricted" requires.
 * The default is the Jupyter images' {@code jovyan} (1000:100).
 */
public record RunAs(int uid, int gid) implements Serializable {

    public static final RunAs DEFAULT = new RunAs(1000, 100);

    /** Whether the pair can be used: a user other than root, a group that exists in ID space. */
    public boolean isValid() {
        return uid >= 1 && gid >= 0;
    }

    @Override
    public String toString() {
        return uid + ":" + gid;
    }
}

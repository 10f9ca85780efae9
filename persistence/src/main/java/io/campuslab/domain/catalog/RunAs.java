package io.campuslab.domain.catalog;

import java.io.Serializable;

/**
 * How a template's image runs, never as root: the lab's processes get this UID and GID and its
 * volumes this group (fsGroup), which a cluster enforcing Pod Security "restricted" requires; and,
 * where the image allows it, a read-only root file system (the lab writes only to its workspace,
 * its folders and a fresh {@code /tmp}). The default is the Jupyter images' {@code jovyan}
 * (1000:100) on a writable root, which those images need.
 */
public record RunAs(int uid, int gid, boolean readOnlyRoot) implements Serializable {

    public static final RunAs DEFAULT = new RunAs(1000, 100);

    /** A user and group on a writable root. */
    public RunAs(int uid, int gid) {
        this(uid, gid, false);
    }

    /** Whether the pair can be used: a user other than root, a group that exists in ID space. */
    public boolean isValid() {
        return uid >= 1 && gid >= 0;
    }

    @Override
    public String toString() {
        return uid + ":" + gid + (readOnlyRoot ? " (read-only root)" : "");
    }
}

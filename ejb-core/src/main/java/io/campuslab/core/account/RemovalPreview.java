package io.campuslab.core.account;

import io.campuslab.domain.identity.Role;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * What removing a member would do, shown before it is done: their labs that stop, the rosters they
 * leave, how much of their workspace is kept until {@code deleteAfter} (-1 when it lives in cluster
 * storage, which the portal does not read), and the classrooms they still teach, which block the
 * removal until they are handed over or deleted.
 *
 * @param leaving whether the member is already removed (then {@code deleteAfter} is their date)
 */
public record RemovalPreview(String username, String displayName, Role role, int activeLabs, List<String> rosters,
                             long workspaceBytes, Instant deleteAfter, List<String> teachesClassrooms, boolean leaving)
        implements Serializable {

    public RemovalPreview {
        rosters = List.copyOf(rosters);
        teachesClassrooms = List.copyOf(teachesClassrooms);
    }

    /** Whether the removal may go ahead. */
    public boolean possible() {
        return teachesClassrooms.isEmpty();
    }
}

package io.campuslab.core.classroom;

import io.campuslab.domain.lab.LabState;
import java.io.Serializable;
import java.time.Instant;

/**
 * One student of a session as the teacher's console shows them: their latest lab of the session
 * (none if they never had one), how long their labs of the session ran, their latest activity,
 * their place in the queue, when they first opened a lab of the session (attendance), and when
 * their active lab stops (later than the others' if the teacher keeps it).
 */
public record ConsoleRow(String username, String name, Long labId, LabState state, String reasonKey, String reasonDetail,
                         Integer queuePosition, long minutesUsed, Instant lastActivity, Instant firstOpened,
                         Instant stopsAt)
        implements Serializable {

    public boolean attended() {
        return firstOpened != null;
    }
}

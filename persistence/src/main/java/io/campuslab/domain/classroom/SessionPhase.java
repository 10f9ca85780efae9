package io.campuslab.domain.classroom;

/** Where a class session stands at a moment. */
public enum SessionPhase {
    /** Before its labs are prepared. */
    SCHEDULED,
    /** Its labs are being prepared; the session has not started. */
    PREPARING,
    /** Under way. */
    LIVE,
    /** Over; its labs stop at the end of the grace period. */
    ENDING,
    /** Over, its labs stopped. */
    ENDED,
    /** Cancelled before it started. */
    CANCELLED;

    /** Whether the session holds its reservation: from the preparation to the end of the grace period. */
    public boolean holdsCapacity() {
        return this == PREPARING || this == LIVE || this == ENDING;
    }

    public String messageKey() {
        return "session.phase." + name().toLowerCase();
    }
}

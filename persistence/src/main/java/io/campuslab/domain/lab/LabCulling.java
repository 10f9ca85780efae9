package io.campuslab.domain.lab;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a running lab is stopped for want of use, or for its age: the one rule the scheduler applies
 * and the screens announce ("stops at ..."). Idleness counts from the latest activity, age from the
 * moment the lab first ran; a lab that is idle too long stops as idle even if it is also too old.
 * A session's labs are not culled: their session ends them.
 *
 * @param idleTimeout how long a running lab may go unused
 * @param maxLifetime how long a lab may run at all
 */
public record LabCulling(Duration idleTimeout, Duration maxLifetime) {

    public static final String IDLE = "lab.reason.idle";
    public static final String LIFETIME = "lab.reason.lifetime";

    /** When a lab last used at {@code lastActivityOrNull} stops as idle; empty while it has no activity yet. */
    public Optional<Instant> idleStopAt(Instant lastActivityOrNull) {
        return Optional.ofNullable(lastActivityOrNull).map(last -> last.plus(idleTimeout));
    }

    /** When a lab running since {@code runningAtOrNull} reaches the longest life; empty before it ran. */
    public Optional<Instant> lifetimeEndAt(Instant runningAtOrNull) {
        return Optional.ofNullable(runningAtOrNull).map(since -> since.plus(maxLifetime));
    }

    /** The reason a running lab stops {@code now}, if it does: {@link #IDLE} first, then {@link #LIFETIME}. */
    public Optional<String> due(Instant lastActivityOrNull, Instant runningAtOrNull, Instant now) {
        if (idleStopAt(lastActivityOrNull).filter(at -> at.isBefore(now)).isPresent()) {
            return Optional.of(IDLE);
        }
        if (lifetimeEndAt(runningAtOrNull).filter(at -> at.isBefore(now)).isPresent()) {
            return Optional.of(LIFETIME);
        }
        return Optional.empty();
    }
}

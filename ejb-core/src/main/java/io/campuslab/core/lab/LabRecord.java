package io.campuslab.core.lab;

import io.campuslab.core.cluster.LabBlueprint;
import io.campuslab.core.lab.admission.Demand;
import io.campuslab.domain.lab.LabState;
import java.time.Instant;

/**
 * One active lab as a scheduler pass sees it, read in one short transaction: its state, what it
 * takes, when things happened, and the blueprint of its cluster objects.
 *
 * @param sessionOrNull    the class session the lab serves; its life is the session's, not the idle
 *                         timeout's or the longest lab life's
 * @param stopAtOrNull     when the lab stops whatever happens: its session's end plus the grace, or
 *                         the deadline to give its room back to a session
 * @param stopReasonOrNull the reason recorded then
 */
public record LabRecord(long id, String tenant, String user, LabState state, Demand demand, String nodeOrNull,
                        Instant stateChangedAt, Instant runningAtOrNull, Instant lastActivityOrNull,
                        LabBlueprint blueprint, Long sessionOrNull, Instant stopAtOrNull, String stopReasonOrNull) {

    /** A lab someone asked for, with no deadline. */
    public LabRecord(long id, String tenant, String user, LabState state, Demand demand, String nodeOrNull,
                     Instant stateChangedAt, Instant runningAtOrNull, Instant lastActivityOrNull, LabBlueprint blueprint) {
        this(id, tenant, user, state, demand, nodeOrNull, stateChangedAt, runningAtOrNull, lastActivityOrNull, blueprint,
                null, null, null);
    }

    /** Whether the lab serves a class session. */
    public boolean session() {
        return sessionOrNull != null;
    }
}

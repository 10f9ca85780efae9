package io.campuslab.core.lab;

import io.campuslab.core.lab.admission.Admission;
import io.campuslab.domain.lab.LabState;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * How long a queued lab may wait at most: the labs it waits for (the school's, for a school quota;
 * the cluster's, for room on the nodes; GPU labs, when GPUs are what is missing) each end at the
 * latest when they reach the longest lab life. The lab at place N in its queue starts at the latest
 * when the N-th of them ends. Usually sooner: people stop labs, idle labs are stopped. Pure.
 */
public final class WaitEstimate {

    private WaitEstimate() {
    }

    /** By when each waiting lab starts at the latest, for those it can be said of. */
    public static Map<Long, Instant> of(List<LabRecord> labs, Admission admission, Duration maxLifetime) {
        Map<Long, LabRecord> byId = new HashMap<>();
        labs.forEach(lab -> byId.put(lab.id(), lab));
        List<LabRecord> holding = labs.stream().filter(l -> l.state().holdsResources()).toList();
        Map<Long, Instant> estimates = new HashMap<>();
        admission.waiting().forEach((id, waiting) -> {
            LabRecord lab = byId.get(id);
            if (lab == null) {
                return;
            }
            Predicate<LabRecord> ahead = switch (waiting.reason()) {
                case SCHOOL_LABS, SCHOOL_CPU, SCHOOL_MEMORY -> l -> l.tenant().equals(lab.tenant());
                case SCHOOL_GPUS -> l -> l.tenant().equals(lab.tenant()) && l.demand().gpus() > 0;
                case USER_LABS -> l -> l.tenant().equals(lab.tenant()) && l.user().equals(lab.user());
                case NO_FREE_GPU -> l -> l.demand().gpus() > 0;
                case NO_ROOM, NO_MATCHING_NODE -> l -> true;
                case BEHIND_OWN_REQUEST, RESERVED -> l -> false;
                case RECLAIMING -> l -> l.stopAtOrNull() != null && !l.session();
            };
            List<Instant> ends = holding.stream().filter(ahead).map(l -> end(l, maxLifetime)).sorted().toList();
            int place = Math.max(1, waiting.position());
            if (place <= ends.size()) {
                estimates.put(id, ends.get(place - 1));
            }
        });
        return estimates;
    }

    /** The latest a lab that holds resources gives them back: its start plus the longest lab life. */
    private static Instant end(LabRecord lab, Duration maxLifetime) {
        Instant started = lab.runningAtOrNull() != null ? lab.runningAtOrNull() : lab.stateChangedAt();
        if (lab.state() == LabState.STOPPING) {
            return lab.stateChangedAt();
        }
        Instant latest = lab.session() ? null : started.plus(maxLifetime);
        if (lab.stopAtOrNull() != null && (latest == null || lab.stopAtOrNull().isBefore(latest))) {
            latest = lab.stopAtOrNull();
        }
        return latest == null ? started.plus(maxLifetime) : latest;
    }
}

package io.campuslab.core.cluster;

import java.time.Instant;
import java.util.Optional;

/**
 * A lab's pod as the cluster reports it: where it is, whether it runs and is ready, and, when it
 * cannot start, what the cluster says (a container's waiting reason, or the scheduler's message).
 *
 * @param labId    the lab it belongs to, from its {@code campuslab.io/lab} label
 * @param phase    Pending, Running, Succeeded, Failed or Unknown
 * @param problem  a waiting reason such as {@code ImagePullBackOff}, or {@code Unschedulable}; null when none
 * @param detail   the cluster's message about the problem
 * @param startedAtOrNull when the lab's container started running (its image pulled), null before
 */
public record ObservedPod(long labId, String namespace, String name, String phase, String nodeOrNull, boolean ready,
                          String problem, String detail, boolean terminating, Instant startedAtOrNull) {

    public Optional<String> node() {
        return Optional.ofNullable(nodeOrNull);
    }
}

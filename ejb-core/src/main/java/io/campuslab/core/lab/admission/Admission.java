package io.campuslab.core.lab.admission;

import java.util.List;
import java.util.Map;

/**
 * What a pass decided: the labs that start now, in order, each with the node that has room for it
 * (the cluster's scheduler still places the pod); for every other queued lab its place in its
 * school's queue and why it waits; and the labs to give back their room to a class session, after
 * a warning.
 */
public record Admission(List<Admitted> admitted, Map<Long, Waiting> waiting, List<Long> reclaimed) {

    public Admission {
        admitted = List.copyOf(admitted);
        waiting = Map.copyOf(waiting);
        reclaimed = List.copyOf(reclaimed);
    }

    public Admission(List<Admitted> admitted, Map<Long, Waiting> waiting) {
        this(admitted, waiting, List.of());
    }

    /** A lab that starts now. */
    public record Admitted(long labId, String node) {
    }

    /**
     * A lab that waits.
     *
     * @param position 1 for the next lab of its school to start
     * @param detail   what the reason is about, such as the GPU key; may be empty
     */
    public record Waiting(int position, WaitReason reason, String detail) {
    }
}

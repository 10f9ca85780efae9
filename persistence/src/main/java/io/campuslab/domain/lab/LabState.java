package io.campuslab.domain.lab;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a lab is in its life. A request is queued at once (there is no separate "requested" step:
 * the queue is where a request waits, with its position and reason). Stopped and failed are final;
 * the cluster objects of a final lab are removed by the scheduler, the workspace never.
 */
public enum LabState {
    QUEUED,
    PROVISIONING,
    RUNNING,
    STOPPING,
    STOPPED,
    FAILED;

    /** The states this one may change to. */
    public Set<LabState> next() {
        return switch (this) {
            case QUEUED -> EnumSet.of(PROVISIONING, STOPPED);
            case PROVISIONING -> EnumSet.of(RUNNING, STOPPING, FAILED);
            case RUNNING -> EnumSet.of(STOPPING, FAILED);
            case STOPPING -> EnumSet.of(STOPPED);
            case STOPPED, FAILED -> EnumSet.noneOf(LabState.class);
        };
    }

    /** Whether the lab still counts as the user's lab: anything but stopped or failed. */
    public boolean isActive() {
        return this != STOPPED && this != FAILED;
    }

    /** The states of a lab that still counts ({@link #isActive()}), for queries. */
    public static Set<LabState> active() {
        EnumSet<LabState> active = EnumSet.noneOf(LabState.class);
        for (LabState state : values()) {
            if (state.isActive()) {
                active.add(state);
            }
        }
        return active;
    }

    /** Whether the lab holds cluster resources (admitted and not yet gone). */
    public boolean holdsResources() {
        return this == PROVISIONING || this == RUNNING || this == STOPPING;
    }
}

package io.campuslab.core.lab;

import java.util.List;

/**
 * What one pass does about the labs it observed: create objects, record what the cluster reports,
 * and remove objects no active lab owns. Every step is safe to repeat.
 */
public record LabPlan(List<Long> provision, List<Running> running, List<Failure> failures, List<Long> gone,
                      List<Stop> stops, List<Removal> removals, List<Progress> progress) {

    public LabPlan {
        provision = List.copyOf(provision);
        running = List.copyOf(running);
        failures = List.copyOf(failures);
        gone = List.copyOf(gone);
        stops = List.copyOf(stops);
        removals = List.copyOf(removals);
        progress = List.copyOf(progress);
    }

    /** How far a starting lab got: waiting for a machine, downloading its image, starting. */
    public record Progress(long labId, String reasonKey) {
    }

    /** The lab's pod runs and is ready on this node. */
    public record Running(long labId, String node) {
    }

    /** The lab failed, for a reason people can read. */
    public record Failure(long labId, String reasonKey, String detail) {
    }

    /** The lab is stopped by CampusLab: idle too long, or too old. */
    public record Stop(long labId, String reasonKey) {
    }

    /** A lab's objects to delete. */
    public record Removal(String namespace, String name) {
    }
}

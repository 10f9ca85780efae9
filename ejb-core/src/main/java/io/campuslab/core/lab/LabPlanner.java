package io.campuslab.core.lab;

import io.campuslab.core.cluster.ObservedPod;
import io.campuslab.domain.lab.LabCulling;
import io.campuslab.domain.lab.LabState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares the labs CampusLab wants with the pods the cluster has and says what to do; pure, so
 * the same observation always gives the same plan. A pod whose image cannot be pulled or that keeps
 * crashing fails its lab with the reason; a pod nothing can place, or whose lab server does not
 * answer once its container runs, fails it after the patience allowed; a pod whose lab is not active
 * is removed, whatever left it behind.
 */
public final class LabPlanner {

    private static final Set<String> IMAGE_PROBLEMS = Set.of("ErrImagePull", "ImagePullBackOff", "InvalidImageName",
            "ErrImageNeverPull");

    private final Patience patience;
    private final LabCulling culling;

    /**
     * How long a starting lab may wait before it fails.
     *
     * @param unschedulable for a node that can take its pod, from when it was to be provisioned
     * @param answer        for its server to answer (the pod's readiness), from when its container runs
     */
    public record Patience(Duration unschedulable, Duration answer) {
    }

    public LabPlanner(Patience patience, Duration idleTimeout, Duration maxLifetime) {
        this.patience = patience;
        this.culling = new LabCulling(idleTimeout, maxLifetime);
    }

    public LabPlan plan(List<LabRecord> labs, List<ObservedPod> pods, Instant now) {
        Map<Long, ObservedPod> podOf = new HashMap<>();
        pods.forEach(pod -> podOf.put(pod.labId(), pod));
        List<Long> provision = new ArrayList<>();
        List<LabPlan.Running> running = new ArrayList<>();
        List<LabPlan.Failure> failures = new ArrayList<>();
        List<Long> gone = new ArrayList<>();
        List<LabPlan.Stop> stops = new ArrayList<>();
        List<LabPlan.Removal> removals = new ArrayList<>();
        List<LabPlan.Progress> progress = new ArrayList<>();
        Set<Long> keep = new HashSet<>();
        for (LabRecord lab : labs) {
            ObservedPod pod = podOf.get(lab.id());
            LabPlan.Removal objects = new LabPlan.Removal(lab.blueprint().namespace(), lab.blueprint().name());
            switch (lab.state()) {
                case PROVISIONING -> {
                    keep.add(lab.id());
                    if (lab.stopAtOrNull() != null && !now.isBefore(lab.stopAtOrNull())) {
                        stops.add(new LabPlan.Stop(lab.id(), lab.stopReasonOrNull()));
                        continue;
                    }
                    LabPlan.Failure failure = pod == null ? null : failure(lab, pod, now);
                    if (pod == null) {
                        provision.add(lab.id());
                    } else if (failure != null) {
                        failures.add(failure);
                        keep.remove(lab.id());
                    } else if ("Running".equals(pod.phase()) && pod.ready() && !pod.terminating()) {
                        running.add(new LabPlan.Running(lab.id(), pod.nodeOrNull()));
                    } else {
                        progress.add(new LabPlan.Progress(lab.id(), pod.nodeOrNull() == null ? "lab.reason.placing"
                                : "Running".equals(pod.phase()) ? "lab.reason.starting" : "lab.reason.pulling"));
                    }
                }
                case RUNNING -> {
                    keep.add(lab.id());
                    LabPlan.Failure failure = pod == null
                            ? new LabPlan.Failure(lab.id(), "lab.reason.pod-lost", "")
                            : failure(lab, pod, now);
                    if (failure != null) {
                        failures.add(failure);
                        keep.remove(lab.id());
                    } else if (lab.stopAtOrNull() != null && !now.isBefore(lab.stopAtOrNull())) {
                        stops.add(new LabPlan.Stop(lab.id(), lab.stopReasonOrNull()));
                    } else if (lab.session()) {
                        continue;
                    } else {
                        culling.due(lab.lastActivityOrNull(), lab.runningAtOrNull(), now)
                                .ifPresent(reason -> stops.add(new LabPlan.Stop(lab.id(), reason)));
                    }
                }
                case STOPPING -> {
                    if (pod == null) {
                        gone.add(lab.id());
                        removals.add(objects);
                    } else {
                        keep.add(lab.id());
                        if (!pod.terminating()) {
                            removals.add(objects);
                        }
                    }
                }
                case QUEUED -> {
                    if (lab.stopAtOrNull() != null && !now.isBefore(lab.stopAtOrNull())) {
                        stops.add(new LabPlan.Stop(lab.id(), lab.stopReasonOrNull()));
                    }
                }
                default -> {
                    // ended labs are not in the list
                }
            }
        }
        for (ObservedPod pod : pods) {
            if (!keep.contains(pod.labId()) && !pod.terminating()
                    && removals.stream().noneMatch(r -> r.name().equals(pod.name()) && r.namespace().equals(pod.namespace()))) {
                removals.add(new LabPlan.Removal(pod.namespace(), pod.name()));
            }
        }
        return new LabPlan(provision, running, failures, gone, stops, removals, progress);
    }

    /** Why the pod will not serve its lab, if it will not. */
    private LabPlan.Failure failure(LabRecord lab, ObservedPod pod, Instant now) {
        if (pod.problem() != null && IMAGE_PROBLEMS.contains(pod.problem())) {
            return new LabPlan.Failure(lab.id(), "lab.reason.image-pull", lab.blueprint().image());
        }
        if ("CrashLoopBackOff".equals(pod.problem())) {
            return new LabPlan.Failure(lab.id(), "lab.reason.crashing", "");
        }
        if ("Failed".equals(pod.phase()) || "Succeeded".equals(pod.phase())) {
            return new LabPlan.Failure(lab.id(), "lab.reason.pod-ended", pod.phase());
        }
        if ("Unschedulable".equals(pod.problem()) && lab.state() == LabState.PROVISIONING
                && lab.stateChangedAt().plus(patience.unschedulable()).isBefore(now)) {
            return new LabPlan.Failure(lab.id(), "lab.reason.unschedulable", pod.detail() == null ? "" : pod.detail());
        }
        if (lab.state() == LabState.PROVISIONING && "Running".equals(pod.phase()) && !pod.ready() && !pod.terminating()
                && pod.startedAtOrNull() != null && pod.startedAtOrNull().plus(patience.answer()).isBefore(now)) {
            long minutes = (patience.answer().toSeconds() + 59) / 60;
            return new LabPlan.Failure(lab.id(), "lab.reason.not-answering", Long.toString(minutes));
        }
        return null;
    }
}

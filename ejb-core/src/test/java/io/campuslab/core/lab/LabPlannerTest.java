package io.campuslab.core.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.campuslab.core.cluster.LabBlueprint;
import io.campuslab.core.cluster.ObservedPod;
import io.campuslab.core.lab.admission.Demand;
import io.campuslab.domain.lab.LabState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LabPlannerTest {

    private static final Instant NOW = Instant.parse("2026-11-22T09:00:00Z");

    private final LabPlanner planner = new LabPlanner(new LabPlanner.Patience(Duration.ofMinutes(10), Duration.ofMinutes(5)),
            Duration.ofHours(1), Duration.ofHours(8));
    private final List<LabRecord> labs = new ArrayList<>();
    private final List<ObservedPod> pods = new ArrayList<>();

    @Test
    void anAdmittedLabWithoutPodIsProvisionedAndAReadyOneRuns() {
        lab(1, LabState.PROVISIONING, NOW);
        lab(2, LabState.PROVISIONING, NOW);
        pod(2, "Running", true, null, null);

        LabPlan plan = planner.plan(labs, pods, NOW);

        assertThat(plan.provision()).containsExactly(1L);
        assertThat(plan.running()).containsExactly(new LabPlan.Running(2, "gpu-node-1"));
        assertThat(plan.removals()).isEmpty();
    }

    @Test
    void aStartingLabSaysHowFarItGot() {
        lab(4, LabState.PROVISIONING, NOW);
        lab(5, LabState.PROVISIONING, NOW);
        lab(6, LabState.PROVISIONING, NOW);
        pods.add(new ObservedPod(4, "cl-north-high", "lab-4", "Pending", null, false, null, null, false, null));
        pod(5, "Pending", false, null, null);
        pod(6, "Running", false, null, null);

        LabPlan plan = planner.plan(labs, pods, NOW);

        assertThat(plan.progress()).containsExactly(new LabPlan.Progress(4, "lab.reason.placing"),
                new LabPlan.Progress(5, "lab.reason.pulling"), new LabPlan.Progress(6, "lab.reason.starting"));
        assertThat(plan.running()).isEmpty();
    }

    @Test
    void aLabWhoseServerDoesNotAnswerFailsAfterThePatienceCountedFromItsContainersStart() {
        lab(7, LabState.PROVISIONING, NOW.minus(Duration.ofMinutes(30)));
        lab(8, LabState.PROVISIONING, NOW.minus(Duration.ofMinutes(30)));
        lab(9, LabState.PROVISIONING, NOW.minus(Duration.ofMinutes(30)));
        // its image took 28 minutes to pull: its server has had two minutes so far
        pods.add(new ObservedPod(7, "cl-north-high", "lab-7", "Running", "gpu-node-1", false, null, null, false,
                NOW.minus(Duration.ofMinutes(2))));
        pods.add(new ObservedPod(8, "cl-north-high", "lab-8", "Running", "gpu-node-1", false, null, null, false,
                NOW.minus(Duration.ofMinutes(6))));
        pods.add(new ObservedPod(9, "cl-north-high", "lab-9", "Running", "gpu-node-1", true, null, null, false,
                NOW.minus(Duration.ofMinutes(6))));

        LabPlan plan = planner.plan(labs, pods, NOW);

        assertThat(plan.progress()).containsExactly(new LabPlan.Progress(7, "lab.reason.starting"));
        assertThat(plan.failures()).containsExactly(new LabPlan.Failure(8, "lab.reason.not-answering", "5"));
        assertThat(plan.running()).containsExactly(new LabPlan.Running(9, "gpu-node-1"));
        assertThat(plan.removals()).as("the failed lab's pod goes").containsExactly(new LabPlan.Removal("cl-north-high", "lab-8"));
    }

    @Test
    void anImageThatCannotBePulledFailsTheLabAndItsPodGoes() {
        lab(3, LabState.PROVISIONING, NOW);
        pod(3, "Pending", false, "ImagePullBackOff", "Back-off pulling image");

        LabPlan plan = planner.plan(labs, pods, NOW);

        assertThat(plan.failures()).containsExactly(new LabPlan.Failure(3, "lab.reason.image-pull", "registry.example/lab:3"));
        assertThat(plan.removals()).containsExactly(new LabPlan.Removal("cl-north-high", "lab-3"));
    }

    @Test
    void aPodNothingPlacesFailsItsLabOnlyAfterThePatience() {
        lab(4, LabState.PROVISIONING, NOW.minus(Duration.ofMinutes(5)));
        lab(5, LabState.PROVISIONING, NOW.minus(Duration.ofMinutes(11)));
        pod(4, "Pending", false, "Unschedulable", "0/4 nodes are available: 4 Insufficient nvidia.com/gpu.");
        pod(5, "Pending", false, "Unschedulable", "0/4 nodes are available: 4 Insufficient nvidia.com/gpu.");

        LabPlan plan = planner.plan(labs, pods, NOW);

        assertThat(plan.failures()).extracting(LabPlan.Failure::labId).containsExactly(5L);
        assertThat(plan.failures().get(0).detail()).contains("Insufficient nvidia.com/gpu");
    }

    @Test
    void aRunningLabWhosePodVanishedFails() {
        lab(6, LabState.RUNNING, NOW);

        assertThat(planner.plan(labs, pods, NOW).failures()).extracting(LabPlan.Failure::reasonKey)
                .containsExactly("lab.reason.pod-lost");
    }

    @Test
    void aStoppingLabsObjectsGoAndItIsGoneOnceThePodIs() {
        lab(7, LabState.STOPPING, NOW);
        lab(8, LabState.STOPPING, NOW);
        pod(7, "Running", true, null, null);

        LabPlan plan = planner.plan(labs, pods, NOW);

        assertThat(plan.removals()).containsExactlyInAnyOrder(new LabPlan.Removal("cl-north-high", "lab-7"),
                new LabPlan.Removal("cl-north-high", "lab-8"));
        assertThat(plan.gone()).containsExactly(8L);
    }

    @Test
    void podsOfNoActiveLabAreRemovedWhateverLeftThemBehind() {
        pod(99, "Running", true, null, null);

        assertThat(planner.plan(labs, pods, NOW).removals()).containsExactly(new LabPlan.Removal("cl-north-high", "lab-99"));
    }

    @Test
    void idleAndOldLabsAreStoppedWithTheirReason() {
        labs.add(record(10, LabState.RUNNING, NOW, NOW.minus(Duration.ofHours(2)), NOW.minus(Duration.ofMinutes(61))));
        labs.add(record(11, LabState.RUNNING, NOW, NOW.minus(Duration.ofHours(9)), NOW.minus(Duration.ofMinutes(1))));
        labs.add(record(12, LabState.RUNNING, NOW, NOW.minus(Duration.ofHours(1)), NOW.minus(Duration.ofMinutes(5))));
        pod(10, "Running", true, null, null);
        pod(11, "Running", true, null, null);
        pod(12, "Running", true, null, null);

        assertThat(planner.plan(labs, pods, NOW).stops()).containsExactly(new LabPlan.Stop(10, "lab.reason.idle"),
                new LabPlan.Stop(11, "lab.reason.lifetime"));
    }

    @Test
    void activityIsWhatThePortalRecordedAndNothingThePodSays() {
        labs.add(record(13, LabState.RUNNING, NOW, NOW.minus(Duration.ofHours(2)), NOW.minus(Duration.ofMinutes(10))));
        labs.add(record(14, LabState.RUNNING, NOW, NOW.minus(Duration.ofHours(2)), NOW.minus(Duration.ofMinutes(61))));
        pod(13, "Running", true, null, null);
        pod(14, "Running", true, null, null);

        assertThat(planner.plan(labs, pods, NOW).stops()).containsExactly(new LabPlan.Stop(14, "lab.reason.idle"));
    }

    private void lab(long id, LabState state, Instant changed) {
        labs.add(record(id, state, changed, null, null));
    }

    static LabRecord record(long id, LabState state, Instant changed, Instant running, Instant activity) {
        LabBlueprint blueprint = new LabBlueprint("lab-" + id, "cl-north-high", id, "north-high", "sam", "jupyterlab",
                "registry.example/lab:" + id, List.of(), List.of(), List.of(new LabBlueprint.Port("http", 8888)),
                1000, 1024, 1000, 1024, 0, null, Map.of(), List.of(), 0, "/", null);
        return new LabRecord(id, "north-high", "sam", state, Demand.cpu(1000, 1024), null, changed, running, activity, blueprint);
    }

    private void pod(long id, String phase, boolean ready, String problem, String detail) {
        pods.add(new ObservedPod(id, "cl-north-high", "lab-" + id, phase, "gpu-node-1", ready, problem, detail, false,
                "Running".equals(phase) ? NOW.minusSeconds(10) : null));
    }
}

package io.campuslab.core.lab.admission;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdmissionPolicyTest {

    private static final String GPU = "nvidia.com/gpu";
    private static final Map<String, String> A100 = Map.of("nvidia.com/gpu.product", "NVIDIA-A100-SXM4-40GB");

    private final AdmissionPolicy policy = new AdmissionPolicy();
    private final List<QueuedLab> queue = new ArrayList<>();
    private final List<HeldLab> held = new ArrayList<>();
    private final Map<String, TenantLimits> limits = Map.of(
            "north", limits("north", 8),
            "south", limits("south", 8));
    private final List<NodeRoom> nodes = new ArrayList<>(List.of(
            new NodeRoom("gpu-1", 32_000, 131_072, Map.of(GPU, 4), A100),
            new NodeRoom("cpu-1", 16_000, 65_536, Map.of(), Map.of())));
    private long sequence;

    @Test
    void anEmptyQueueAdmitsNothing() {
        assertThat(decide().admitted()).isEmpty();
    }

    @Test
    void cpuLabsGoToNodesWithoutGpusAndGpuLabsToGpuNodes() {
        queue("north", "sam", Demand.cpu(2000, 4096));
        queue("north", "sue", Demand.gpu(4000, 16_384, 1, GPU));

        Admission admission = decide();

        assertThat(admission.admitted()).extracting(Admission.Admitted::node).containsExactly("cpu-1", "gpu-1");
        assertThat(admission.waiting()).isEmpty();
    }

    @Test
    void aSchoolNeverHoldsMoreGpusThanItsQuota() {
        for (int i = 0; i < 12; i++) {
            queue("north", "student-" + i, Demand.gpu(1000, 2048, 1, GPU));
        }
        nodes.add(new NodeRoom("gpu-2", 32_000, 131_072, Map.of(GPU, 16), A100));
        Map<String, TenantLimits> tight = Map.of("north", limits("north", 3));

        Admission admission = policy.decide(queue, held, tight, nodes);

        assertThat(admission.admitted()).hasSize(3);
        assertThat(admission.waiting().values()).allSatisfy(w -> assertThat(w.reason()).isEqualTo(WaitReason.SCHOOL_GPUS));
        assertThat(admission.waiting().values()).extracting(Admission.Waiting::position)
                .containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8, 9);
    }

    @Test
    void heldLabsCountAgainstQuotaAndRoom() {
        held.add(new HeldLab("north", "sam", Demand.gpu(1000, 2048, 4, GPU), "gpu-1"));
        queue("north", "sue", Demand.gpu(1000, 2048, 1, GPU));

        Admission admission = decide();

        assertThat(admission.admitted()).isEmpty();
        Admission.Waiting sue = admission.waiting().values().iterator().next();
        assertThat(sue.reason()).isEqualTo(WaitReason.NO_FREE_GPU);
        assertThat(sue.detail()).as("the GPU named as people know it").isEqualTo("NVIDIA-A100-SXM4-40GB");
        assertThat(sue.position()).isEqualTo(1);
    }

    @Test
    void admittedLabsNotYetPlacedStillTakeRoom() {
        held.add(new HeldLab("north", "sam", Demand.gpu(1000, 2048, 3, GPU), null));
        queue("south", "stan", Demand.gpu(1000, 2048, 2, GPU));

        assertThat(decide().waiting().values()).extracting(Admission.Waiting::reason).containsExactly(WaitReason.NO_FREE_GPU);
    }

    @Test
    void schoolsTakeTurnsByDominantShare() {
        held.add(new HeldLab("north", "sam", Demand.gpu(1000, 2048, 2, GPU), "gpu-1"));
        queue("north", "sue", Demand.gpu(1000, 2048, 1, GPU));
        queue("south", "stan", Demand.gpu(1000, 2048, 1, GPU));
        queue("south", "sara", Demand.gpu(1000, 2048, 1, GPU));

        Admission admission = decide();

        assertThat(admission.admitted()).as("north already holds half the GPUs: south goes first, twice").hasSize(2);
        assertThat(ids(admission)).containsExactly(2L, 3L);
        assertThat(admission.waiting().get(1L).reason()).isEqualTo(WaitReason.NO_FREE_GPU);
    }

    @Test
    void aLabThatCannotStartDoesNotHoldUpOthersBehindIt() {
        queue("north", "sam", Demand.gpu(1000, 2048, 8, GPU));
        queue("north", "sue", Demand.cpu(1000, 2048));

        Admission admission = decide();

        assertThat(ids(admission)).containsExactly(2L);
        assertThat(admission.waiting().get(1L).position()).isEqualTo(1);
    }

    @Test
    void aUsersRequestsStartInOrderAndWithinTheirLimit() {
        queue("north", "sam", Demand.gpu(1000, 2048, 8, GPU));
        queue("north", "sam", Demand.cpu(1000, 2048));
        queue("north", "sue", Demand.cpu(1000, 2048));
        queue("north", "sue", Demand.cpu(1000, 2048));

        Admission admission = decide();

        assertThat(ids(admission)).containsExactly(3L);
        assertThat(admission.waiting().get(2L).reason()).isEqualTo(WaitReason.BEHIND_OWN_REQUEST);
        assertThat(admission.waiting().get(4L).reason()).isEqualTo(WaitReason.USER_LABS);
        assertThat(admission.waiting().values()).extracting(Admission.Waiting::position).containsExactlyInAnyOrder(1, 2, 3);
    }

    @Test
    void perKeyGpuQuotaAndNodeLabelsAreHonoured() {
        String mig = "nvidia.com/mig-1g.5gb";
        nodes.add(new NodeRoom("mig-1", 16_000, 65_536, Map.of(mig, 7), Map.of()));
        Map<String, TenantLimits> perKey = Map.of("north",
                new TenantLimits("north", 100_000, 1_000_000, 50, 8, Map.of(mig, 1), 1));
        queue("north", "sam", Demand.gpu(1000, 2048, 1, mig));
        queue("north", "sue", Demand.gpu(1000, 2048, 1, mig));
        queue("north", "ann", new Demand(1000, 2048, 1000, 2048, 1, GPU, Map.of("nvidia.com/gpu.product", "H100")));

        Admission admission = policy.decide(queue, held, perKey, nodes);

        assertThat(admission.admitted()).extracting(Admission.Admitted::node).containsExactly("mig-1");
        assertThat(admission.waiting().get(2L).reason()).isEqualTo(WaitReason.SCHOOL_GPUS);
        assertThat(admission.waiting().get(2L).detail()).isEqualTo(mig);
        assertThat(admission.waiting().get(3L).reason()).isEqualTo(WaitReason.NO_MATCHING_NODE);
    }

    @Test
    void overcommittedRequestsPackMoreLabsThanTheirLimits() {
        nodes.clear();
        nodes.add(new NodeRoom("cpu-1", 4000, 65_536, Map.of(), Map.of()));
        for (int i = 0; i < 4; i++) {
            queue("north", "student-" + i, new Demand(2000, 2048, 1000, 2048, 0, null, Map.of()));
        }

        Admission admission = decide();

        assertThat(admission.admitted()).hasSize(4);
        assertThat(admission.waiting()).isEmpty();
    }

    @Test
    void aSchoolWithoutLimitsStartsNothing() {
        queue("west", "wendy", Demand.cpu(1000, 1024));

        assertThat(decide().waiting().values()).extracting(Admission.Waiting::reason).containsExactly(WaitReason.SCHOOL_LABS);
    }

    @Test
    void theSameSnapshotGivesTheSameDecision() {
        for (int i = 0; i < 30; i++) {
            queue(i % 2 == 0 ? "north" : "south", "student-" + i, i % 3 == 0 ? Demand.gpu(1000, 2048, 1, GPU) : Demand.cpu(1000, 2048));
        }
        assertThat(decide()).isEqualTo(decide());
    }

    private Admission decide() {
        return policy.decide(queue, held, limits, nodes);
    }

    private void queue(String tenant, String user, Demand demand) {
        sequence++;
        queue.add(new QueuedLab(sequence, tenant, user, sequence, demand));
    }

    private static List<Long> ids(Admission admission) {
        return admission.admitted().stream().map(Admission.Admitted::labId).toList();
    }

    private static TenantLimits limits(String tenant, int gpus) {
        return new TenantLimits(tenant, 1_000_000, 10_000_000, 100, gpus, Map.of(), 1);
    }
}

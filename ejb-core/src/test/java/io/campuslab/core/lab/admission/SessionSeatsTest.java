package io.campuslab.core.lab.admission;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Admission beside class sessions: seats kept free, filled first, lent, and taken back. */
class SessionSeatsTest {

    private static final String GPU = "nvidia.com/gpu";
    private static final long PHYSICS = 70;
    private static final Demand ONE_GPU = Demand.gpu(2000, 4096, 1, GPU);

    private final AdmissionPolicy policy = new AdmissionPolicy();
    private final List<QueuedLab> queue = new ArrayList<>();
    private final List<HeldLab> held = new ArrayList<>();
    private final List<Reserved> reserved = new ArrayList<>();
    private final Map<String, TenantLimits> limits = Map.of(
            "north", limits("north", 16),
            "south", limits("south", 16));
    private final List<NodeRoom> nodes = new ArrayList<>(List.of(
            new NodeRoom("gpu-1", 64_000, 262_144, Map.of(GPU, 4), Map.of()),
            new NodeRoom("cpu-1", 16_000, 65_536, Map.of(), Map.of())));
    private long sequence;

    @Test
    void aSelfServiceLabCannotTakeGpusReservedForASession() {
        reserved.add(new Reserved(PHYSICS, "north", "Physics 3B", ONE_GPU, 4, false));
        long stan = queue("south", "stan", ONE_GPU, null);
        long sam = queue("north", "sam", ONE_GPU, null);
        long cpu = queue("south", "sid", Demand.cpu(1000, 2048), null);

        Admission admission = decide();

        assertThat(ids(admission)).containsExactly(cpu);
        assertThat(admission.waiting().get(stan).reason()).isEqualTo(WaitReason.RESERVED);
        assertThat(admission.waiting().get(stan).detail()).isEqualTo("Physics 3B");
        assertThat(admission.waiting().get(sam).reason()).isEqualTo(WaitReason.RESERVED);
        assertThat(admission.reclaimed()).isEmpty();
    }

    @Test
    void aSessionsLabsStartFirstOnTheirSeatsEvenWhenAskedForLater() {
        reserved.add(new Reserved(PHYSICS, "north", "Physics 3B", ONE_GPU, 4, false));
        long early = queue("south", "stan", ONE_GPU, null);
        List<Long> session = List.of(queue("north", "s1", ONE_GPU, PHYSICS), queue("north", "s2", ONE_GPU, PHYSICS),
                queue("north", "s3", ONE_GPU, PHYSICS));

        Admission admission = decide();

        assertThat(ids(admission)).containsExactlyElementsOf(session);
        assertThat(admission.waiting().get(early).reason()).as("the fourth seat is kept for the fourth student")
                .isEqualTo(WaitReason.RESERVED);
    }

    @Test
    void oneGpuLeftBesideTheSeatsIsFreeForAnyone() {
        reserved.add(new Reserved(PHYSICS, "north", "Physics 3B", ONE_GPU, 3, false));
        long stan = queue("south", "stan", ONE_GPU, null);
        long sue = queue("south", "sue", ONE_GPU, null);

        Admission admission = decide();

        assertThat(ids(admission)).containsExactly(stan);
        assertThat(admission.waiting().get(sue).reason()).isEqualTo(WaitReason.RESERVED);
    }

    @Test
    void filledSeatsKeepNothingFreeAndSeatsBeyondTheReservationQueueAsUsual() {
        reserved.add(new Reserved(PHYSICS, "north", "Physics 3B", ONE_GPU, 2, false));
        held.add(held("north", "s1", ONE_GPU, PHYSICS, false));
        held.add(held("north", "s2", ONE_GPU, PHYSICS, false));
        long extra = queue("north", "s3", ONE_GPU, PHYSICS);
        long stan = queue("south", "stan", ONE_GPU, null);

        Admission admission = decide();

        assertThat(ids(admission)).containsExactlyInAnyOrder(extra, stan);
    }

    @Test
    void aSchoolsOwnLabsCannotTakeTheQuotaItsSessionReserved() {
        nodes.add(new NodeRoom("gpu-2", 64_000, 262_144, Map.of(GPU, 16), Map.of()));
        reserved.add(new Reserved(PHYSICS, "north", "Physics 3B", ONE_GPU, 14, false));
        long sam = queue("north", "sam", Demand.gpu(2000, 4096, 3, GPU), null);
        long stan = queue("south", "stan", Demand.gpu(2000, 4096, 3, GPU), null);

        Admission admission = decide();

        assertThat(ids(admission)).containsExactly(stan);
        assertThat(admission.waiting().get(sam).reason()).isEqualTo(WaitReason.RESERVED);
    }

    @Test
    void emptySeatsOfALendingSessionAreLent() {
        reserved.add(new Reserved(PHYSICS, "north", "Physics 3B", ONE_GPU, 4, true));
        held.add(held("north", "s1", ONE_GPU, PHYSICS, false));
        long stan = queue("south", "stan", ONE_GPU, null);

        assertThat(ids(decide())).containsExactly(stan);
    }

    @Test
    void aLateStudentTakesBackTheLatestLabThatUsesTheSeats() {
        reserved.add(new Reserved(PHYSICS, "north", "Physics 3B", ONE_GPU, 3, true));
        held.add(held("north", "s1", ONE_GPU, PHYSICS, false));
        held.add(held("north", "s2", ONE_GPU, PHYSICS, false));
        HeldLab older = held("south", "stan", ONE_GPU, null, false);
        HeldLab latest = held("south", "sue", ONE_GPU, null, false);
        held.add(older);
        held.add(latest);
        long late = queue("north", "s3", ONE_GPU, PHYSICS);

        Admission admission = decide();

        assertThat(admission.admitted()).isEmpty();
        assertThat(admission.reclaimed()).containsExactly(latest.labId());
        assertThat(admission.waiting().get(late).reason()).isEqualTo(WaitReason.RECLAIMING);

        held.set(held.indexOf(latest), new HeldLab(latest.labId(), "south", "sue", ONE_GPU, "gpu-1", null,
                latest.sequence(), true));
        Admission next = decide();
        assertThat(next.reclaimed()).as("already giving its room back: nothing more is taken").isEmpty();
        assertThat(next.waiting().get(late).reason()).isEqualTo(WaitReason.RECLAIMING);
    }

    @Test
    void nothingIsTakenBackWhenItWouldNotHelp() {
        reserved.add(new Reserved(PHYSICS, "north", "Physics 3B", Demand.gpu(2000, 4096, 8, GPU), 1, true));
        held.add(held("south", "stan", ONE_GPU, null, false));
        long wide = queue("north", "s1", Demand.gpu(2000, 4096, 8, GPU), PHYSICS);

        Admission admission = decide();

        assertThat(admission.reclaimed()).isEmpty();
        assertThat(admission.waiting().get(wide).reason()).isEqualTo(WaitReason.NO_FREE_GPU);
    }

    @Test
    void aSessionLabNeverTakesBackAnotherSessionsLab() {
        reserved.add(new Reserved(PHYSICS, "north", "Physics 3B", ONE_GPU, 1, true));
        for (int i = 0; i < 4; i++) {
            held.add(held("south", "c" + i, ONE_GPU, 99L, false));
        }
        queue("north", "s1", ONE_GPU, PHYSICS);

        assertThat(decide().reclaimed()).isEmpty();
    }

    private Admission decide() {
        return policy.decide(queue, held, limits, nodes, reserved);
    }

    private long queue(String tenant, String user, Demand demand, Long session) {
        sequence++;
        queue.add(new QueuedLab(sequence, tenant, user, sequence, demand, session));
        return sequence;
    }

    private HeldLab held(String tenant, String user, Demand demand, Long session, boolean reclaiming) {
        sequence++;
        return new HeldLab(sequence, tenant, user, demand, "gpu-1", session, sequence, reclaiming);
    }

    private static List<Long> ids(Admission admission) {
        return admission.admitted().stream().map(Admission.Admitted::labId).toList();
    }

    private static TenantLimits limits(String tenant, int gpus) {
        return new TenantLimits(tenant, 1_000_000, 10_000_000, 100, gpus, Map.of(), 10);
    }
}

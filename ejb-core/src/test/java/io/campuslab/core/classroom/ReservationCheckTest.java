package io.campuslab.core.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import io.campuslab.core.lab.admission.Demand;
import io.campuslab.core.lab.admission.NodeRoom;
import io.campuslab.core.lab.admission.TenantLimits;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ReservationCheckTest {

    private static final String A100 = "nvidia.com/gpu";
    private static final Instant TUESDAY_8 = Instant.parse("2026-11-24T08:00:00Z");
    /** Ten machines of four A100s, 40 cores and 200,000 MiB each. */
    private static final ReservationCheck.Capacity CLUSTER = new ReservationCheck.Capacity(IntStream.range(0, 10)
            .mapToObj(i -> machine("gpu-" + i, 4)).toList());
    private static final TenantLimits NORTH_HIGH = new TenantLimits("north-high", 200_000, 800_000, 100, 32, Map.of(), 1);

    @Test
    void thirtyStudentsWithAGpuEachFitAnEmptyMorning() {
        ReservationCheck.Verdict verdict = ReservationCheck.check(session("Physics 3B", "north-high", TUESDAY_8, 30, 1),
                List.of(), CLUSTER, NORTH_HIGH);

        assertThat(verdict.fits()).isTrue();
    }

    @Test
    void overlappingSessionsBeyondTheClustersGpusAreRefusedNamingWhoHoldsThem() {
        Reservation southAcademy = session("Robotics 2A", "south-academy", TUESDAY_8.plus(Duration.ofMinutes(30)), 28, 1);

        ReservationCheck.Verdict verdict = ReservationCheck.check(session("Physics 3B", "north-high", TUESDAY_8, 30, 1),
                List.of(southAcademy), CLUSTER, NORTH_HIGH);

        assertThat(verdict.fits()).isFalse();
        assertThat(verdict.reasonKey()).isEqualTo("session.no-room.gpus");
        assertThat(verdict.resource()).isEqualTo(A100);
        assertThat(verdict.wanted()).isEqualTo(30);
        assertThat(verdict.free()).isEqualTo(12);
        assertThat(verdict.at()).isEqualTo(TUESDAY_8.plus(Duration.ofMinutes(30)));
        assertThat(verdict.heldBy()).containsExactly("Robotics 2A");
    }

    @Test
    void sessionsThatDoNotOverlapDoNotCount() {
        Reservation earlier = session("Robotics 2A", "south-academy", TUESDAY_8.minus(Duration.ofHours(2)), 40, 1);

        assertThat(ReservationCheck.check(session("Physics 3B", "north-high", TUESDAY_8, 30, 1), List.of(earlier),
                CLUSTER, NORTH_HIGH).fits()).isTrue();
    }

    @Test
    void aSchoolCannotReserveBeyondItsQuotaEvenOnAnEmptyCluster() {
        Reservation chemistry = session("Chemistry 1C", "north-high", TUESDAY_8, 20, 1);

        ReservationCheck.Verdict verdict = ReservationCheck.check(session("Physics 3B", "north-high", TUESDAY_8, 20, 1),
                List.of(chemistry), CLUSTER, NORTH_HIGH);

        assertThat(verdict.fits()).isFalse();
        assertThat(verdict.reasonKey()).isEqualTo("session.no-quota.gpus");
        assertThat(verdict.free()).isEqualTo(12);
        assertThat(verdict.heldBy()).containsExactly("Chemistry 1C");
    }

    @Test
    void cpuSessionsNeedNoGpusButRoomForTheirRequests() {
        Reservation big = new Reservation("Data science", "north-high", TUESDAY_8, TUESDAY_8.plus(Duration.ofMinutes(90)),
                new Demand(4000, 8192, 2000, 8192, 0, null, Map.of()), 60);

        ReservationCheck.Verdict verdict = ReservationCheck.check(big, List.of(), CLUSTER, NORTH_HIGH);

        assertThat(verdict.fits()).isFalse();
        assertThat(verdict.reasonKey()).isEqualTo("session.no-quota.cpu");
        assertThat(verdict.wanted()).isEqualTo(240_000);
    }

    @Test
    void labsThatFindNoMachineAreRefusedThoughTheFreeGpusAddUp() {
        ReservationCheck.Capacity fourMachines = new ReservationCheck.Capacity(IntStream.range(0, 4)
                .mapToObj(i -> machine("gpu-" + i, 4)).toList());
        Reservation threeEach = session("Robotics 2A", "south-academy", TUESDAY_8, 4, 3);

        ReservationCheck.Verdict twoEach = ReservationCheck.check(session("Physics 3B", "north-high", TUESDAY_8, 2, 2),
                List.of(threeEach), fourMachines, NORTH_HIGH);
        ReservationCheck.Verdict oneEach = ReservationCheck.check(session("Physics 3B", "north-high", TUESDAY_8, 4, 1),
                List.of(threeEach), fourMachines, NORTH_HIGH);

        assertThat(twoEach.fits()).isFalse();
        assertThat(twoEach.reasonKey()).isEqualTo("session.no-room.machines");
        assertThat(twoEach.wanted()).isEqualTo(2);
        assertThat(twoEach.free()).isZero();
        assertThat(twoEach.heldBy()).containsExactly("Robotics 2A");
        assertThat(oneEach.fits()).isTrue();
    }

    @Test
    void aLabLargerThanEveryMachineIsRefusedWhateverIsFree() {
        ReservationCheck.Verdict verdict = ReservationCheck.check(session("Deep learning", "north-high", TUESDAY_8, 2, 8),
                List.of(), CLUSTER, NORTH_HIGH);

        assertThat(verdict.fits()).isFalse();
        assertThat(verdict.reasonKey()).isEqualTo("session.no-room.size");
    }

    @Test
    void aGpuModelNoMachineOffersIsNamed() {
        Reservation h100 = new Reservation("Physics 3B", "north-high", TUESDAY_8, TUESDAY_8.plus(Duration.ofMinutes(90)),
                new Demand(2000, 8192, 2000, 8192, 1, A100, Map.of(NodeRoom.GPU_MODEL_LABEL, "H100")), 10);

        ReservationCheck.Verdict verdict = ReservationCheck.check(h100, List.of(), CLUSTER, NORTH_HIGH);

        assertThat(verdict.fits()).isFalse();
        assertThat(verdict.reasonKey()).isEqualTo("session.no-room.model");
        assertThat(verdict.resource()).isEqualTo("H100");
    }

    private static NodeRoom machine(String name, int gpus) {
        return new NodeRoom(name, 40_000, 200_000, Map.of(A100, gpus), Map.of(NodeRoom.GPU_MODEL_LABEL, "A100"));
    }

    private static Reservation session(String owner, String tenant, Instant start, int students, int gpus) {
        return new Reservation(owner, tenant, start, start.plus(Duration.ofMinutes(90)), Demand.gpu(2000, 8192, gpus, A100),
                students);
    }
}

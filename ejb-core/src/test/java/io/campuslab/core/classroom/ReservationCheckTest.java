package io.campuslab.core.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import io.campuslab.core.lab.admission.Demand;
import io.campuslab.core.lab.admission.TenantLimits;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReservationCheckTest {

    private static final String A100 = "nvidia.com/gpu";
    private static final Instant TUESDAY_8 = Instant.parse("2026-11-24T08:00:00Z");
    private static final ReservationCheck.Capacity CLUSTER = new ReservationCheck.Capacity(Map.of(A100, 40L), 400_000, 2_000_000);
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

    private static Reservation session(String owner, String tenant, Instant start, int students, int gpus) {
        return new Reservation(owner, tenant, start, start.plus(Duration.ofMinutes(90)), Demand.gpu(2000, 8192, gpus, A100),
                students);
    }
}

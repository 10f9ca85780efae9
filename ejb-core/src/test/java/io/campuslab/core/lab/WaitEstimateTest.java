package io.campuslab.core.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.campuslab.core.lab.admission.Admission;
import io.campuslab.core.lab.admission.Demand;
import io.campuslab.core.lab.admission.WaitReason;
import io.campuslab.domain.lab.LabState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WaitEstimateTest {

    private static final Instant T0 = Instant.parse("2026-11-22T08:00:00Z");
    private static final Duration LIFE = Duration.ofHours(8);

    @Test
    void theNthQueuedLabStartsAtTheLatestWhenTheNthLabAheadReachesItsTimeLimit() {
        List<LabRecord> labs = List.of(
                running(1, "north-high", 2, T0),
                running(2, "north-high", 2, T0.plusSeconds(3600)),
                running(3, "south-academy", 2, T0.minusSeconds(3600)),
                running(4, "north-high", 0, T0.minusSeconds(7200)),
                queued(10, "north-high", 2), queued(11, "north-high", 2), queued(12, "north-high", 2));
        Admission admission = new Admission(List.of(), Map.of(
                10L, new Admission.Waiting(1, WaitReason.SCHOOL_GPUS, "nvidia.com/gpu"),
                11L, new Admission.Waiting(2, WaitReason.SCHOOL_GPUS, "nvidia.com/gpu"),
                12L, new Admission.Waiting(3, WaitReason.SCHOOL_GPUS, "nvidia.com/gpu")));

        Map<Long, Instant> estimates = WaitEstimate.of(labs, admission, LIFE);

        assertThat(estimates).containsEntry(10L, T0.plus(LIFE)).containsEntry(11L, T0.plusSeconds(3600).plus(LIFE))
                .as("only two GPU labs of the school are ahead").doesNotContainKey(12L);
    }

    @Test
    void labsWaitingForRoomOnTheClusterCountEverySchoolsLabs() {
        List<LabRecord> labs = List.of(running(3, "south-academy", 2, T0.minusSeconds(3600)), queued(10, "north-high", 2));
        Admission admission = new Admission(List.of(), Map.of(10L, new Admission.Waiting(1, WaitReason.NO_FREE_GPU, "")));

        assertThat(WaitEstimate.of(labs, admission, LIFE)).containsEntry(10L, T0.minusSeconds(3600).plus(LIFE));
    }

    private static LabRecord running(long id, String school, int gpus, Instant since) {
        return new LabRecord(id, school, "user-" + id, LabState.RUNNING,
                gpus > 0 ? Demand.gpu(1000, 1024, gpus, "nvidia.com/gpu") : Demand.cpu(1000, 1024), "node", since, since, since, null);
    }

    private static LabRecord queued(long id, String school, int gpus) {
        return new LabRecord(id, school, "user-" + id, LabState.QUEUED, Demand.gpu(1000, 1024, gpus, "nvidia.com/gpu"), null,
                T0, null, null, null);
    }
}

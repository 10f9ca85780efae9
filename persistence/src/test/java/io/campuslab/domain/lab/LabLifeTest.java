package io.campuslab.domain.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campuslab.domain.catalog.LabResources;
import io.campuslab.domain.catalog.LabTemplate;
import io.campuslab.domain.catalog.PortProtocol;
import io.campuslab.domain.catalog.PortSpec;
import io.campuslab.domain.catalog.TemplateDefinition;
import io.campuslab.domain.identity.Member;
import io.campuslab.domain.identity.Role;
import io.campuslab.domain.tenant.Tenant;
import io.campuslab.domain.tenant.TenantSlug;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LabLifeTest {

    private static final Instant T0 = Instant.parse("2026-11-22T08:00:00Z");

    @Test
    void aLabGoesFromTheQueueToRunningToStopped() {
        Lab lab = lab();
        assertThat(lab.state()).isEqualTo(LabState.QUEUED);

        lab.waits("lab.wait.no-free-gpu", "NVIDIA-A100-SXM4-40GB", 3, T0.plusSeconds(3600));
        assertThat(lab.queuePosition()).hasValue(3);
        assertThat(lab.startsBy()).hasValue(T0.plusSeconds(3600));
        assertThat(lab.reasonDetail()).hasValue("NVIDIA-A100-SXM4-40GB");
        lab.admit("gpu-node-1", T0.plusSeconds(10));
        assertThat(lab.queuePosition()).isEmpty();
        assertThat(lab.startsBy()).isEmpty();
        lab.running("gpu-node-1", T0.plusSeconds(40));
        assertThat(lab.state()).isEqualTo(LabState.RUNNING);
        assertThat(lab.lastActivityAt()).hasValue(T0.plusSeconds(40));

        assertThat(lab.stop("lab.reason.stopped-by-user", T0.plusSeconds(100))).isTrue();
        assertThat(lab.stop("lab.reason.stopped-by-user", T0.plusSeconds(101))).as("asking twice changes nothing").isFalse();
        lab.gone(T0.plusSeconds(105));
        assertThat(lab.state()).isEqualTo(LabState.STOPPED);
        assertThat(lab.reasonKey()).isEqualTo("lab.reason.stopped-by-user");
        assertThat(lab.endedAt()).hasValue(T0.plusSeconds(105));
    }

    @Test
    void usageCountsTheRunningTimeInsideTheWindowByLimitsAndGpus() {
        Lab lab = lab();
        assertThat(lab.usedBetween(T0, T0.plusSeconds(7200))).isEqualTo(LabUsage.NONE);
        lab.admit("gpu-node-1", T0);
        lab.running("gpu-node-1", T0.plusSeconds(1800));
        lab.stop("lab.reason.stopped-by-user", T0.plusSeconds(5400));
        lab.gone(T0.plusSeconds(9000));

        LabUsage whole = lab.usedBetween(T0, T0.plusSeconds(86_400));
        LabUsage firstHour = lab.usedBetween(T0, T0.plusSeconds(3600));
        LabUsage after = lab.usedBetween(T0.plusSeconds(9000), T0.plusSeconds(86_400));

        assertThat(whole.gpuHours()).as("half past eight to half past ten, one GPU").isEqualTo(2.0);
        assertThat(whole.cpuCoreHours()).as("two cores for two hours").isEqualTo(4.0);
        assertThat(firstHour.gpuHours()).isEqualTo(0.5);
        assertThat(after).isEqualTo(LabUsage.NONE);
    }

    @Test
    void aRunningLabKnowsWhenIdlenessAndAgeStopIt() {
        Lab lab = lab();
        assertThat(lab.idleStopAt(new LabCulling(Duration.ofMinutes(60), Duration.ofHours(8)))).isEmpty();
        lab.admit("gpu-node-1", T0);
        lab.running("gpu-node-1", T0);
        lab.touch(T0.plusSeconds(600));

        assertThat(lab.idleStopAt(new LabCulling(Duration.ofMinutes(60), Duration.ofHours(8)))).hasValue(T0.plusSeconds(600 + 3600));
        assertThat(lab.lifetimeEndAt(new LabCulling(Duration.ofMinutes(60), Duration.ofHours(8)))).hasValue(T0.plusSeconds(8 * 3600));
    }

    @Test
    void aQueuedLabStopsAtOnce() {
        Lab lab = lab();
        assertThat(lab.stop("lab.reason.stopped-by-user", T0)).isTrue();
        assertThat(lab.state()).isEqualTo(LabState.STOPPED);
        assertThat(lab.state().isActive()).isFalse();
    }

    @Test
    void endedLabsNeverComeBack() {
        Lab lab = lab();
        lab.admit("cpu-node-1", T0);
        lab.fail("lab.reason.image-pull", "registry.example/lab:1", T0.plusSeconds(30));

        assertThatThrownBy(() -> lab.running("cpu-node-1", T0.plusSeconds(31))).isInstanceOf(LabStateException.class);
        assertThatThrownBy(() -> lab.admit("cpu-node-1", T0.plusSeconds(31))).isInstanceOf(LabStateException.class);
        assertThat(lab.stop("lab.reason.stopped-by-user", T0.plusSeconds(32))).isFalse();
        assertThat(lab.state()).isEqualTo(LabState.FAILED);
    }

    @Test
    void idleAndLifetimeCountFromActivityAndStart() {
        Lab lab = lab();
        lab.admit("cpu-node-1", T0);
        lab.running("cpu-node-1", T0);
        lab.touch(T0.plus(Duration.ofMinutes(50)));
        lab.touch(T0.plus(Duration.ofMinutes(20)));

        LabCulling idleAfterAnHour = new LabCulling(Duration.ofHours(1), Duration.ofDays(7));
        assertThat(lab.cullingDue(idleAfterAnHour, T0.plus(Duration.ofMinutes(100)))).isEmpty();
        assertThat(lab.cullingDue(idleAfterAnHour, T0.plus(Duration.ofMinutes(111)))).hasValue(LabCulling.IDLE);
        LabCulling eightHoursAtMost = new LabCulling(Duration.ofDays(7), Duration.ofHours(8));
        assertThat(lab.cullingDue(eightHoursAtMost, T0.plus(Duration.ofHours(7)))).isEmpty();
        assertThat(lab.cullingDue(eightHoursAtMost, T0.plus(Duration.ofHours(9)))).hasValue(LabCulling.LIFETIME);
        assertThat(lab.cullingDue(new LabCulling(Duration.ofHours(1), Duration.ofHours(8)), T0.plus(Duration.ofHours(9))))
                .as("idle and too old: idle first").hasValue(LabCulling.IDLE);
        lab.stop("lab.reason.stopped-by-user", T0.plus(Duration.ofHours(9)));
        assertThat(lab.cullingDue(idleAfterAnHour, T0.plus(Duration.ofHours(10)))).as("only a running lab is culled").isEmpty();
    }

    @Test
    void theStatesSayWhatTheyHold() {
        assertThat(LabState.QUEUED.holdsResources()).isFalse();
        assertThat(LabState.STOPPING.holdsResources()).isTrue();
        assertThat(LabState.STOPPING.isActive()).isTrue();
        assertThat(LabState.FAILED.next()).isEmpty();
    }

    @Test
    void aSizeMustBeConsistent() {
        assertThatThrownBy(() -> new LabSize(1000, 1024, 2000, 1024, 0, null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LabSize(1000, 1024, 1000, 1024, 1, null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new LabSize(2000, 4096, 1000, 4096, 0, null, "A100").gpuModel()).isEmpty();
    }

    private static Lab lab() {
        Tenant school = new Tenant(new TenantSlug("north-high"), "North High School", T0);
        Member sam = Member.invited("subject-sam", "sam", "Sam Student", null, school, Role.STUDENT, null, T0);
        LabTemplate jupyter = LabTemplate.of(new TemplateDefinition("jupyterlab", "JupyterLab", "", "NOTEBOOK",
                "quay.io/jupyter/scipy-notebook:python-3.12", Map.of(), List.of(), List.of(),
                List.of(new PortSpec("http", 8888, PortProtocol.HTTP)), "/home/jovyan/work", 1024,
                new LabResources(2000, 4096, 0), new LabResources(8000, 32768, 2), List.of(), List.of()), Optional.empty(), T0);
        return Lab.queue(school, sam, jupyter, new LabSize(2000, 4096, 1000, 4096, 1, "nvidia.com/gpu", "A100"),
                LabOrigin.SELF_SERVICE, T0);
    }
}

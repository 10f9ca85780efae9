package io.campuslab.core.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.campuslab.domain.catalog.LabResources;
import io.campuslab.domain.catalog.LabTemplate;
import io.campuslab.domain.catalog.PortProtocol;
import io.campuslab.domain.catalog.PortSpec;
import io.campuslab.domain.catalog.TemplateDefinition;
import io.campuslab.domain.identity.Member;
import io.campuslab.domain.identity.Role;
import io.campuslab.domain.lab.Lab;
import io.campuslab.domain.lab.LabOrigin;
import io.campuslab.domain.lab.LabSize;
import io.campuslab.domain.tenant.Tenant;
import io.campuslab.domain.tenant.TenantSlug;
import io.campuslab.domain.tenant.Term;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UsageMeterTest {

    private static final Instant MONTH = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    private static final Term TERM = new Term(LocalDate.parse("2026-09-01"), LocalDate.parse("2027-01-31"));

    private final Tenant school = new Tenant(new TenantSlug("north-high"), "North High School", MONTH);
    private final Member sam = Member.invited("subject-sam", "sam", "Sam Student", null, school, Role.STUDENT, null, MONTH);
    private final Member sue = Member.invited("subject-sue", "sue", "Sue Student", null, school, Role.STUDENT, null, MONTH);

    @Test
    void aClassSessionsLabShowsInTheMemberUsageButSpendsOnlyTheSchoolsBudget() {
        Lab ownLab = ran(Lab.queue(school, sam, template(), gpuSize(), LabOrigin.SELF_SERVICE, MONTH), NOW.minus(Duration.ofHours(5)), 2);
        Lab sessionLab = ran(Lab.forSession(7, school, sam, template(), gpuSize(), MONTH), NOW.minus(Duration.ofHours(3)), 3);
        Lab suesLab = ran(Lab.queue(school, sue, template(), gpuSize(), LabOrigin.SELF_SERVICE, MONTH), NOW.minus(Duration.ofHours(9)), 4);
        List<Lab> ran = List.of(ownLab, sessionLab, suesLab);

        UsageMeter meter = UsageMeter.count(ran, ran, lab -> lab.owner() == sam, 100, MONTH, TERM, 4, NOW);

        assertThat(meter.gpuHours()).as("sam's GPU-hours this month, in every lab").isCloseTo(5.0, within(1e-9));
        assertThat(meter.sessionGpuHours()).isCloseTo(3.0, within(1e-9));
        assertThat(meter.ownGpuHours()).as("what sam's monthly budget counts").isCloseTo(2.0, within(1e-9));
        assertThat(meter.termGpuHours()).as("what sam's term budget counts").isCloseTo(2.0, within(1e-9));
        assertThat(meter.termBudgetSpent()).as("3 session hours do not spend a budget of 4").isFalse();
        assertThat(meter.schoolGpuHours()).as("the school pays for every lab").isCloseTo(9.0, within(1e-9));
        assertThat(meter.schoolGpuHoursLeft()).isCloseTo(91.0, within(1e-9));
        assertThat(meter.cpuCoreHours()).as("two cores for five hours").isCloseTo(10.0, within(1e-9));
    }

    @Test
    void labsOfTheirOwnSpendTheTermBudgetAndOnlyWhileATermRuns() {
        Lab ownLab = ran(Lab.queue(school, sam, template(), gpuSize(), LabOrigin.SELF_SERVICE, MONTH), NOW.minus(Duration.ofHours(5)), 4);

        assertThat(UsageMeter.count(List.of(ownLab), List.of(ownLab), lab -> lab.owner() == sam, 100, MONTH, TERM, 4, NOW)
                .termBudgetSpent()).isTrue();
        UsageMeter withoutTerm = UsageMeter.count(List.of(ownLab), List.of(), lab -> lab.owner() == sam, 100, MONTH, null, 4, NOW);
        assertThat(withoutTerm.termBudgetSpent()).isFalse();
        assertThat(withoutTerm.termGpuHours()).isZero();
    }

    /** The lab ran from {@code from} for {@code hours} hours, then ended. */
    private static Lab ran(Lab lab, Instant from, int hours) {
        lab.admit("gpu-node-1", from);
        lab.running("gpu-node-1", from);
        lab.stop("lab.reason.stopped-by-user", from.plus(Duration.ofHours(hours)));
        lab.gone(from.plus(Duration.ofHours(hours)));
        return lab;
    }

    private static LabSize gpuSize() {
        return new LabSize(2000, 4096, 1000, 4096, 1, "nvidia.com/gpu", "A100");
    }

    private static LabTemplate template() {
        return LabTemplate.of(new TemplateDefinition("jupyterlab", "JupyterLab", "", "NOTEBOOK",
                "quay.io/jupyter/scipy-notebook:python-3.12", Map.of(), List.of(), List.of(),
                List.of(new PortSpec("http", 8888, PortProtocol.HTTP)), "/home/jovyan/work", 1024,
                new LabResources(2000, 4096, 0), new LabResources(8000, 32768, 2), List.of(), List.of()), Optional.empty(), MONTH);
    }
}

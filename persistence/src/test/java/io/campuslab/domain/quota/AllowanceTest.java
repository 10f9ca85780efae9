package io.campuslab.domain.quota;

import static org.assertj.core.api.Assertions.assertThat;

import io.campuslab.domain.catalog.LabResources;
import io.campuslab.domain.tenant.TenantQuota;
import org.junit.jupiter.api.Test;

class AllowanceTest {

    private static final TenantQuota SCHOOL = new TenantQuota(4, 64, 256, 50, 100, 200);

    @Test
    void aMembersOverrideWinsWhereItSaysSomethingAndTheRoleDecidesTheRest() {
        Allowance students = new Allowance(2000, 4096, 1, 1, 10);
        Allowance sam = new Allowance(null, null, 2, 2, null);

        Allowance effective = sam.over(students).over(Allowance.UNSET);

        assertThat(effective).isEqualTo(new Allowance(2000, 4096, 2, 2, 10));
        assertThat(Allowance.UNSET.labsAtOnceOrDefault()).isEqualTo(1);
    }

    @Test
    void aTermBudgetFallsBackLikeTheOthersAndIsNeverNegative() {
        Allowance students = new Allowance(null, null, null, null, 10, 40);
        Allowance sam = new Allowance(null, null, null, null, null, 80);

        assertThat(sam.over(students).gpuHoursPerTerm()).isEqualTo(80);
        assertThat(Allowance.UNSET.over(students).gpuHoursPerTerm()).isEqualTo(40);
        assertThat(new Allowance(null, null, null, null, null, -1).problemsWithin(TenantQuota.starter()))
                .extracting(AllowanceProblem::messageKey).containsExactly("error.allowance.gpu-hours-negative");
    }

    @Test
    void aLabLargerThanTheAllowanceIsRefusedWithTheLimit() {
        Allowance students = new Allowance(2000, 4096, 1, null, null);

        assertThat(students.refuses(new LabResources(2000, 4096, 1))).isEmpty();
        assertThat(students.refuses(new LabResources(4000, 4096, 0)))
                .contains(new AllowanceProblem("error.allowance.cpu", 2000));
        assertThat(students.refuses(new LabResources(1000, 1024, 2)))
                .contains(new AllowanceProblem("error.allowance.gpus", 1));
        assertThat(Allowance.UNSET.refuses(new LabResources(64_000, 262_144, 8))).isEmpty();
    }

    @Test
    void anAllowanceStaysWithinTheSchoolsQuota() {
        assertThat(new Allowance(64_000, 262_144, 4, 50, 200).problemsWithin(SCHOOL)).isEmpty();
        assertThat(new Allowance(65_000, null, 5, 0, 201).problemsWithin(SCHOOL))
                .extracting(AllowanceProblem::messageKey)
                .containsExactlyInAnyOrder("error.allowance.cpu-beyond-school", "error.allowance.gpus-beyond-school",
                        "error.allowance.gpu-hours-beyond-school", "error.allowance.labs-at-least-one");
        assertThat(new Allowance(-1, null, null, null, null).problemsWithin(SCHOOL)).hasSize(1);
    }
}

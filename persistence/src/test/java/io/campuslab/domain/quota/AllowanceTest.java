package io.campuslab.domain.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campuslab.domain.catalog.LabResources;
import io.campuslab.domain.identity.Member;
import io.campuslab.domain.identity.Role;
import io.campuslab.domain.tenant.Tenant;
import io.campuslab.domain.tenant.TenantQuota;
import io.campuslab.domain.tenant.TenantSlug;
import java.time.Instant;
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
    void aTeacherChangesAStudentsOverrideOnlyWithinWhatTheSchoolAdminSet() {
        Tenant north = new Tenant(new TenantSlug("north-high"), "North High School", Instant.EPOCH);
        north.changeQuota(SCHOOL);
        Member sam = Member.invited("s-sam", "sam", null, null, north, Role.STUDENT, null, Instant.EPOCH);
        LabAllowance override = LabAllowance.forMember(sam);
        override.change(new Allowance(null, null, 1, null, 10), "alice", Instant.EPOCH);

        assertThat(override.problemsOfTeachersChange(new Allowance(null, null, 2, null, 10)))
                .extracting(AllowanceProblem::messageKey).containsExactly("error.allowance.gpus-beyond-admin");
        assertThat(override.problemsOfTeachersChange(new Allowance(null, null, null, null, 5)))
                .as("leaving the admin's GPU limit open would fall back to more").extracting(AllowanceProblem::messageKey)
                .containsExactly("error.allowance.gpus-beyond-admin");
        assertThatThrownBy(() -> override.changeByTeacher(new Allowance(null, null, 1, null, 11), "tom", Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class);

        override.changeByTeacher(new Allowance(4000, null, 1, 2, 5), "tom", Instant.EPOCH);
        assertThat(override.allowance()).isEqualTo(new Allowance(4000, null, 1, 2, 5));
        assertThat(override.ceiling()).as("the teacher's change leaves the admin's ceiling").isEqualTo(new Allowance(null, null, 1, null, 10));
        override.change(new Allowance(null, null, 2, null, 20), "alice", Instant.EPOCH);
        assertThat(override.ceiling()).isEqualTo(new Allowance(null, null, 2, null, 20));
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

package io.campuslab.domain.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.campuslab.domain.tenant.Tenant;
import io.campuslab.domain.tenant.TenantSlug;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MemberLeavingTest {

    private static final Instant NOW = Instant.parse("2026-07-01T08:00:00Z");
    private static final Tenant SCHOOL = new Tenant(new TenantSlug("north-high"), "North High School", NOW);

    @Test
    void aRemovedStudentIsNoLongerOneOfTheSchoolsStudentsAndKeepsTheFirstDeletionDate() {
        Member sam = Member.invited("subject-sam", "sam", "Sam", null, SCHOOL, Role.STUDENT, "7a", NOW);
        assertThat(sam.isActive()).isTrue();
        assertThat(sam.isStudentOnlyOf(SCHOOL)).isTrue();

        sam.leave(NOW, NOW.plus(Duration.ofDays(30)));
        sam.leave(NOW.plusSeconds(60), NOW.plus(Duration.ofDays(90)));

        assertThat(sam.isActive()).isFalse();
        assertThat(sam.isStudentOnlyOf(SCHOOL)).as("no roster takes them").isFalse();
        assertThat(sam.leavingSince()).contains(NOW);
        assertThat(sam.deleteAfter()).as("a second removal changes nothing").contains(NOW.plus(Duration.ofDays(30)));

        sam.stay();
        assertThat(sam.isActive()).isTrue();
        assertThat(sam.deleteAfter()).isEmpty();
        assertThat(sam.isStudentOnlyOf(SCHOOL)).isTrue();
    }

    @Test
    void aSuspendedMemberIsNotActiveEither() {
        Member tom = Member.invited("subject-tom", "tom", "Tom", null, SCHOOL, Role.TEACHER, null, NOW);
        tom.suspend(NOW);
        assertThat(tom.isActive()).isFalse();
        tom.resume();
        assertThat(tom.isActive()).isTrue();
    }

    @Test
    void theClassChangesOrIsClearedByABlankOne() {
        Member sam = Member.invited("subject-sam", "sam", "Sam", null, SCHOOL, Role.STUDENT, "7a", NOW);
        sam.changeClass(" 8a ");
        assertThat(sam.className()).contains("8a");
        sam.changeClass(" ");
        assertThat(sam.className()).isEmpty();
    }
}

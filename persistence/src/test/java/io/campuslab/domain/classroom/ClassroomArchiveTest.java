package io.campuslab.domain.classroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campuslab.domain.identity.Member;
import io.campuslab.domain.identity.Role;
import io.campuslab.domain.tenant.Tenant;
import io.campuslab.domain.tenant.TenantSlug;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ClassroomArchiveTest {

    private static final Instant NOW = Instant.parse("2026-07-01T08:00:00Z");

    @Test
    void anArchivedClassroomTakesTheYearsLabelOnceAndKeepsTheHundredCharacterLimit() {
        Classroom classroom = classroom("Physics 3B");
        classroom.archive("2025/26", NOW);
        classroom.archive("2026/27", NOW.plusSeconds(1));
        assertThat(classroom.name()).isEqualTo("Physics 3B (2025/26)");
        assertThat(classroom.isArchived()).isTrue();

        String longName = "x".repeat(100);
        assertThat(Classroom.archivedName(longName, "2025/26")).hasSize(100).endsWith(" (2025/26)");
        assertThat(Classroom.archivedName("Chemistry", " 2025/26 ")).isEqualTo("Chemistry (2025/26)");
    }

    @Test
    void onlyAnArchivedClassroomForgetsItsTeacher() {
        Classroom classroom = classroom("Physics 3B");
        Member tom = classroom.teacher().orElseThrow();
        assertThatThrownBy(classroom::forgetTeacher).isInstanceOf(IllegalStateException.class);
        classroom.archive("2025/26", NOW);
        classroom.forgetTeacher();
        assertThat(classroom.teacher()).isEmpty();
        assertThat(classroom.isTaughtBy(tom)).isFalse();
    }

    private static Classroom classroom(String name) {
        Tenant school = new Tenant(new TenantSlug("north-high"), "North High School", NOW);
        Member tom = Member.invited("subject-tom", "tom", "Tom Teacher", null, school, Role.TEACHER, null, NOW);
        return new Classroom(tom, name, NOW);
    }
}

package io.campuslab.domain.classroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A session's window on a clock the test moves: preparation, start, end, grace; extended, ended, cancelled. */
class ClassSessionTest {

    private static final Instant START = Instant.parse("2026-11-24T08:00:00Z");
    private static final Instant END = START.plus(Duration.ofMinutes(90));
    private static final Duration GRACE = Duration.ofMinutes(5);

    @Test
    void aSessionIsPreparedAheadRunsEndsAndHoldsItsSeatsUntilTheGraceIsOver() {
        ClassSession session = session(Duration.ofMinutes(10));

        assertThat(session.phase(START.minus(Duration.ofMinutes(11)), GRACE)).isEqualTo(SessionPhase.SCHEDULED);
        assertThat(session.duePreparation(START.minus(Duration.ofMinutes(11)))).isFalse();
        Instant prepare = START.minus(Duration.ofMinutes(10));
        assertThat(session.phase(prepare, GRACE)).isEqualTo(SessionPhase.PREPARING);
        assertThat(session.duePreparation(prepare)).isTrue();
        session.prepared(prepare);
        assertThat(session.duePreparation(prepare.plusSeconds(5))).as("prepared once").isFalse();
        assertThat(session.phase(START, GRACE)).isEqualTo(SessionPhase.LIVE);
        assertThat(session.phase(END, GRACE)).isEqualTo(SessionPhase.ENDING);
        assertThat(session.labsStopAt(GRACE)).isEqualTo(END.plus(GRACE));
        assertThat(session.phase(END.plus(GRACE), GRACE)).isEqualTo(SessionPhase.ENDED);
        assertThat(SessionPhase.ENDING.holdsCapacity()).isTrue();
        assertThat(SessionPhase.ENDED.holdsCapacity()).isFalse();
    }

    @Test
    void aSessionPreparedLateIsPreparedAtOnceButNotAfterItsEnd() {
        ClassSession session = session(Duration.ofMinutes(10));
        assertThat(session.duePreparation(START.plus(Duration.ofMinutes(30)))).isTrue();
        assertThat(session.duePreparation(END)).isFalse();
    }

    @Test
    void extendingMovesTheEndAndTheLabsStop() {
        ClassSession session = session(Duration.ZERO);
        session.extend(Duration.ofMinutes(15), START.plus(Duration.ofMinutes(80)));
        assertThat(session.endsAt()).isEqualTo(END.plus(Duration.ofMinutes(15)));
        assertThat(session.labsStopAt(GRACE)).isEqualTo(END.plus(Duration.ofMinutes(20)));
        assertThatThrownBy(() -> session.extend(Duration.ofHours(11), START)).as("at most twelve hours in all")
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> session.extend(Duration.ofMinutes(5), END.plus(Duration.ofHours(1))))
                .as("not once it is over").isInstanceOf(IllegalStateException.class);
    }

    @Test
    void endingEarlyEndsNowAndTheGraceFollows() {
        ClassSession session = session(Duration.ZERO);
        Instant now = START.plus(Duration.ofMinutes(40));
        session.endNow(now);
        assertThat(session.endsAt()).isEqualTo(now);
        assertThat(session.phase(now, GRACE)).isEqualTo(SessionPhase.ENDING);
        assertThatThrownBy(() -> session.endNow(now.plusSeconds(1))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void endingBeforeTheStartCancelsAndTheLabsStopAtOnce() {
        ClassSession session = session(Duration.ofMinutes(10));
        Instant now = START.minus(Duration.ofMinutes(5));
        session.endNow(now);
        assertThat(session.cancelled()).isTrue();
        assertThat(session.phase(now, GRACE)).isEqualTo(SessionPhase.CANCELLED);
        assertThat(session.labsStopAt(GRACE)).isEqualTo(now);
        assertThat(session.duePreparation(now)).isFalse();
    }

    @Test
    void aWindowIsBetweenAMinuteAndTwelveHoursAndPreparedAtMostTwoHoursAhead() {
        assertThatThrownBy(() -> new ClassSession(classroom(), "s", template(), null, size(), START, START, Duration.ZERO, "tom"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ClassSession(classroom(), "s", template(), null, size(), START,
                START.plus(Duration.ofHours(13)), Duration.ZERO, "tom")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ClassSession(classroom(), "s", template(), null, size(), START, END, Duration.ofHours(3), "tom"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTeacherKeepsOneStudentsLabPastTheSessionButACancellationStopsItWithTheOthers() {
        ClassSession session = session(Duration.ofMinutes(10));
        Member sam = Member.invited("subject-sam", "sam", "Sam Student", null, session.tenant(), Role.STUDENT, null, START);
        Member sue = Member.invited("subject-sue", "sue", "Sue Student", null, session.tenant(), Role.STUDENT, null, START);
        Lab samsLab = Lab.forSession(1L, session.tenant(), sam, template(), size(), START);
        Lab suesLab = Lab.forSession(1L, session.tenant(), sue, template(), size(), START);
        assertThat(session.labStopsAt(samsLab, GRACE)).isEqualTo(END.plus(GRACE));

        assertThat(samsLab.keepUntil(END.plus(Duration.ofMinutes(30)))).isTrue();
        assertThat(session.labStopsAt(samsLab, GRACE)).isEqualTo(END.plus(Duration.ofMinutes(30)));
        assertThat(session.labStopsAt(suesLab, GRACE)).as("the others stop with the session").isEqualTo(END.plus(GRACE));
        session.extend(Duration.ofMinutes(60), START);
        assertThat(session.labStopsAt(samsLab, GRACE)).as("a keep earlier than the session's new end does not cut it short")
                .isEqualTo(END.plus(Duration.ofMinutes(60)).plus(GRACE));

        Instant labsEnd = END.plus(Duration.ofMinutes(60)).plus(GRACE);
        assertThat(session.teacherMayEnter(samsLab, GRACE, labsEnd.minusSeconds(1))).as("while the lab runs with the session").isTrue();
        assertThat(session.teacherMayEnter(samsLab, GRACE, labsEnd)).as("once the session's labs stop").isFalse();

        Instant cancelled = START.minus(Duration.ofMinutes(5));
        session.cancel(cancelled);
        assertThat(session.labStopsAt(samsLab, GRACE)).isEqualTo(cancelled);
        assertThat(session.teacherMayEnter(samsLab, GRACE, cancelled.minusSeconds(60))).as("never once cancelled").isFalse();

        Lab own = Lab.queue(session.tenant(), sam, template(), size(), LabOrigin.SELF_SERVICE, START);
        assertThat(own.keepUntil(END.plus(Duration.ofHours(1)))).as("a lab of one's own is not the teacher's to keep").isFalse();
        assertThat(own.keptUntil()).isEmpty();
    }

    private static ClassSession session(Duration preparation) {
        return new ClassSession(classroom(), "series-1", template(), null, size(), START, END, preparation, "tom");
    }

    private static Classroom classroom() {
        Tenant school = new Tenant(new TenantSlug("north-high"), "North High School", START);
        Member tom = Member.invited("subject-tom", "tom", "Tom Teacher", null, school, Role.TEACHER, null, START);
        return new Classroom(tom, "Physics 3B", START);
    }

    private static LabTemplate template() {
        return LabTemplate.of(new TemplateDefinition("jupyterlab", "JupyterLab", "", "NOTEBOOK",
                "quay.io/jupyter/scipy-notebook:python-3.12", Map.of(), List.of(), List.of(),
                List.of(new PortSpec("http", 8888, PortProtocol.HTTP)), "/home/jovyan/work", 1024,
                new LabResources(2000, 4096, 0), new LabResources(8000, 32768, 2), List.of(), List.of()), Optional.empty(), START);
    }

    private static LabSize size() {
        return new LabSize(2000, 4096, 1000, 4096, 1, "nvidia.com/gpu", null);
    }
}

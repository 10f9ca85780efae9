package io.campuslab.core.account;

import io.campuslab.core.identity.ClassList;
import io.campuslab.core.identity.CurrentMember;
import io.campuslab.core.lab.LabSignals;
import io.campuslab.core.platform.AuditLog;
import io.campuslab.core.platform.CoreSettings;
import io.campuslab.core.platform.InvalidInputException;
import io.campuslab.core.platform.NotPermittedException;
import io.campuslab.domain.classroom.ClassSession;
import io.campuslab.domain.classroom.ClassSessionRepository;
import io.campuslab.domain.classroom.Classroom;
import io.campuslab.domain.classroom.ClassroomRepository;
import io.campuslab.domain.identity.Member;
import io.campuslab.domain.identity.MemberRepository;
import io.campuslab.domain.identity.Role;
import io.campuslab.domain.identity.Roles;
import io.campuslab.domain.lab.LabRepository;
import io.campuslab.domain.tenant.Tenant;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The end of a school year, by the school admin, after a preview: the school's students move up to
 * their next class (every class at once, so {@code 7a → 8a} and {@code 8a → 9a} both hold), the
 * graduating classes leave the school (labs stopped, deleted after the removal's grace period, a
 * download of their workspace until then, as a removed member), and the classrooms in use are
 * archived under the year's label with their sessions ended. All in one transaction, audited. Or,
 * for schools that have next year's class list, each student listed takes the class it gives.
 */
@Stateless
public class YearEnd {

    /** More classes than a school has. */
    static final int MOST_CLASSES = 500;
    static final int LABEL_MAX = 20;
    static final int CLASS_NAME_MAX = 100;

    @PersistenceContext(unitName = "campuslab")
    EntityManager em;

    @Inject
    CurrentMember currentMember;

    @Inject
    AuditLog audit;

    @Inject
    LabSignals signals;

    @Inject
    CoreSettings core;

    @Inject
    Clock clock;

    /** The school's classes as they are, with nothing planned. */
    @RolesAllowed(Roles.TENANT_ADMIN)
    public YearEndPreview classes() throws NotPermittedException, InvalidInputException {
        return preview(new YearEndPlan("", false, List.of()));
    }

    /** What the plan would do; nothing changes. */
    @RolesAllowed(Roles.TENANT_ADMIN)
    public YearEndPreview preview(YearEndPlan plan) throws NotPermittedException, InvalidInputException {
        Tenant school = school();
        Map<String, List<Member>> classes = classesOf(school);
        return outcome(school, classes, check(plan, classes), plan, clock.instant(), false);
    }

    /** Does what the preview of the same plan said. */
    @RolesAllowed(Roles.TENANT_ADMIN)
    public YearEndPreview apply(YearEndPlan plan) throws NotPermittedException, InvalidInputException {
        Tenant school = school();
        Map<String, List<Member>> classes = classesOf(school);
        Map<String, YearEndPlan.Step> steps = check(plan, classes);
        YearEndPreview done = outcome(school, classes, steps, plan, clock.instant(), true);
        audit.record(school.slug().value(), "school.year-ended", plan.archiveClassrooms() ? plan.label().strip() : "",
                done.studentsMoved() + " students moved up, " + done.graduates() + " graduated, "
                        + done.classroomsArchived().size() + " classrooms archived, " + done.sessionsEnded() + " sessions ended");
        return done;
    }

    /** How large a class list may be; asked before the body is read, so that only the school's admins have one read. */
    @RolesAllowed(Roles.TENANT_ADMIN)
    public int classListLimit() throws NotPermittedException {
        school();
        return ClassList.MAX_BYTES;
    }

    /**
     * Next year's class list (the import's CSV: {@code username}, {@code name}, {@code class}) read
     * against the school's students: who gets which class; nothing changes.
     */
    @RolesAllowed(Roles.TENANT_ADMIN)
    public ClassListMove previewClassList(byte[] file) throws NotPermittedException {
        return classListMove(school(), file).move();
    }

    /** Gives every student of the list their class, if no row has a problem; otherwise changes nothing. */
    @RolesAllowed(Roles.TENANT_ADMIN)
    public ClassListMove applyClassList(byte[] file) throws NotPermittedException, InvalidInputException {
        Tenant school = school();
        ClassListPlan plan = classListMove(school, file);
        if (!plan.move().applicable()) {
            throw new InvalidInputException("error.year-end.class-list-problems");
        }
        plan.changes().forEach(Member::changeClass);
        audit.record(school.slug().value(), "school.classes-moved", "class list", plan.move().moved() + " students");
        return plan.move();
    }

    /** A class list read against the school: what it says, and each student's new class where it changes. */
    private record ClassListPlan(ClassListMove move, Map<Member, String> changes) {
    }

    private ClassListPlan classListMove(Tenant school, byte[] file) {
        List<ClassList.Row> parsed = ClassList.parse(file == null ? new byte[0] : file);
        MemberRepository members = new MemberRepository(em);
        List<ClassListMove.Row> rows = new ArrayList<>();
        Map<Member, String> changes = new LinkedHashMap<>();
        for (ClassList.Row row : parsed) {
            List<String> problems = new ArrayList<>(row.problems());
            java.util.Optional<Member> student = row.username().isEmpty() ? java.util.Optional.empty()
                    : members.findInSchool(row.username(), school).filter(member -> member.isStudentOnlyOf(school));
            if (row.valid() && student.isEmpty()) {
                problems.add("error.year-end.not-a-student");
            }
            if (row.valid() && row.className().isBlank()) {
                problems.add("error.year-end.class-missing");
            }
            String current = student.flatMap(Member::className).orElse("");
            if (problems.isEmpty() && !current.equals(row.className())) {
                changes.put(student.get(), row.className());
            }
            rows.add(new ClassListMove.Row(row.line(), row.username(), current, row.className(), problems));
        }
        return new ClassListPlan(new ClassListMove(rows, changes.size()), changes);
    }

    private YearEndPreview outcome(Tenant school, Map<String, List<Member>> classes, Map<String, YearEndPlan.Step> steps,
                                   YearEndPlan plan, Instant now, boolean apply) throws InvalidInputException {
        List<YearEndPreview.ClassRow> rows = new ArrayList<>();
        int moved = 0;
        int graduates = 0;
        Leaving leaving = new Leaving(em, signals, core.removalGrace());
        for (Map.Entry<String, List<Member>> entry : classes.entrySet()) {
            YearEndPlan.Step step = steps.get(entry.getKey());
            String next = step == null || step.graduates() ? "" : step.nextClass();
            boolean graduating = step != null && step.graduates();
            rows.add(new YearEndPreview.ClassRow(entry.getKey(), entry.getValue().size(), next, graduating));
            for (Member student : entry.getValue()) {
                if (graduating) {
                    graduates++;
                    if (apply) {
                        leaving.leave(student, now, "lab.reason.member-graduated");
                        audit.record(school.slug().value(), "member.graduated", student.username(), entry.getKey());
                    }
                } else if (!next.isEmpty() && !next.equals(entry.getKey())) {
                    moved++;
                    if (apply) {
                        student.changeClass(next);
                    }
                }
            }
        }
        List<String> archived = new ArrayList<>();
        int sessionsEnded = 0;
        if (plan.archiveClassrooms()) {
            ClassroomRepository classrooms = new ClassroomRepository(em);
            ClassSessionRepository sessions = new ClassSessionRepository(em);
            LabRepository labs = new LabRepository(em);
            for (Classroom classroom : classrooms.inUse(school)) {
                String name = Classroom.archivedName(classroom.name(), plan.label());
                if (classrooms.nameTaken(school, name)) {
                    throw new InvalidInputException("error.year-end.archived-name-taken", name);
                }
                archived.add(name);
                for (ClassSession session : sessions.of(classroom)) {
                    if (session.cancelled() || !now.isBefore(session.endsAt())) {
                        continue;
                    }
                    sessionsEnded++;
                    if (apply) {
                        boolean started = !now.isBefore(session.startsAt());
                        session.endNow(now);
                        if (!started) {
                            labs.ofSession(session.id()).forEach(lab -> lab.stop("lab.reason.session-cancelled", now));
                        }
                    }
                }
                if (apply) {
                    classroom.archive(plan.label(), now);
                    audit.record(school.slug().value(), "classroom.archived", name, null);
                }
            }
            if (apply && sessionsEnded > 0) {
                signals.labsChanged();
            }
        }
        return new YearEndPreview(rows, archived, sessionsEnded, moved, graduates, leaving.deletedAfter(now));
    }

    /** The plan, checked against the school's classes: one step per class named. */
    private static Map<String, YearEndPlan.Step> check(YearEndPlan plan, Map<String, List<Member>> classes)
            throws InvalidInputException {
        if (plan == null) {
            throw new InvalidInputException("error.year-end.plan-missing");
        }
        if (plan.classes().size() > MOST_CLASSES) {
            throw new InvalidInputException("error.year-end.too-many-classes", MOST_CLASSES);
        }
        if (plan.archiveClassrooms() && !validText(plan.label(), LABEL_MAX)) {
            throw new InvalidInputException("error.year-end.label-invalid", LABEL_MAX);
        }
        Map<String, YearEndPlan.Step> steps = new LinkedHashMap<>();
        for (YearEndPlan.Step step : plan.classes()) {
            String name = step == null || step.className() == null ? "" : step.className().strip();
            if (step == null || !classes.containsKey(name)) {
                throw new InvalidInputException("error.year-end.unknown-class", shorten(name));
            }
            String next = step.nextClass() == null ? "" : step.nextClass().strip();
            if (step.graduates() && !next.isEmpty()) {
                throw new InvalidInputException("error.year-end.graduates-and-moves", shorten(name));
            }
            if (!next.isEmpty() && !validText(next, CLASS_NAME_MAX)) {
                throw new InvalidInputException("error.year-end.next-class-invalid", shorten(next));
            }
            if (steps.put(name, new YearEndPlan.Step(name, next, step.graduates())) != null) {
                throw new InvalidInputException("error.year-end.class-twice", shorten(name));
            }
        }
        return steps;
    }

    /** The school's students who stay in it, by class ({@code ""}: imported without one), by class name. */
    private Map<String, List<Member>> classesOf(Tenant school) {
        return new MemberRepository(em).withRole(school, Role.STUDENT).stream()
                .filter(member -> member.isStudentOnlyOf(school))
                .collect(Collectors.groupingBy(member -> member.className().orElse(""), TreeMap::new, Collectors.toList()));
    }

    private static boolean validText(String text, int max) {
        return text != null && !text.isBlank() && text.strip().length() <= max
                && text.codePoints().noneMatch(Character::isISOControl);
    }

    private static String shorten(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    private Tenant school() throws NotPermittedException {
        return currentMember.require().tenant().orElseThrow(NotPermittedException::new);
    }
}

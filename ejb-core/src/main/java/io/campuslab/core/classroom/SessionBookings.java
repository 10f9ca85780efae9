package io.campuslab.core.classroom;

import io.campuslab.core.platform.AuditLog;
import io.campuslab.core.identity.CurrentMember;
import io.campuslab.core.lab.LabRequest;
import io.campuslab.core.lab.OfferedTemplates;
import io.campuslab.core.lab.LabSizing;
import io.campuslab.core.lab.SchoolLimits;
import io.campuslab.core.lab.admission.Demand;
import io.campuslab.core.lab.admission.TenantLimits;
import io.campuslab.core.platform.ConflictException;
import io.campuslab.core.platform.InvalidInputException;
import io.campuslab.core.platform.NotFoundException;
import io.campuslab.core.platform.NotPermittedException;
import io.campuslab.core.platform.SettingsSource;
import io.campuslab.domain.catalog.LabTemplate;
import io.campuslab.domain.classroom.ClassSession;
import io.campuslab.domain.classroom.ClassSessionRepository;
import io.campuslab.domain.classroom.Classroom;
import io.campuslab.domain.course.Course;
import io.campuslab.domain.course.CourseRepository;
import io.campuslab.domain.dataset.Dataset;
import io.campuslab.domain.dataset.DatasetRepository;
import io.campuslab.domain.identity.Member;
import io.campuslab.domain.identity.Roles;
import io.campuslab.domain.lab.LabSize;
import io.campuslab.domain.platform.PlatformSettings;
import io.campuslab.domain.tenant.Tenant;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Booking a classroom's sessions and extending them, in one transaction each: every booking is
 * checked against the cluster's capacity beside every school's reservations, and against the
 * school's quota beside its own ({@link ReservationCheck}), before anything is saved; bookings are
 * serialized by a row lock so two of them never both take the last free capacity. The capacity is
 * read from the cluster before the transaction begins ({@link SessionService}): no remote call is
 * made while the booking lock is held.
 */
@Stateless
public class SessionBookings {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @PersistenceContext(unitName = "campuslab")
    EntityManager em;

    @Inject
    CurrentMember currentMember;

    @Inject
    SettingsSource settings;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    /** Whether the session would fit, without saving it. */
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TEACHER})
    public SessionAnswer check(long classroomId, SessionDraft draft, ReservationCheck.Capacity capacity)
            throws NotPermittedException, NotFoundException, InvalidInputException {
        Classroom classroom = ClassroomAccess.changeable(em, currentMember.require(), classroomId);
        return answer(plan(classroom, draft), capacity);
    }

    /** Saves the session, every occurrence of it, if all fit; otherwise says why not and saves nothing. */
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TEACHER})
    public List<SessionSummary> schedule(long classroomId, SessionDraft draft, ReservationCheck.Capacity capacity)
            throws NotPermittedException, NotFoundException, InvalidInputException, ConflictException {
        Member caller = currentMember.require();
        Classroom classroom = ClassroomAccess.changeable(em, caller, classroomId);
        Plan plan = plan(classroom, draft);
        lockBookings();
        SessionAnswer answer = answer(plan, capacity);
        if (!answer.fits()) {
            throw new ConflictException(answer.messageKey(), answer.arguments().toArray());
        }
        String series = UUID.randomUUID().toString();
        ClassSessionRepository sessions = new ClassSessionRepository(em);
        List<ClassSession> saved = new ArrayList<>();
        for (SessionSchedule.Window window : plan.windows()) {
            ClassSession session = new ClassSession(classroom, series, plan.template(), plan.course(), plan.size(),
                    window.start(), window.end(), plan.preparation(), caller.username());
            session.useDatasets(plan.datasets());
            sessions.add(session);
            saved.add(session);
        }
        em.flush();
        audit.record(classroom.tenant().slug().value(), "session.scheduled", classroom.name(),
                saved.size() + " × " + plan.when(saved.get(0).startsAt()));
        Instant now = clock.instant();
        return saved.stream().map(s -> SessionSummary.of(s, now, grace())).toList();
    }

    /**
     * The session lasts longer, if the extra time fits beside the other reservations; its labs stop
     * that much later.
     */
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TEACHER})
    public SessionSummary extend(long sessionId, int minutes, ReservationCheck.Capacity capacity)
            throws NotPermittedException, NotFoundException, InvalidInputException, ConflictException {
        ClassSession session = ClassroomAccess.session(em, currentMember.require(), sessionId);
        Instant now = clock.instant();
        if (minutes < 1 || minutes > ClassSession.LONGEST.toMinutes()) {
            throw new InvalidInputException("error.session.extend-invalid", ClassSession.LONGEST.toMinutes());
        }
        if (!now.isBefore(session.endsAt()) || session.cancelled()) {
            throw new ConflictException("error.session.over");
        }
        lockBookings();
        Duration more = Duration.ofMinutes(minutes);
        Instant from = session.endsAt().plus(grace());
        Reservation extra = new Reservation(session.classroom().name(), session.tenant().slug().value(), from,
                from.plus(more), LabSizing.demand(session.size()), session.seats());
        ReservationCheck.Verdict verdict = ReservationCheck.check(extra, others(from, from.plus(more), session.id(), ZoneOffset.UTC),
                capacity, SchoolLimits.of(session.tenant(), Integer.MAX_VALUE));
        if (!verdict.fits()) {
            SessionAnswer answer = words(verdict, extra.students(), ZoneOffset.UTC, 1);
            throw new ConflictException(answer.messageKey(), answer.arguments().toArray());
        }
        try {
            session.extend(more, now);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("error.session.extend-invalid", ClassSession.LONGEST.toMinutes());
        }
        audit.record(session.tenant().slug().value(), "session.extended", session.classroom().name(), minutes + " min");
        return SessionSummary.of(session, now, grace());
    }

    /** Takes the booking lock until the transaction ends. */
    private void lockBookings() {
        em.createNativeQuery("SELECT name FROM scheduler_leases WHERE name = 'sessions' FOR UPDATE").getResultList();
    }

    /** A draft checked and made concrete: the template, the size, the windows. */
    private record Plan(Classroom classroom, LabTemplate template, Course course, List<Dataset> datasets, LabSize size,
                        Duration preparation,
                        List<SessionSchedule.Window> windows, ZoneId zone) {

        String when(Instant instant) {
            return WHEN.format(instant.atZone(zone));
        }
    }

    private Plan plan(Classroom classroom, SessionDraft draft) throws InvalidInputException, NotFoundException {
        if (draft == null || draft.start() == null) {
            throw new InvalidInputException("error.session.start-missing");
        }
        if (classroom.students().isEmpty()) {
            throw new InvalidInputException("error.session.empty-roster", classroom.name());
        }
        if (draft.minutes() < 5 || draft.minutes() > ClassSession.LONGEST.toMinutes()) {
            throw new InvalidInputException("error.session.length-invalid", 5, ClassSession.LONGEST.toMinutes());
        }
        if (draft.prepareMinutes() < 0 || draft.prepareMinutes() > ClassSession.LONGEST_PREPARATION.toMinutes()) {
            throw new InvalidInputException("error.session.prepare-invalid", ClassSession.LONGEST_PREPARATION.toMinutes());
        }
        ZoneId zone;
        try {
            zone = draft.zone() == null || draft.zone().isBlank() ? ZoneOffset.UTC : ZoneId.of(draft.zone().strip());
        } catch (DateTimeException e) {
            throw new InvalidInputException("error.session.zone-unknown", draft.zone());
        }
        Tenant school = classroom.tenant();
        LabTemplate template = OfferedTemplates.find(em, school, draft.template());
        LabSize size = LabSizing.size(new LabRequest(template.name(), draft.cpuMillis(), draft.memoryMib(), draft.gpus(),
                draft.gpuKey(), draft.gpuModel()), template, settings.current());
        Course course = null;
        if (draft.course() != null && !draft.course().isBlank()) {
            course = new CourseRepository(em).find(school, draft.course().strip())
                    .orElseThrow(() -> new NotFoundException("course", draft.course().strip()));
        }
        DatasetRepository known = new DatasetRepository(em);
        Set<Dataset> datasets = new LinkedHashSet<>();
        for (String name : draft.datasets()) {
            datasets.add(known.findVisible(name == null ? "" : name.strip(), school)
                    .orElseThrow(() -> new NotFoundException("dataset", name)));
        }
        Duration length = Duration.ofMinutes(draft.minutes());
        List<SessionSchedule.Window> windows;
        try {
            windows = draft.weeklyUntil() == null ? SessionSchedule.once(draft.start(), length, zone)
                    : SessionSchedule.weekly(draft.start(), length, draft.weeklyUntil(), zone);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("error.session.too-many", SessionSchedule.MOST_OCCURRENCES);
        }
        if (windows.isEmpty()) {
            throw new InvalidInputException("error.session.no-occurrence");
        }
        if (!windows.get(0).start().isAfter(clock.instant())) {
            throw new InvalidInputException("error.session.in-the-past");
        }
        return new Plan(classroom, template, course, List.copyOf(datasets), size, Duration.ofMinutes(draft.prepareMinutes()),
                windows, zone);
    }

    /** Checks every occurrence; the first that does not fit is the answer. */
    private SessionAnswer answer(Plan plan, ReservationCheck.Capacity capacity) {
        Demand perStudent = LabSizing.demand(plan.size());
        int students = plan.classroom().students().size();
        Instant first = plan.windows().get(0).start().minus(plan.preparation());
        Instant last = plan.windows().get(plan.windows().size() - 1).end().plus(grace());
        List<Reservation> others = others(first, last, null, plan.zone());
        TenantLimits limits = SchoolLimits.of(plan.classroom().tenant(), Integer.MAX_VALUE);
        for (SessionSchedule.Window window : plan.windows()) {
            Reservation wanted = new Reservation(plan.classroom().name(), plan.classroom().tenant().slug().value(),
                    window.start().minus(plan.preparation()), window.end().plus(grace()), perStudent, students);
            ReservationCheck.Verdict verdict = ReservationCheck.check(wanted, others, capacity, limits);
            if (!verdict.fits()) {
                return words(verdict, students, plan.zone(), plan.windows().size());
            }
        }
        LabSize size = plan.size();
        String key = (plan.windows().size() == 1 ? "session.fits" : "session.fits-weekly") + (size.gpus() == 0 ? "" : ".gpu");
        return new SessionAnswer(true, key, List.of(Integer.toString(students), trim(size.cpuLimitMillis() / 1000.0),
                plan.when(plan.windows().get(0).start()), Integer.toString(plan.windows().size()),
                trim(size.memoryLimitMib() / 1024.0), Integer.toString(size.gpus()),
                size.gpuModel().orElse(size.gpuKey().orElse(""))), plan.windows().size());
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(java.util.Locale.ROOT, "%.1f", value);
    }

    /** A verdict in words: when, how much was wanted, how much is free, of what, and who holds the rest. */
    private static SessionAnswer words(ReservationCheck.Verdict verdict, int students, ZoneId zone, int occurrences) {
        boolean cpu = verdict.resource().equals("cpu");
        boolean memory = verdict.resource().equals("memory");
        String wanted = cpu ? trim(verdict.wanted() / 1000.0) : memory ? trim(verdict.wanted() / 1024.0) : Long.toString(verdict.wanted());
        String free = cpu ? trim(verdict.free() / 1000.0) : memory ? trim(verdict.free() / 1024.0) : Long.toString(verdict.free());
        String heldBy = verdict.heldBy().isEmpty() ? "—" : String.join(", ", verdict.heldBy());
        return new SessionAnswer(false, verdict.reasonKey(), List.of(WHEN.format(verdict.at().atZone(zone)), wanted, free,
                verdict.resource(), heldBy, Integer.toString(students)), occurrences);
    }

    /** Every school's reservations overlapping the window, but the one being changed. */
    private List<Reservation> others(Instant from, Instant to, Long except, ZoneId zone) {
        Duration grace = grace();
        List<Reservation> others = new ArrayList<>();
        for (ClassSession s : new ClassSessionRepository(em).reserving(from, to, grace)) {
            if (except != null && except.equals(s.id())) {
                continue;
            }
            others.add(new Reservation(s.classroom().name() + " " + WHEN.format(s.startsAt().atZone(zone)),
                    s.tenant().slug().value(), s.prepareAt(), s.endsAt().plus(grace), LabSizing.demand(s.size()), s.seats()));
        }
        return others;
    }

    private Duration grace() {
        PlatformSettings platform = settings.current();
        return platform.sessionEndGrace();
    }
}

package io.campuslab.core.classroom;

import io.campuslab.core.platform.AuditLog;
import io.campuslab.core.identity.CurrentMember;
import io.campuslab.core.lab.LabSignals;
import io.campuslab.core.platform.ConflictException;
import io.campuslab.core.platform.InvalidInputException;
import io.campuslab.core.platform.NotFoundException;
import io.campuslab.core.storage.CsvFiles;
import io.campuslab.core.platform.NotPermittedException;
import io.campuslab.core.platform.SettingsSource;
import io.campuslab.domain.classroom.ClassSession;
import io.campuslab.domain.classroom.SessionPhase;
import io.campuslab.domain.identity.Member;
import io.campuslab.domain.identity.Roles;
import io.campuslab.domain.lab.Lab;
import io.campuslab.domain.lab.LabRepository;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The teacher's console of a session: every student of the roster with their lab, and what the
 * teacher does to students' labs — stop them, or restart them (a new lab of the session, the old
 * one stopped). Attendance is who opened a lab of the session, exported as CSV.
 */
@Stateless
public class SessionConsole {

    @PersistenceContext(unitName = "campuslab")
    EntityManager em;

    @Inject
    CurrentMember currentMember;

    @Inject
    SettingsSource settings;

    @Inject
    AuditLog audit;

    @Inject
    LabSignals signals;

    @Inject
    Clock clock;

    /** The session and a row per student of its classroom's roster, by user name. */
    public record View(SessionSummary session, List<ConsoleRow> students) implements java.io.Serializable {

        public View {
            students = List.copyOf(students);
        }
    }

    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TEACHER})
    public View view(long sessionId) throws NotPermittedException, NotFoundException {
        ClassSession session = ClassroomAccess.session(em, currentMember.require(), sessionId);
        Instant now = clock.instant();
        return new View(SessionSummary.of(session, now, grace()), rows(session, now));
    }

    private List<ConsoleRow> rows(ClassSession session, Instant now) {
        Map<Long, List<Lab>> labsOf = new HashMap<>();
        for (Lab lab : new LabRepository(em).ofSession(session.id())) {
            labsOf.computeIfAbsent(lab.owner().id(), k -> new ArrayList<>()).add(lab);
        }
        List<ConsoleRow> rows = new ArrayList<>();
        for (Member student : session.classroom().currentStudents()) {
            List<Lab> labs = labsOf.getOrDefault(student.id(), List.of());
            Lab latest = labs.isEmpty() ? null : labs.get(labs.size() - 1);
            long minutes = labs.stream().mapToLong(l -> minutesRunning(l, now)).sum();
            Instant firstOpened = labs.stream().flatMap(l -> l.firstOpenedAt().stream()).min(Instant::compareTo).orElse(null);
            Instant activity = labs.stream().flatMap(l -> l.lastActivityAt().stream()).max(Instant::compareTo).orElse(null);
            rows.add(latest == null
                    ? new ConsoleRow(student.username(), student.displayName(), null, null, "session.no-lab", "", null, 0, null, null,
                            null)
                    : new ConsoleRow(student.username(), student.displayName(), latest.id(), latest.state(), latest.reasonKey(),
                            latest.reasonDetail().orElse(""), latest.queuePosition().orElse(null), minutes, activity, firstOpened,
                            latest.state().isActive() ? session.labStopsAt(latest, grace()) : null));
        }
        return rows;
    }

    private static long minutesRunning(Lab lab, Instant now) {
        return lab.runningAt().map(start -> Duration.between(start, lab.endedAt().orElse(now)).toMinutes()).orElse(0L);
    }

    /**
     * Stops the students' labs of the session; those without an active lab are passed over.
     *
     * @return how many labs were asked to stop
     */
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TEACHER})
    public int stop(long sessionId, Collection<String> usernames) throws NotPermittedException, NotFoundException {
        ClassSession session = ClassroomAccess.session(em, currentMember.require(), sessionId);
        int stopped = 0;
        for (Lab lab : activeLabs(session, usernames)) {
            if (lab.stop("lab.reason.stopped-by-teacher", clock.instant())) {
                stopped++;
            }
        }
        audit.record(session.tenant().slug().value(), "session.labs-stopped", session.classroom().name(), stopped + " labs");
        signals.labsChanged();
        return stopped;
    }

    /** The longest a teacher keeps one student's lab past the time the session's labs stop. */
    public static final Duration LONGEST_KEEP = Duration.ofHours(4);

    /**
     * Keeps the students' labs running this many minutes longer than they would stop now (with the
     * session, or an earlier keep), for a student who needs more time; the session's seats and the
     * other students' labs are not changed. Not for a cancelled or ended session.
     *
     * @return how many labs are kept longer
     */
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TEACHER})
    public int keep(long sessionId, Collection<String> usernames, int minutes)
            throws NotPermittedException, NotFoundException, ConflictException, InvalidInputException {
        ClassSession session = ClassroomAccess.session(em, currentMember.require(), sessionId);
        if (minutes < 5 || minutes > 120) {
            throw new InvalidInputException("error.session.keep-invalid", 5, 120);
        }
        Instant now = clock.instant();
        SessionPhase phase = session.phase(now, grace());
        if (phase == SessionPhase.SCHEDULED || phase == SessionPhase.CANCELLED) {
            throw new ConflictException("error.session.not-open", session.classroom().name());
        }
        Instant latest = session.labsStopAt(grace()).plus(LONGEST_KEEP);
        Map<Lab, Instant> kept = new HashMap<>();
        for (Lab lab : activeLabs(session, usernames)) {
            Instant stops = session.labStopsAt(lab, grace());
            Instant until = (stops.isAfter(now) ? stops : now).plus(Duration.ofMinutes(minutes));
            if (until.isAfter(latest)) {
                throw new InvalidInputException("error.session.keep-too-long", lab.owner().username(), LONGEST_KEEP.toHours());
            }
            kept.put(lab, until);
        }
        kept.forEach(Lab::keepUntil);
        audit.record(session.tenant().slug().value(), "session.labs-kept", session.classroom().name(),
                kept.size() + " labs, " + minutes + " minutes");
        signals.labsChanged();
        return kept.size();
    }

    /**
     * Gives the students a fresh lab of the session: their active one stops, a new one is queued in
     * its seat. Only while the session holds its seats and has not ended.
     *
     * @return how many labs were queued
     */
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TEACHER})
    public int restart(long sessionId, Collection<String> usernames)
            throws NotPermittedException, NotFoundException, ConflictException {
        ClassSession session = ClassroomAccess.session(em, currentMember.require(), sessionId);
        Instant now = clock.instant();
        SessionPhase phase = session.phase(now, grace());
        if (phase != SessionPhase.PREPARING && phase != SessionPhase.LIVE) {
            throw new ConflictException("error.session.not-open", session.classroom().name());
        }
        LabRepository labs = new LabRepository(em);
        Set<String> wanted = new HashSet<>(usernames);
        activeLabs(session, usernames).forEach(lab -> lab.stop("lab.reason.restarted-by-teacher", now));
        int queued = 0;
        for (Member student : session.classroom().currentStudents()) {
            if (wanted.contains(student.username()) && session.template().isPresent()) {
                labs.add(Lab.forSession(session.id(), session.tenant(), student, session.template().get(), session.size(), now));
                queued++;
            }
        }
        audit.record(session.tenant().slug().value(), "session.labs-restarted", session.classroom().name(), queued + " labs");
        signals.labsChanged();
        return queued;
    }

    /**
     * Who opened a lab of the session, when, and how long their labs ran: CSV (RFC 4180, UTF-8 with a
     * byte order mark, formula-like cells neutralised), a line per student of the roster, times in the
     * zone given.
     */
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TEACHER})
    public String attendance(long sessionId, ZoneId zone) throws NotPermittedException, NotFoundException {
        ClassSession session = ClassroomAccess.session(em, currentMember.require(), sessionId);
        DateTimeFormatter when = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
        List<List<String>> rows = new ArrayList<>();
        for (ConsoleRow row : rows(session, clock.instant())) {
            rows.add(List.of(row.username(), row.name() == null ? "" : row.name(), row.attended() ? "yes" : "no",
                    row.firstOpened() == null ? "" : when.format(row.firstOpened()), Long.toString(row.minutesUsed())));
        }
        return CsvFiles.write(List.of("username", "name", "attended", "first_opened", "minutes_in_lab"), rows);
    }

    private List<Lab> activeLabs(ClassSession session, Collection<String> usernames) {
        Set<String> wanted = new HashSet<>(usernames);
        LabRepository labs = new LabRepository(em);
        List<Lab> active = new ArrayList<>();
        for (Member student : session.classroom().currentStudents()) {
            if (wanted.contains(student.username())) {
                labs.activeOfSession(session.id(), student).ifPresent(active::add);
            }
        }
        return active;
    }

    private Duration grace() {
        return settings.current().sessionEndGrace();
    }
}

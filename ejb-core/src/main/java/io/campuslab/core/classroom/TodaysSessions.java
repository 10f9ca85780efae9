package io.campuslab.core.classroom;

import io.campuslab.core.platform.AuditLog;
import io.campuslab.core.identity.CurrentMember;
import io.campuslab.core.lab.LabSignals;
import io.campuslab.core.lab.LabView;
import io.campuslab.core.platform.ConflictException;
import io.campuslab.core.platform.NotFoundException;
import io.campuslab.core.platform.NotPermittedException;
import io.campuslab.core.platform.SettingsSource;
import io.campuslab.domain.classroom.ClassSession;
import io.campuslab.domain.classroom.ClassSessionRepository;
import io.campuslab.domain.classroom.SessionPhase;
import io.campuslab.domain.identity.Member;
import io.campuslab.domain.identity.Roles;
import io.campuslab.domain.lab.Lab;
import io.campuslab.domain.lab.LabRepository;
import io.campuslab.domain.platform.PlatformSettings;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A student's sessions of the day: the card on their page with the session's window and their lab,
 * and opening it — the prepared lab, or for a student who comes late (or whose session prepares
 * labs on demand) a new one in their seat.
 */
@Stateless
public class TodaysSessions {

    /** How far ahead a session shows on the student's page. */
    static final Duration AHEAD = Duration.ofHours(12);

    @PersistenceContext(unitName = "campuslab")
    EntityManager em;

    @Inject
    CurrentMember currentMember;

    @Inject
    SettingsSource settings;

    @Inject
    LabSignals signals;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    /** The caller's sessions from now to twelve hours ahead, with the ones whose labs still run. */
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TEACHER, Roles.STUDENT})
    public List<SessionCard> mine() throws NotPermittedException {
        Member caller = currentMember.require();
        PlatformSettings platform = settings.current();
        Duration grace = platform.sessionEndGrace();
        Instant now = clock.instant();
        List<SessionCard> cards = new ArrayList<>();
        LabRepository labs = new LabRepository(em);
        for (ClassSession session : new ClassSessionRepository(em).ofStudent(caller, now.minus(grace), now.plus(AHEAD))) {
            if (session.phase(now, grace) == SessionPhase.ENDED) {
                continue;
            }
            Lab lab = labs.activeOfSession(session.id(), caller).orElse(null);
            cards.add(new SessionCard(SessionSummary.of(session, now, grace),
                    lab == null ? null : LabView.of(lab, platform, now, session.labStopsAt(lab, grace))));
        }
        return cards;
    }

    /**
     * The caller's lab of the session: the one prepared, or a new one queued in their seat while
     * the session is being prepared or under way.
     */
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TEACHER, Roles.STUDENT})
    public LabView open(long sessionId) throws NotPermittedException, NotFoundException, ConflictException {
        Member caller = em.find(Member.class, currentMember.require().id(), jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        ClassSession session = new ClassSessionRepository(em).find(sessionId, ClassroomAccess.school(caller))
                .filter(s -> s.classroom().students().stream().anyMatch(m -> m.id().equals(caller.id())))
                .orElseThrow(() -> new NotFoundException("session", Long.toString(sessionId)));
        PlatformSettings platform = settings.current();
        Instant now = clock.instant();
        LabRepository labs = new LabRepository(em);
        Lab lab = labs.activeOfSession(session.id(), caller).orElse(null);
        if (lab == null) {
            SessionPhase phase = session.phase(now, platform.sessionEndGrace());
            if (phase != SessionPhase.PREPARING && phase != SessionPhase.LIVE) {
                throw new ConflictException(phase == SessionPhase.SCHEDULED ? "error.session.not-yet" : "error.session.not-open",
                        session.classroom().name());
            }
            if (session.template().isEmpty()) {
                throw new ConflictException("error.session.template-gone", session.templateName());
            }
            lab = Lab.forSession(session.id(), session.tenant(), caller, session.template().get(), session.size(), now);
            labs.add(lab);
            em.flush();
            audit.record(session.tenant().slug().value(), "lab.requested", lab.objectName(), session.classroom().name());
            signals.labsChanged();
        }
        return LabView.of(lab, platform, now, session.labStopsAt(lab, platform.sessionEndGrace()));
    }
}

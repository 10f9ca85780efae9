package io.campuslab.core.lab;

import io.campuslab.core.lab.admission.Reserved;
import io.campuslab.core.platform.SettingsSource;
import io.campuslab.domain.audit.AuditEvent;
import io.campuslab.domain.audit.AuditRepository;
import io.campuslab.domain.catalog.LabTemplate;
import io.campuslab.domain.classroom.ClassSession;
import io.campuslab.domain.classroom.ClassSessionRepository;
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
import java.time.Instant;
import java.util.List;

/**
 * The scheduler's part in classroom sessions: the seats they hold, and their labs, queued when a
 * session's preparation is due. Called by {@link LabLedger} within its transactions; every write holds
 * the pass's fence.
 */
@Stateless
public class SessionLedger {

    private static final String ACTOR = "scheduler";

    @PersistenceContext(unitName = "campuslab")
    EntityManager em;

    @Inject
    SettingsSource settings;

    @Inject
    Clock clock;

    @Inject
    SchedulerLease lease;

    /**
     * The sessions' seats held now: every session from its preparation to the end of its grace
     * period; its empty seats are lent once it has been under way for the lending delay.
     */
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    public List<Reserved> reservations() {
        PlatformSettings platform = settings.current();
        Instant now = clock.instant();
        return new ClassSessionRepository(em).reserving(now, now.plusNanos(1), platform.sessionEndGrace()).stream()
                .filter(s -> s.phase(now, platform.sessionEndGrace()).holdsCapacity())
                .map(s -> new Reserved(s.id(), s.tenant().slug().value(), s.classroom().name(), LabSizing.demand(s.size()),
                        s.seats(), !now.isBefore(s.startsAt().plus(platform.sessionLendAfter()))))
                .toList();
    }

    /**
     * Prepares the sessions whose time has come: a lab for every student of the roster who has
     * none of the session yet. Each session is prepared once; a student who stops their lab gets a
     * new one by opening the session again.
     */
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    public int prepareSessions(Fence fence) throws LeaseLostException {
        lease.hold(fence);
        Instant now = clock.instant();
        LabRepository labs = new LabRepository(em);
        int queued = 0;
        for (ClassSession session : new ClassSessionRepository(em).duePreparation(now)) {
            session.prepared(now);
            LabTemplate template = session.template().orElse(null);
            if (template == null) {
                continue;
            }
            int forSession = 0;
            for (Member student : session.classroom().currentStudents()) {
                if (labs.activeOfSession(session.id(), student).isEmpty()) {
                    labs.add(Lab.forSession(session.id(), session.tenant(), student, template, session.size(), now));
                    forSession++;
                }
            }
            queued += forSession;
            new AuditRepository(em).add(new AuditEvent(now, ACTOR, session.tenant().slug().value(), "session.prepared",
                    session.classroom().name(), forSession + " labs"));
        }
        return queued;
    }
}

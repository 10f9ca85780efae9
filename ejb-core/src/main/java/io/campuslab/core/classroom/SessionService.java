package io.campuslab.core.classroom;

import io.campuslab.core.platform.AuditLog;
import io.campuslab.core.cluster.ClusterGateway;
import io.campuslab.core.cluster.ClusterNode;
import io.campuslab.core.cluster.ClusterUnavailableException;
import io.campuslab.core.identity.CurrentMember;
import io.campuslab.core.lab.LabSizing;
import io.campuslab.core.platform.ConflictException;
import io.campuslab.core.platform.InvalidInputException;
import io.campuslab.core.platform.NotFoundException;
import io.campuslab.core.platform.NotPermittedException;
import io.campuslab.core.platform.SettingsSource;
import io.campuslab.domain.classroom.ClassSession;
import io.campuslab.domain.classroom.ClassSessionRepository;
import io.campuslab.domain.classroom.Classroom;
import io.campuslab.domain.identity.Roles;
import io.campuslab.domain.platform.PlatformSettings;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Scheduling a classroom's sessions and changing their windows. Booking and extending read the
 * cluster's capacity first, with no transaction open, then check and save in one transaction of
 * {@link SessionBookings}: a slow cluster never holds the booking lock, nor every school's bookings
 * with it.
 */
@Stateless
public class SessionService {

    @PersistenceContext(unitName = "campuslab")
    EntityManager em;

    @Inject
    CurrentMember currentMember;

    @Inject
    SettingsSource settings;

    @Inject
    ClusterGateway cluster;

    @Inject
    SessionBookings bookings;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    /** Whether the session would fit, without saving it. */
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TEACHER})
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public SessionAnswer check(long classroomId, SessionDraft draft)
            throws NotPermittedException, NotFoundException, InvalidInputException, ConflictException {
        return bookings.check(classroomId, draft, capacity());
    }

    /** Saves the session, every occurrence of it, if all fit; otherwise says why not and saves nothing. */
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TEACHER})
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<SessionSummary> schedule(long classroomId, SessionDraft draft)
            throws NotPermittedException, NotFoundException, InvalidInputException, ConflictException {
        return bookings.schedule(classroomId, draft, capacity());
    }

    /** The classroom's sessions, in order of their start. */
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TEACHER})
    public List<SessionSummary> list(long classroomId) throws NotPermittedException, NotFoundException {
        Classroom classroom = ClassroomAccess.classroom(em, currentMember.require(), classroomId);
        Instant now = clock.instant();
        return new ClassSessionRepository(em).of(classroom).stream().map(s -> SessionSummary.of(s, now, grace())).toList();
    }

    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TEACHER})
    public SessionSummary get(long sessionId) throws NotPermittedException, NotFoundException {
        return SessionSummary.of(ClassroomAccess.session(em, currentMember.require(), sessionId), clock.instant(), grace());
    }

    /**
     * The session lasts longer, if the extra time fits beside the other reservations; its labs stop
     * that much later.
     */
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TEACHER})
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public SessionSummary extend(long sessionId, int minutes)
            throws NotPermittedException, NotFoundException, InvalidInputException, ConflictException {
        return bookings.extend(sessionId, minutes, capacity());
    }

    /** The session ends now (its labs stop after the grace period); one that has not started is cancelled. */
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TEACHER})
    public SessionSummary end(long sessionId) throws NotPermittedException, NotFoundException, ConflictException {
        ClassSession session = ClassroomAccess.session(em, currentMember.require(), sessionId);
        Instant now = clock.instant();
        try {
            session.endNow(now);
        } catch (IllegalStateException e) {
            throw new ConflictException("error.session.over");
        }
        audit.record(session.tenant().slug().value(), session.cancelled() ? "session.cancelled" : "session.ended",
                session.classroom().name(), null);
        return SessionSummary.of(session, now, grace());
    }

    /** The cluster's room for labs: the ready nodes' allocatable CPU, memory and GPUs per key. */
    private ReservationCheck.Capacity capacity() throws ConflictException {
        List<ClusterNode> nodes;
        try {
            nodes = cluster.listNodes();
        } catch (ClusterUnavailableException e) {
            throw new ConflictException("error.session.cluster-unreachable");
        }
        return new ReservationCheck.Capacity(LabSizing.rooms(nodes));
    }

    private Duration grace() {
        PlatformSettings platform = settings.current();
        return platform.sessionEndGrace();
    }
}

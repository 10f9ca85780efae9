package io.campuslab.core.platform;

import io.campuslab.domain.audit.AuditEvent;
import io.campuslab.domain.audit.AuditRepository;
import io.campuslab.domain.identity.Roles;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;

/**
 * Adds an event to the audit log in the caller's transaction, so a change and its record commit or
 * roll back together. The actor is the calling principal.
 */
@Stateless
public class AuditLog {

    @PersistenceContext(unitName = "campuslab")
    EntityManager em;

    @Resource
    SessionContext context;

    @Inject
    Clock clock;

    /**
     * @param tenantSlug the school the change belongs to, or null for a platform-wide change
     * @param action     what happened, a key such as {@code school.suspended}
     * @param target     the item changed, e.g. the school's slug
     */
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN, Roles.TEACHER, Roles.STUDENT})
    public void record(String tenantSlug, String action, String target, String detail) {
        new AuditRepository(em).add(new AuditEvent(clock.instant(), context.getCallerPrincipal().getName(),
                tenantSlug, action, target, detail));
    }

    /** An event of CampusLab's own timers, whose actor is CampusLab rather than a person. */
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    public void recordByCampusLab(String tenantSlug, String action, String target, String detail) {
        new AuditRepository(em).add(new AuditEvent(clock.instant(), SYSTEM_ACTOR, tenantSlug, action, target, detail));
    }

    /** The actor of events CampusLab's timers record: not a user name (they hold no such characters). */
    public static final String SYSTEM_ACTOR = "(campuslab)";
}

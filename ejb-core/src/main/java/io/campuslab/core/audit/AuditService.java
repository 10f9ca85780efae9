package io.campuslab.core.audit;

import io.campuslab.core.identity.CurrentMember;
import io.campuslab.core.platform.NotPermittedException;
import io.campuslab.domain.audit.AuditRepository;
import io.campuslab.domain.identity.Member;
import io.campuslab.domain.identity.Role;
import io.campuslab.domain.identity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** Reading the audit log: a school admin reads their school's, the platform admin everything. */
@Stateless
public class AuditService {

    /** The most a page may hold, whatever the caller asks for. */
    static final int MAX_PAGE = 500;

    @PersistenceContext(unitName = "campuslab")
    EntityManager em;

    @Inject
    CurrentMember currentMember;

    /** The newest events first, from {@code first} on, at most {@code max}. */
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN})
    public List<AuditEntry> recent(int first, int max) throws NotPermittedException {
        Member caller = currentMember.require();
        AuditRepository events = new AuditRepository(em);
        int from = Math.max(0, first);
        int size = Math.max(0, Math.min(max, MAX_PAGE));
        if (caller.hasRole(Role.PLATFORM_ADMIN)) {
            return events.latest(from, size).stream().map(AuditEntry::of).toList();
        }
        String school = caller.tenant().orElseThrow(NotPermittedException::new).slug().value();
        return events.latestOf(school, from, size).stream().map(AuditEntry::of).toList();
    }
}

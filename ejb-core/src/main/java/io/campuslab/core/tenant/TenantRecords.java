package io.campuslab.core.tenant;

import io.campuslab.core.audit.AuditLog;
import io.campuslab.core.platform.ConflictException;
import io.campuslab.domain.identity.Roles;
import io.campuslab.domain.tenant.Tenant;
import io.campuslab.domain.tenant.TenantQuota;
import io.campuslab.domain.tenant.TenantRepository;
import io.campuslab.domain.tenant.TenantSlug;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;

/** The database side of onboarding, each step in a transaction of its own. */
@Stateless
public class TenantRecords {

    @PersistenceContext(unitName = "campuslab")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    private TenantRepository tenants;

    @PostConstruct
    void init() {
        tenants = new TenantRepository(em);
    }

    @RolesAllowed(Roles.PLATFORM_ADMIN)
    public void requireUnused(TenantSlug slug) throws ConflictException {
        if (tenants.findBySlug(slug).isPresent()) {
            throw new ConflictException("error.school.exists", slug.value());
        }
    }

    @RolesAllowed(Roles.PLATFORM_ADMIN)
    public Tenant create(TenantSlug slug, String displayName, TenantQuota quota) throws ConflictException {
        requireUnused(slug);
        Tenant school = new Tenant(slug, displayName, quota, clock.instant());
        tenants.add(school);
        em.flush();
        audit.record(slug.value(), "school.onboarded", slug.value(), school.displayName());
        return school;
    }
}

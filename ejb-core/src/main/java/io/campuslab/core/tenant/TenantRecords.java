package io.campuslab.core.tenant;

import io.campuslab.core.platform.AuditLog;
import io.campuslab.core.platform.ConflictException;
import io.campuslab.core.identity.SchoolMembers;
import io.campuslab.domain.identity.Member;
import io.campuslab.domain.identity.MemberRepository;
import io.campuslab.domain.identity.Role;
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
import java.util.Optional;

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

    /** Whether a member of that user name exists anywhere on the platform. */
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    public boolean usernameKnown(String username) {
        return new MemberRepository(em).findByUsername(username).isPresent();
    }

    @RolesAllowed(Roles.PLATFORM_ADMIN)
    public Tenant create(TenantSlug slug, String displayName, TenantQuota quota,
                         Optional<SchoolMembers.ImportedMember> firstAdmin) throws ConflictException {
        requireUnused(slug);
        Tenant school = new Tenant(slug, displayName, quota, clock.instant());
        tenants.add(school);
        firstAdmin.ifPresent(admin -> em.persist(Member.invited(admin.subject(), admin.row().username(), admin.row().name(),
                admin.row().email(), school, Role.TENANT_ADMIN, null, clock.instant())));
        em.flush();
        audit.record(slug.value(), "school.onboarded", slug.value(), school.displayName());
        firstAdmin.ifPresent(admin -> audit.record(slug.value(), "member.created", admin.row().username(),
                Role.TENANT_ADMIN.realmName()));
        return school;
    }
}

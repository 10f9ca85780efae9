package io.campuslab.core.tenant;

import io.campuslab.core.identity.CurrentMember;
import io.campuslab.core.platform.NotFoundException;
import io.campuslab.core.platform.NotPermittedException;
import io.campuslab.domain.identity.Member;
import io.campuslab.domain.identity.MemberRepository;
import io.campuslab.domain.identity.Roles;
import io.campuslab.domain.tenant.Tenant;
import io.campuslab.domain.tenant.TenantRepository;
import io.campuslab.domain.tenant.TenantSlug;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** Reading schools: staff see their own school, the platform admin sees every school. */
@Stateless
public class TenantService {

    @PersistenceContext(unitName = "campuslab")
    EntityManager em;

    @Inject
    CurrentMember currentMember;

    private TenantRepository tenants;
    private MemberRepository members;

    @PostConstruct
    void init() {
        tenants = new TenantRepository(em);
        members = new MemberRepository(em);
    }

    /** A school's summary, for its own teachers and admins and for the platform admin. */
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN, Roles.TEACHER})
    public SchoolSummary schoolSummary(String slug) throws NotFoundException, NotPermittedException {
        if (!TenantSlug.isValid(slug)) {
            throw new NotFoundException("school", slug);
        }
        Tenant school = tenants.findBySlug(new TenantSlug(slug)).orElseThrow(() -> new NotFoundException("school", slug));
        Member caller = currentMember.require();
        if (!caller.mayActFor(school)) {
            throw new NotPermittedException();
        }
        return summaryOf(school);
    }

    /** Every school on the platform. */
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    public List<SchoolSummary> listSchools() {
        return tenants.listAll().stream().map(this::summaryOf).toList();
    }

    private SchoolSummary summaryOf(Tenant school) {
        return new SchoolSummary(school.slug().value(), school.displayName(), school.status().name(),
                school.namespace(), members.countByRole(school));
    }
}

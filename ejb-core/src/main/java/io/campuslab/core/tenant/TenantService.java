package io.campuslab.core.tenant;

import io.campuslab.core.audit.AuditLog;
import io.campuslab.core.identity.CurrentMember;
import io.campuslab.core.platform.InvalidInputException;
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

    @Inject
    AuditLog audit;

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
        Tenant school = find(slug);
        Member caller = currentMember.require();
        if (!caller.mayActFor(school)) {
            throw new NotPermittedException();
        }
        return summaryOf(school);
    }

    @RolesAllowed(Roles.PLATFORM_ADMIN)
    public SchoolSummary rename(String slug, String newName) throws NotFoundException, InvalidInputException {
        if (!Tenant.isValidName(newName)) {
            throw new InvalidInputException("error.school.name-invalid");
        }
        Tenant school = find(slug);
        String before = school.displayName();
        school.rename(newName);
        audit.record(slug, "school.renamed", slug, before + " -> " + school.displayName());
        return summaryOf(school);
    }

    /** Suspends a school: its members can no longer sign in or act; nothing is deleted. */
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    public SchoolSummary suspend(String slug) throws NotFoundException {
        Tenant school = find(slug);
        school.suspend();
        audit.record(slug, "school.suspended", slug, null);
        return summaryOf(school);
    }

    @RolesAllowed(Roles.PLATFORM_ADMIN)
    public SchoolSummary resume(String slug) throws NotFoundException {
        Tenant school = find(slug);
        school.resume();
        audit.record(slug, "school.resumed", slug, null);
        return summaryOf(school);
    }

    /** Every school on the platform. */
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    public List<SchoolSummary> listSchools() {
        return tenants.listAll().stream().map(this::summaryOf).toList();
    }

    private Tenant find(String slug) throws NotFoundException {
        if (!TenantSlug.isValid(slug)) {
            throw new NotFoundException("school", slug);
        }
        return tenants.findBySlug(new TenantSlug(slug)).orElseThrow(() -> new NotFoundException("school", slug));
    }

    private SchoolSummary summaryOf(Tenant school) {
        return new SchoolSummary(school.slug().value(), school.displayName(), school.status().name(),
                school.namespace(), members.countByRole(school));
    }
}

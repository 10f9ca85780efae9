package io.campuslab.core.tenant;

import io.campuslab.core.platform.AuditLog;
import io.campuslab.core.identity.CurrentMember;
import io.campuslab.core.platform.InvalidInputException;
import io.campuslab.core.platform.NotFoundException;
import io.campuslab.core.platform.NotPermittedException;
import io.campuslab.core.platform.SettingsSource;
import io.campuslab.domain.identity.Member;
import io.campuslab.domain.identity.MemberRepository;
import io.campuslab.domain.identity.Roles;
import io.campuslab.domain.tenant.Tenant;
import io.campuslab.domain.tenant.Term;
import io.campuslab.domain.tenant.TenantRepository;
import io.campuslab.domain.tenant.TenantSlug;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;

/** Reading schools: staff see their own school, the platform admin sees every school. */
@Stateless
public class TenantService {

    @PersistenceContext(unitName = "campuslab")
    EntityManager em;

    @Inject
    CurrentMember currentMember;

    @Inject
    AuditLog audit;

    @Inject
    SettingsSource settings;

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

    /**
     * The school's admin lets the school's admins open any lab of the school, or stops it: each
     * visit is audited and shown to the student. Only for the caller's own school; audited.
     */
    @RolesAllowed(Roles.TENANT_ADMIN)
    public SchoolSummary letAdminsOpenLabs(boolean allowed) throws NotPermittedException {
        Member caller = currentMember.require();
        Tenant school = caller.tenant().orElseThrow(NotPermittedException::new);
        if (!caller.hasRole(io.campuslab.domain.identity.Role.TENANT_ADMIN)) {
            throw new NotPermittedException();
        }
        if (school.adminsOpenLabs() != allowed) {
            school.letAdminsOpenLabs(allowed);
            audit.record(school.slug().value(), allowed ? "school.admins-open-labs" : "school.admins-keep-out-of-labs",
                    school.slug().value(), null);
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

    /** A school's current term, for the platform admin and the school's own staff; empty when it set none. */
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN, Roles.TEACHER})
    public SchoolTerm term(String slug) throws NotFoundException, NotPermittedException {
        Tenant school = find(slug);
        if (!currentMember.require().mayActFor(school)) {
            throw new NotPermittedException();
        }
        return SchoolTerm.of(school.term());
    }

    /**
     * Sets the school's term (both days inclusive), or none with both days empty: the school's
     * admins and the platform admin. Students' GPU-hour budgets per term count from its first day.
     */
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN})
    public SchoolTerm changeTerm(String slug, java.time.LocalDate starts, java.time.LocalDate ends)
            throws NotFoundException, NotPermittedException, InvalidInputException {
        Tenant school = find(slug);
        if (!currentMember.require().mayActFor(school)) {
            throw new NotPermittedException();
        }
        java.util.Optional<Term> term = java.util.Optional.empty();
        if (starts != null || ends != null) {
            if (!Term.isValid(starts, ends)) {
                throw new InvalidInputException("error.term.invalid", Term.LONGEST_DAYS);
            }
            term = java.util.Optional.of(new Term(starts, ends));
        }
        school.changeTerm(term);
        audit.record(slug, "school.term-changed", slug, term.map(t -> t.starts() + " – " + t.ends()).orElse("none"));
        return SchoolTerm.of(term);
    }

    /** A school's quota, for the platform admin and the school's own admins and teachers. */
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN, Roles.TEACHER})
    public SchoolQuota quota(String slug) throws NotFoundException, NotPermittedException {
        Tenant school = find(slug);
        if (!currentMember.require().mayActFor(school)) {
            throw new NotPermittedException();
        }
        return SchoolQuota.of(school);
    }

    /**
     * Sets a school's quota. GPUs per key name GPU resource keys the platform offers, each at most
     * the GPUs in total. Running labs are not touched; the cluster's copy follows at the next pass.
     */
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    public SchoolQuota changeQuota(String slug, SchoolQuota quota) throws NotFoundException, InvalidInputException {
        Tenant school = find(slug);
        if (quota == null || quota.gpus() < 0 || quota.cpuCores() < 0 || quota.memoryGib() < 0 || quota.concurrentLabs() < 0
                || quota.storageGib() < 0 || quota.gpuHoursPerMonth() < 0) {
            throw new InvalidInputException("error.quota.negative");
        }
        List<String> keys = settings.current().gpuResourceKeys();
        for (Map.Entry<String, Integer> perKey : quota.gpusPerKey().entrySet()) {
            if (!keys.contains(perKey.getKey())) {
                throw new InvalidInputException("error.quota.gpu-key-unknown", perKey.getKey());
            }
            if (perKey.getValue() == null || perKey.getValue() < 0 || perKey.getValue() > quota.gpus()) {
                throw new InvalidInputException("error.quota.key-beyond-total", perKey.getKey(), quota.gpus());
            }
        }
        SchoolQuota before = SchoolQuota.of(school);
        school.changeQuota(quota.quota(), quota.gpusPerKey());
        audit.record(slug, "school.quota-changed", slug, before + " -> " + quota);
        return SchoolQuota.of(school);
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
                school.namespace(), members.countByRole(school), school.adminsOpenLabs());
    }
}

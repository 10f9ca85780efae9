package io.campuslab.core.quota;

import io.campuslab.core.platform.AuditLog;
import io.campuslab.core.identity.CurrentMember;
import io.campuslab.core.platform.InvalidInputException;
import io.campuslab.core.platform.NotFoundException;
import io.campuslab.core.platform.NotPermittedException;
import io.campuslab.domain.classroom.ClassroomRepository;
import io.campuslab.domain.identity.Member;
import io.campuslab.domain.identity.MemberRepository;
import io.campuslab.domain.identity.Role;
import io.campuslab.domain.identity.Roles;
import io.campuslab.domain.quota.Allowance;
import io.campuslab.domain.quota.AllowanceProblem;
import io.campuslab.domain.quota.AllowanceRepository;
import io.campuslab.domain.quota.LabAllowance;
import io.campuslab.domain.tenant.Tenant;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

/**
 * The school admin's allowances: what a student or a teacher may ask for per lab, how many labs at
 * once and how many GPU-hours a month, and overrides for single members. Each change is checked
 * against the school's quota and audited; it holds from the next request on.
 */
@Stateless
public class AllowanceService {

    @PersistenceContext(unitName = "campuslab")
    EntityManager em;

    @Inject
    CurrentMember currentMember;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    /** The school's allowances: the roles' defaults, and the overrides the caller may see (a teacher: their students'). */
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TEACHER})
    public SchoolAllowances list() throws NotPermittedException {
        Tenant school = school();
        Member caller = currentMember.require();
        ClassroomRepository classrooms = new ClassroomRepository(em);
        AllowanceRepository allowances = new AllowanceRepository(em);
        List<SchoolAllowances.MemberAllowance> members = allowances.of(school).stream()
                .filter(a -> a.member().isPresent())
                .filter(a -> caller.hasRole(Role.TENANT_ADMIN)
                        || a.member().get().hasRole(Role.STUDENT) && classrooms.teaches(caller, a.member().get()))
                .map(a -> new SchoolAllowances.MemberAllowance(a.member().get().username(), a.member().get().displayName(),
                        a.allowance()))
                .toList();
        return new SchoolAllowances(forRole(allowances, school, Role.STUDENT), forRole(allowances, school, Role.TEACHER), members);
    }

    /** Sets the default of students or teachers. */
    @RolesAllowed(Roles.TENANT_ADMIN)
    public void setForRole(Role role, Allowance allowance) throws NotPermittedException, InvalidInputException {
        if (role != Role.STUDENT && role != Role.TEACHER) {
            throw new InvalidInputException("error.allowance.role");
        }
        Tenant school = school();
        check(allowance, school);
        AllowanceRepository allowances = new AllowanceRepository(em);
        store(allowances, allowances.forRole(school, role).orElse(null), () -> LabAllowance.forRole(school, role), allowance);
        audit.record(school.slug().value(), "allowance.changed", role.realmName(), describe(allowance));
    }

    /**
     * One member's override ({@link Allowance#UNSET} when they have none): for the school's admin,
     * and for a teacher, of the students on their classrooms' rosters.
     */
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TEACHER})
    public Allowance ofMember(String username) throws NotPermittedException, NotFoundException {
        Member member = settableMember(username);
        return new AllowanceRepository(em).forMember(member).map(LabAllowance::allowance).orElse(Allowance.UNSET);
    }

    /**
     * Sets one member's override, within the school's quota: the school's admin for any member of
     * the school, a teacher for the students on their classrooms' rosters (say, more GPU-hours for a
     * project) within what the school admin set for that student; anyone else is not found.
     */
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TEACHER})
    public void setForMember(String username, Allowance allowance)
            throws NotPermittedException, NotFoundException, InvalidInputException {
        Tenant school = school();
        Member member = settableMember(username);
        check(allowance, school);
        AllowanceRepository allowances = new AllowanceRepository(em);
        LabAllowance stored = allowances.forMember(member).orElse(null);
        Member caller = currentMember.require();
        if (caller.hasRole(Role.TENANT_ADMIN)) {
            store(allowances, stored, () -> LabAllowance.forMember(member), allowance);
        } else {
            LabAllowance target = stored != null ? stored : LabAllowance.forMember(member);
            List<AllowanceProblem> beyond = target.problemsOfTeachersChange(allowance);
            if (!beyond.isEmpty()) {
                throw new InvalidInputException(beyond.get(0).messageKey(), beyond.get(0).limit());
            }
            target.changeByTeacher(allowance, caller.username(), clock.instant());
            if (stored == null) {
                allowances.add(target);
            }
        }
        audit.record(school.slug().value(), "allowance.changed", member.username(), describe(allowance));
    }

    /** Removes a member's override: the role's default holds again. */
    @RolesAllowed(Roles.TENANT_ADMIN)
    public void removeForMember(String username) throws NotPermittedException, NotFoundException {
        Tenant school = school();
        Member member = memberOf(school, username);
        AllowanceRepository allowances = new AllowanceRepository(em);
        allowances.forMember(member).ifPresent(a -> {
            allowances.remove(a);
            audit.record(school.slug().value(), "allowance.removed", member.username(), "");
        });
    }

    /** Changes the stored allowance, or a new one that is stored once it says something. */
    private void store(AllowanceRepository allowances, LabAllowance stored, Supplier<LabAllowance> created, Allowance allowance)
            throws NotPermittedException {
        LabAllowance target = stored != null ? stored : created.get();
        target.change(allowance, currentMember.require().username(), clock.instant());
        if (stored == null) {
            allowances.add(target);
        }
    }

    private static Allowance forRole(AllowanceRepository allowances, Tenant school, Role role) {
        return allowances.forRole(school, role).map(LabAllowance::allowance).orElse(Allowance.UNSET);
    }

    private static void check(Allowance allowance, Tenant school) throws InvalidInputException {
        List<AllowanceProblem> problems = allowance.problemsWithin(school.quota());
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems.get(0).messageKey(), problems.get(0).limit());
        }
    }

    /** The member whose override the caller may see and set. */
    private Member settableMember(String username) throws NotPermittedException, NotFoundException {
        Member caller = currentMember.require();
        Member member = memberOf(school(), username);
        if (!caller.hasRole(Role.TENANT_ADMIN)
                && !(member.hasRole(Role.STUDENT) && new ClassroomRepository(em).teaches(caller, member))) {
            throw new NotFoundException("member", username);
        }
        return member;
    }

    private Tenant school() throws NotPermittedException {
        return currentMember.require().tenant().orElseThrow(NotPermittedException::new);
    }

    private Member memberOf(Tenant school, String username) throws NotFoundException {
        return new MemberRepository(em).findByUsername(username == null ? "" : username)
                .filter(m -> m.tenant().map(t -> t.id().equals(school.id())).orElse(false))
                .orElseThrow(() -> new NotFoundException("member", username));
    }

    private static String describe(Allowance a) {
        return "cpu=" + a.maxCpuMillis() + " memory=" + a.maxMemoryMib() + " gpus=" + a.maxGpus() + " labs=" + a.labsAtOnce()
                + " gpu-hours=" + a.gpuHoursPerMonth();
    }
}

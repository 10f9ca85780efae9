package io.campuslab.domain.quota;

import io.campuslab.domain.identity.Member;
import io.campuslab.domain.identity.Role;
import io.campuslab.domain.tenant.Tenant;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;

/** The allowances of a school, and the one that holds for a member. */
public class AllowanceRepository {

    private final EntityManager em;

    public AllowanceRepository(EntityManager em) {
        this.em = em;
    }

    public List<LabAllowance> of(Tenant school) {
        return em.createQuery("select a from LabAllowance a left join fetch a.member where a.tenant = :school"
                        + " order by a.role, a.member.username", LabAllowance.class)
                .setParameter("school", school).getResultList();
    }

    public Optional<LabAllowance> forRole(Tenant school, Role role) {
        return em.createQuery("select a from LabAllowance a where a.tenant = :school and a.role = :role", LabAllowance.class)
                .setParameter("school", school).setParameter("role", role).getResultStream().findFirst();
    }

    public Optional<LabAllowance> forMember(Member member) {
        return em.createQuery("select a from LabAllowance a where a.member = :member", LabAllowance.class)
                .setParameter("member", member).getResultStream().findFirst();
    }

    /**
     * What holds for the member: their override, over their role's default (teachers' when they
     * teach, students' otherwise), over nothing.
     */
    public Allowance effective(Member member, Tenant school) {
        Role role = member.hasRole(Role.TEACHER) || member.hasRole(Role.TENANT_ADMIN) ? Role.TEACHER : Role.STUDENT;
        Allowance byRole = forRole(school, role).map(LabAllowance::allowance).orElse(Allowance.UNSET);
        return forMember(member).map(LabAllowance::allowance).orElse(Allowance.UNSET).over(byRole);
    }

    public void add(LabAllowance allowance) {
        em.persist(allowance);
    }

    public void remove(LabAllowance allowance) {
        em.remove(allowance);
    }
}

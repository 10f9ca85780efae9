package io.campuslab.domain.identity;

import io.campuslab.domain.tenant.Tenant;
import jakarta.persistence.EntityManager;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Finds and stores members; every query that lists members is scoped to one school. */
public class MemberRepository {

    private final EntityManager em;

    public MemberRepository(EntityManager em) {
        this.em = em;
    }

    public Optional<Member> findBySubject(String subject) {
        return em.createQuery("select m from Member m where m.subject = :subject", Member.class)
                .setParameter("subject", subject)
                .getResultStream()
                .findFirst();
    }

    public Optional<Member> findByUsername(String username) {
        return em.createQuery("select m from Member m where m.username = :username", Member.class)
                .setParameter("username", username)
                .getResultStream()
                .findFirst();
    }

    /** How many members of the school hold each role (a member with two roles counts twice). */
    /** The member of that user name if they belong to the school; none for anyone else's. */
    public Optional<Member> findInSchool(String username, Tenant school) {
        return findByUsername(username == null ? "" : username)
                .filter(member -> member.tenant().map(t -> t.id().equals(school.id())).orElse(false));
    }

    public Map<Role, Long> countByRole(Tenant school) {
        List<Object[]> rows = em.createQuery(
                        "select r, count(m) from Member m join m.roles r where m.tenant = :tenant group by r",
                        Object[].class)
                .setParameter("tenant", school)
                .getResultList();
        Map<Role, Long> counts = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            counts.put(role, 0L);
        }
        rows.forEach(row -> counts.put((Role) row[0], (Long) row[1]));
        return counts;
    }

    /**
     * One page of a school's members whose user name, name or e-mail contains the search text,
     * ordered by name.
     */
    public List<Member> search(Tenant school, String text, int first, int max) {
        return em.createQuery("select m from Member m where m.tenant = :school and (:text = '' or lower(m.username) like :like"
                        + " or lower(m.displayName) like :like or lower(m.email) like :like) order by m.displayName, m.id", Member.class)
                .setParameter("school", school)
                .setParameter("text", text)
                .setParameter("like", likePattern(text))
                .setFirstResult(first)
                .setMaxResults(max)
                .getResultList();
    }

    public long count(Tenant school, String text) {
        return em.createQuery("select count(m) from Member m where m.tenant = :school and (:text = '' or lower(m.username) like :like"
                        + " or lower(m.displayName) like :like or lower(m.email) like :like)", Long.class)
                .setParameter("school", school)
                .setParameter("text", text)
                .setParameter("like", likePattern(text))
                .getSingleResult();
    }

    /** The school's members holding a role, by name. */
    public List<Member> withRole(Tenant school, Role role) {
        return em.createQuery("select m from Member m join m.roles r where m.tenant = :school and r = :role order by m.displayName",
                        Member.class)
                .setParameter("school", school)
                .setParameter("role", role)
                .getResultList();
    }

    /** Contains-search in lower case, with the LIKE wildcards of the text taken literally. */
    private static String likePattern(String text) {
        return "%" + text.toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /** Removed members whose grace period ended at {@code now}, the earliest first; of every school. */
    public List<Member> dueForDeletion(java.time.Instant now, int max) {
        return em.createQuery("select m from Member m where m.deleteAfter <= :now order by m.deleteAfter, m.id", Member.class)
                .setParameter("now", now)
                .setMaxResults(max)
                .getResultList();
    }

    public void add(Member member) {
        em.persist(member);
    }
}

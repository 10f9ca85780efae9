package io.campuslab.domain.audit;

import jakarta.persistence.EntityManager;
import java.util.List;

/** Adds and reads audit events; reads are scoped to one school or, for the platform, to all. */
public class AuditRepository {

    private final EntityManager em;

    public AuditRepository(EntityManager em) {
        this.em = em;
    }

    public void add(AuditEvent event) {
        em.persist(event);
    }

    /** The newest events of one school, newest first. */
    public List<AuditEvent> latestOf(String tenantSlug, int first, int max) {
        return em.createQuery("select e from AuditEvent e where e.tenantSlug = :tenant order by e.id desc", AuditEvent.class)
                .setParameter("tenant", tenantSlug)
                .setFirstResult(first)
                .setMaxResults(max)
                .getResultList();
    }

    /** The newest events of the whole platform, newest first. */
    public List<AuditEvent> latest(int first, int max) {
        return em.createQuery("select e from AuditEvent e order by e.id desc", AuditEvent.class)
                .setFirstResult(first)
                .setMaxResults(max)
                .getResultList();
    }
}

package io.campuslab.domain.tenant;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;

/** Finds and stores schools. */
public class TenantRepository {

    private final EntityManager em;

    public TenantRepository(EntityManager em) {
        this.em = em;
    }

    public Optional<Tenant> findBySlug(TenantSlug slug) {
        return em.createQuery("select t from Tenant t where t.slug = :slug", Tenant.class)
                .setParameter("slug", slug)
                .getResultStream()
                .findFirst();
    }

    /** The school an e-mail domain (lower case) belongs to. */
    public Optional<Tenant> findByEmailDomain(String domain) {
        return em.createQuery("select t from Tenant t join t.emailDomains d where d = :domain", Tenant.class)
                .setParameter("domain", domain)
                .getResultStream()
                .findFirst();
    }

    public List<Tenant> listAll() {
        return em.createQuery("select t from Tenant t order by t.displayName", Tenant.class).getResultList();
    }

    public void add(Tenant tenant) {
        em.persist(tenant);
    }
}

package io.campuslab.domain.identity;

import io.campuslab.domain.tenant.Tenant;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;

/** Finds and stores the schools' identity providers. */
public class SignInProviderRepository {

    private final EntityManager em;

    public SignInProviderRepository(EntityManager em) {
        this.em = em;
    }

    public Optional<SignInProvider> findByAlias(String alias) {
        return em.createQuery("select p from SignInProvider p join fetch p.tenant where p.alias = :alias", SignInProvider.class)
                .setParameter("alias", alias)
                .getResultStream()
                .findFirst();
    }

    public List<SignInProvider> ofSchool(Tenant school) {
        return em.createQuery("select p from SignInProvider p where p.tenant = :school order by p.kind", SignInProvider.class)
                .setParameter("school", school)
                .getResultList();
    }

    public void add(SignInProvider provider) {
        em.persist(provider);
    }

    public void remove(SignInProvider provider) {
        em.remove(provider);
    }
}

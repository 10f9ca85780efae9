package io.campuslab.domain.dataset;

import io.campuslab.domain.tenant.Tenant;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;

/** Datasets visible to a school: its own and the global ones; never another school's. */
public class DatasetRepository {

    private final EntityManager em;

    public DatasetRepository(EntityManager em) {
        this.em = em;
    }

    public List<Dataset> visibleTo(Tenant school) {
        return em.createQuery("select d from Dataset d where d.owner is null or d.owner = :school order by d.displayName",
                        Dataset.class)
                .setParameter("school", school)
                .getResultList();
    }

    public List<Dataset> global() {
        return em.createQuery("select d from Dataset d where d.owner is null order by d.displayName", Dataset.class)
                .getResultList();
    }

    public Optional<Dataset> findVisible(String name, Tenant school) {
        return em.createQuery("select d from Dataset d where d.name = :name and (d.owner is null or d.owner = :school)",
                        Dataset.class)
                .setParameter("name", name)
                .setParameter("school", school)
                .getResultStream()
                .findFirst();
    }

    /**
     * Whether a dataset of that name exists anywhere, global or of any school: a global dataset may not
     * take a name a school uses, or a lab asking for it by name would find two.
     */
    public boolean anyNamed(String name) {
        return !em.createQuery("select d.id from Dataset d where d.name = :name", Long.class)
                .setParameter("name", name)
                .setMaxResults(1)
                .getResultList().isEmpty();
    }

    public Optional<Dataset> findGlobal(String name) {
        return em.createQuery("select d from Dataset d where d.name = :name and d.owner is null", Dataset.class)
                .setParameter("name", name)
                .getResultStream()
                .findFirst();
    }

    public void add(Dataset dataset) {
        em.persist(dataset);
    }

    public void remove(Dataset dataset) {
        em.remove(dataset);
    }
}

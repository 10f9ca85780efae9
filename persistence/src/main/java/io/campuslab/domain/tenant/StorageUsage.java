package io.campuslab.domain.tenant;

import jakarta.persistence.EntityManager;

/** What a school stores against its storage quota: its datasets' files and its courses' material. */
public class StorageUsage {

    private final EntityManager em;

    public StorageUsage(EntityManager em) {
        this.em = em;
    }

    public long bytesUsedBy(Tenant school) {
        Long datasets = em.createQuery("select coalesce(sum(d.sizeBytes), 0) from Dataset d where d.owner = :school", Long.class)
                .setParameter("school", school).getSingleResult();
        Long courses = em.createQuery("select coalesce(sum(c.materialBytes), 0) from Course c where c.school = :school", Long.class)
                .setParameter("school", school).getSingleResult();
        return datasets + courses;
    }

    /** What an upload replacing {@code currentBytes} may bring, within the school's quota. */
    public long availableFor(Tenant school, long currentBytes) {
        return school.quota().storageBytes() - bytesUsedBy(school) + currentBytes;
    }
}

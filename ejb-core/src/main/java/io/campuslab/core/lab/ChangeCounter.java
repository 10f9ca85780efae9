package io.campuslab.core.lab;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * The database's counter of lab changes, which every portal node polls ({@link ChangeWatch}). Anyone
 * may bump or read it: it says only that something changed, never what.
 */
@Stateless
public class ChangeCounter {

    @PersistenceContext(unitName = "campuslab")
    EntityManager em;

    /** Counts a change, committed on its own; returns the counter after it. */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public long bump() {
        em.createNativeQuery("UPDATE change_signals SET version = version + 1 WHERE name = 'labs'").executeUpdate();
        return current();
    }

    /** The counter now. */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public long current() {
        List<?> rows = em.createNativeQuery("SELECT version FROM change_signals WHERE name = 'labs'").getResultList();
        return rows.isEmpty() ? 0 : ((Number) rows.get(0)).longValue();
    }
}

package io.campuslab.core.lab;

import io.campuslab.domain.identity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;

/**
 * The lease that lets one node at a time run the scheduler: one conditional update, committed on
 * its own, either renews the holder's lease or takes over an expired one.
 */
@Stateless
public class SchedulerLease {

    @PersistenceContext(unitName = "campuslab")
    EntityManager em;

    /** Whether this node holds the lease until {@code now + term} after the call. */
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean acquire(String holder, Instant now, Duration term) {
        return em.createNativeQuery("UPDATE scheduler_leases SET holder = ?1, expires_at = ?2"
                        + " WHERE name = 'labs' AND (holder = ?1 OR expires_at < ?3)")
                .setParameter(1, holder)
                .setParameter(2, now.plus(term))
                .setParameter(3, now)
                .executeUpdate() == 1;
    }
}

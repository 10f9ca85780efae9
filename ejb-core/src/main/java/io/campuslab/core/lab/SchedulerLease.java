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
import java.util.List;
import java.util.Optional;

/**
 * The lease that lets one node at a time run the scheduler: one conditional update, committed on
 * its own, either renews the holder's lease or takes over an expired one. Its term is timed by the
 * database's clock, never a node's own: two nodes whose clocks disagree still agree on who holds it.
 */
@Stateless
public class SchedulerLease {

    @PersistenceContext(unitName = "campuslab")
    EntityManager em;

    /** Whether this node holds the lease for {@code term} from now, by the database's clock, after the call. */
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean acquire(String holder, Duration term) {
        return em.createNativeQuery("UPDATE scheduler_leases SET holder = ?1,"
                        + " expires_at = TIMESTAMPADD(MICROSECOND, ?2, NOW(6))"
                        + " WHERE name = 'labs' AND (holder = ?1 OR expires_at < NOW(6))")
                .setParameter(1, holder)
                .setParameter(2, term.toNanos() / 1000)
                .executeUpdate() == 1;
    }

    /**
     * Records whether the pass reached the cluster: the first failure sets the time since when it
     * cannot be reached, a success clears it.
     *
     * @return whether the cluster's reachability changed
     */
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean recordCluster(Optional<String> problem, Instant now) {
        if (problem.isPresent()) {
            int started = em.createNativeQuery("UPDATE scheduler_leases SET cluster_unreachable_since = ?1"
                    + " WHERE name = 'labs' AND cluster_unreachable_since IS NULL").setParameter(1, now).executeUpdate();
            em.createNativeQuery("UPDATE scheduler_leases SET cluster_problem = ?1,"
                            + " cluster_unreachable_since = COALESCE(cluster_unreachable_since, ?2) WHERE name = 'labs'")
                    .setParameter(1, problem.get().length() > 255 ? problem.get().substring(0, 255) : problem.get())
                    .setParameter(2, now)
                    .executeUpdate();
            return started == 1;
        }
        return em.createNativeQuery("UPDATE scheduler_leases SET cluster_problem = NULL, cluster_unreachable_since = NULL"
                + " WHERE name = 'labs' AND cluster_unreachable_since IS NOT NULL").executeUpdate() == 1;
    }

    /** Since when the scheduler cannot reach the cluster; empty while it can. */
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.TENANT_ADMIN, Roles.TEACHER, Roles.STUDENT})
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<Instant> clusterUnreachableSince() {
        List<?> rows = em.createNativeQuery("SELECT cluster_unreachable_since FROM scheduler_leases WHERE name = 'labs'")
                .getResultList();
        Object since = rows.isEmpty() ? null : rows.get(0);
        if (since instanceof java.sql.Timestamp timestamp) {
            return Optional.of(timestamp.toInstant());
        }
        if (since instanceof java.time.LocalDateTime local) {
            return Optional.of(local.toInstant(java.time.ZoneOffset.UTC));
        }
        return Optional.empty();
    }
}

package io.campuslab.core.lab;

import io.campuslab.domain.identity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.hibernate.Session;
import org.hibernate.jdbc.ReturningWork;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The lease that lets one node at a time run the scheduler: one conditional update, committed on
 * its own, either renews the holder's lease or takes over an expired one. Its term is timed by the
 * database's clock, never a node's own: two nodes whose clocks disagree still agree on who holds it.
 * Each takeover gets the next fencing number ({@link Fence}), which every scheduler write checks in
 * its own transaction ({@link #hold}).
 */
@Stateless
public class SchedulerLease {

    @PersistenceContext(unitName = "campuslab")
    EntityManager em;

    /**
     * Takes the lease for {@code term} from now, by the database's clock: renews it when this holder
     * has it, takes it over when it has expired, with the next fencing number.
     *
     * @return the fence of this holding; empty while another node holds the lease
     */
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<Fence> acquire(String holder, Duration term) {
        return jdbc(db -> LeaseTable.acquire(db, holder, term));
    }

    /** Extends the lease of this fence for {@code term} from now; false once another node took it over. */
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean renew(Fence fence, Duration term) {
        return jdbc(db -> LeaseTable.renew(db, fence, term));
    }

    /**
     * Checks, inside the caller's transaction, that the fence still holds an unexpired lease, and
     * keeps the lease's row share-locked until that transaction ends: a takeover waits for the
     * write, and a write after a takeover is refused and rolled back.
     */
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void hold(Fence fence) throws LeaseLostException {
        if (!jdbc(db -> LeaseTable.holds(db, fence))) {
            throw new LeaseLostException(fence);
        }
    }

    /** Runs the statements on the connection of the current transaction. */
    private <T> T jdbc(ReturningWork<T> work) {
        return em.unwrap(Session.class).doReturningWork(work);
    }

    /**
     * Records whether the pass reached the cluster: the first failure sets the time since when it
     * cannot be reached, a success clears it.
     *
     * @return whether the cluster's reachability changed
     */
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean recordCluster(Fence fence, Optional<String> problem, Instant now) throws LeaseLostException {
        hold(fence);
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

package io.campuslab.core.lab;

import io.campuslab.core.cluster.ClusterGateway;
import io.campuslab.core.cluster.ClusterUnavailableException;
import io.campuslab.core.lab.admission.AdmissionPolicy;
import io.campuslab.core.platform.CoreSettings;
import io.campuslab.core.platform.SettingsSource;
import io.campuslab.domain.identity.Roles;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJBException;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The lab scheduler: a pass every few seconds on the node that holds the lease, never overlapping
 * itself. Each pass ({@link SchedulerPass}) observes the cluster (three list calls), brings the
 * schools' namespaces to their policies, plans with {@link LabPlanner}, records what
 * the cluster reported, removes what no active lab owns, admits queued labs with
 * {@link AdmissionPolicy}, and provisions the admitted ones. Reads and writes are short
 * transactions of their own; no transaction is open during a call to the cluster. When the cluster
 * cannot be reached, the pass stops where it is, records since when, and the next pass tries again:
 * every step is safe to repeat. The lease is renewed during a pass and fenced ({@link Fence}): a node
 * whose pass outlives its lease stops without writing.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@RunAs(Roles.PLATFORM_ADMIN)
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class LabScheduler {

    private static final Logger LOG = Logger.getLogger(LabScheduler.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    @Resource
    TimerService timers;

    /** The server's managed threads, for the provisioning lanes of a pass. */
    @Resource
    ManagedExecutorService lanes;

    @Inject
    SchedulerLease lease;

    @Resource(lookup = "java:jboss/datasources/CampusLabDS")
    DataSource database;

    @Inject
    LabLedger ledger;

    @Inject
    ClusterGateway cluster;

    @Inject
    SettingsSource settings;

    @Inject
    Clock clock;

    @Inject
    CoreSettings startup;

    @Inject
    LabSignals signals;

    /** The lease's term, in scheduler intervals: a node that stops renewing it is replaced after this long. */
    static final int LEASE_TERM_IN_PASSES = 6;

    private final AtomicBoolean passing = new AtomicBoolean();
    private volatile Long heldFence;
    private final AdmissionPolicy policy = new AdmissionPolicy();
    private final String holder = System.getProperty("jboss.node.name", "campuslab") + "/"
            + Long.toHexString(RANDOM.nextLong());

    @PostConstruct
    void start() {
        if (startup.schedulerEnabled()) {
            long every = startup.schedulerInterval().toMillis();
            timers.createIntervalTimer(every, every, new TimerConfig("lab-scheduler", false));
        }
    }

    @Timeout
    void onTimer() {
        if (!passing.compareAndSet(false, true)) {
            return;
        }
        Instant now = clock.instant();
        Duration term = startup.schedulerInterval().multipliedBy(LEASE_TERM_IN_PASSES);
        try {
            long asked = System.nanoTime();
            Optional<Fence> fence = lease.acquire(holder, term);
            noteLease(fence, (System.nanoTime() - asked) / 1_000_000);
            if (fence.isPresent()) {
                try {
                    boolean changed = pass(new HeldLease(lease::renew, fence.get(), term, System::nanoTime), now);
                    if (lease.recordCluster(fence.get(), Optional.empty(), now) || changed) {
                        signals.labsChanged();
                    }
                } catch (ClusterUnavailableException e) {
                    LOG.fine(() -> "Scheduler pass cut short: the cluster cannot be reached (" + e.detail() + ")");
                    if (lease.recordCluster(fence.get(), Optional.of(e.detail()), now)) {
                        signals.labsChanged();
                    }
                }
            }
        } catch (LeaseLostException e) {
            LOG.warning(() -> "Scheduler pass stopped without writing more: " + e.getMessage()
                    + "; another node runs the scheduler now");
        } catch (EJBException | jakarta.persistence.PersistenceException e) {
            LOG.log(Level.WARNING, "Scheduler pass failed; the next pass tries again", e);
        } finally {
            passing.set(false);
        }
    }

    /** Says in the log when this node starts or stops running the scheduler, and when asking for the lease was slow. */
    private void noteLease(Optional<Fence> fence, long millis) {
        Long now = fence.map(Fence::number).orElse(null);
        if (!java.util.Objects.equals(now, heldFence)) {
            if (now != null) {
                LOG.info(() -> holder + " runs the lab scheduler now (fencing number " + now + ")");
            } else {
                LOG.info(() -> holder + " no longer runs the lab scheduler; another node holds the lease");
            }
            heldFence = now;
        }
        if (millis > 2000) {
            LOG.warning(() -> "Asking for the scheduler lease took " + millis + " ms");
        }
    }

    /**
     * A node that shuts down hands the lease on at once instead of letting its term run out. Through
     * the datasource itself: the server may have stopped the other beans already.
     */
    @PreDestroy
    void stop() {
        if (startup.schedulerEnabled()) {
            try (Connection db = database.getConnection()) {
                LeaseTable.release(db, holder);
            } catch (SQLException e) {
                LOG.log(Level.INFO, "The scheduler lease could not be released on shutdown; it runs out by itself", e);
            }
        }
    }

    /** One pass over the cluster and the labs; whether it may have changed what people see. */
    boolean pass(PassLease held, Instant now) throws ClusterUnavailableException, LeaseLostException {
        return new SchedulerPass(ledger, cluster, policy, LabScheduler::token, lanes)
                .run(held, settings.current(), new LabPlanner.Patience(startup.unschedulablePatience(), startup.answerPatience()), now);
    }

    /** A lab's access token: 32 random bytes, kept only in the lab's secret. */
    static String token() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

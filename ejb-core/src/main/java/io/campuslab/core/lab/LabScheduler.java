package io.campuslab.core.lab;

import io.campuslab.core.cluster.ClusterGateway;
import io.campuslab.core.cluster.ClusterNode;
import io.campuslab.core.cluster.ClusterSnapshot;
import io.campuslab.core.cluster.ClusterUnavailableException;
import io.campuslab.core.cluster.ObservedPod;
import io.campuslab.core.lab.admission.Admission;
import io.campuslab.core.lab.admission.AdmissionPolicy;
import io.campuslab.core.lab.admission.HeldLab;
import io.campuslab.core.lab.admission.NodeRoom;
import io.campuslab.core.lab.admission.QueuedLab;
import io.campuslab.core.platform.CoreSettings;
import io.campuslab.core.platform.SettingsSource;
import io.campuslab.domain.identity.Roles;
import io.campuslab.domain.lab.LabState;
import io.campuslab.domain.platform.PlatformSettings;
import jakarta.annotation.PostConstruct;
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
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The lab scheduler: a pass every few seconds on the node that holds the lease, never overlapping
 * itself. A pass observes the cluster (two list calls), plans with {@link LabPlanner}, records what
 * the cluster reported, removes what no active lab owns, admits queued labs with
 * {@link AdmissionPolicy}, and provisions the admitted ones. Reads and writes are short
 * transactions of their own; no transaction is open during a call to the cluster. When the cluster
 * cannot be reached, nothing changes and the next pass tries again.
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

    @Inject
    SchedulerLease lease;

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

    private final AtomicBoolean passing = new AtomicBoolean();
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
        try {
            Instant now = clock.instant();
            if (lease.acquire(holder, now, startup.schedulerInterval().multipliedBy(6))) {
                pass(now);
            }
        } catch (ClusterUnavailableException e) {
            LOG.fine(() -> "Scheduler pass skipped: the cluster cannot be reached (" + e.detail() + ")");
        } catch (EJBException | jakarta.persistence.PersistenceException e) {
            LOG.log(Level.WARNING, "Scheduler pass failed; the next pass tries again", e);
        } finally {
            passing.set(false);
        }
    }

    /** One pass over the cluster and the labs. */
    void pass(Instant now) throws ClusterUnavailableException {
        PlatformSettings platform = settings.current();
        ClusterSnapshot snapshot = cluster.snapshot();
        List<LabRecord> labs = ledger.activeLabs();
        LabPlan plan = new LabPlanner(startup.unschedulablePatience(), platform.idleTimeout(), platform.maxLifetime())
                .plan(labs, snapshot.labPods(), now);
        ledger.recordObservations(plan);
        for (LabPlan.Removal removal : plan.removals()) {
            cluster.remove(removal.namespace(), removal.name());
        }
        Admission admission = policy.decide(queued(labs), held(labs, snapshot), ledger.limits(), rooms(snapshot));
        ledger.recordAdmission(admission);
        List<Long> toProvision = new ArrayList<>(plan.provision());
        admission.admitted().forEach(a -> toProvision.add(a.labId()));
        for (LabBlueprint blueprint : ledger.toProvision(toProvision)) {
            cluster.provision(blueprint, token());
        }
    }

    private static List<QueuedLab> queued(List<LabRecord> labs) {
        return labs.stream().filter(l -> l.state() == LabState.QUEUED)
                .map(l -> new QueuedLab(l.id(), l.tenant(), l.user(), l.id(), l.demand())).toList();
    }

    private static List<HeldLab> held(List<LabRecord> labs, ClusterSnapshot snapshot) {
        Map<Long, ObservedPod> pods = new HashMap<>();
        snapshot.labPods().forEach(p -> pods.put(p.labId(), p));
        return labs.stream().filter(l -> l.state().holdsResources()).map(l -> {
            ObservedPod pod = pods.get(l.id());
            String node = pod != null && pod.nodeOrNull() != null ? pod.nodeOrNull() : null;
            return new HeldLab(l.tenant(), l.user(), l.demand(), node);
        }).toList();
    }

    private static List<NodeRoom> rooms(ClusterSnapshot snapshot) {
        List<NodeRoom> rooms = new ArrayList<>();
        for (ClusterNode node : snapshot.roomForLabs().values()) {
            if (!node.ready()) {
                continue;
            }
            Map<String, Integer> gpus = new HashMap<>();
            node.gpus().forEach((key, count) -> gpus.put(key, Math.toIntExact(count)));
            rooms.add(new NodeRoom(node.name(), node.cpuMillis(), node.memoryBytes() >> 20, gpus,
                    node.model().map(m -> Map.of("nvidia.com/gpu.product", m)).orElse(Map.of())));
        }
        return rooms;
    }

    /** A lab's access token: 32 random bytes, kept only in the lab's secret. */
    private static String token() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

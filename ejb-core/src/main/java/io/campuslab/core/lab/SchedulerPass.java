package io.campuslab.core.lab;

import io.campuslab.core.cluster.ClusterGateway;
import io.campuslab.core.cluster.ClusterSnapshot;
import io.campuslab.core.cluster.ClusterUnavailableException;
import io.campuslab.core.cluster.LabBlueprint;
import io.campuslab.core.cluster.LabRefusedException;
import io.campuslab.core.cluster.ObservedPod;
import io.campuslab.core.cluster.SchoolPolicy;
import io.campuslab.core.cluster.SchoolRefusedException;
import io.campuslab.core.lab.admission.Admission;
import io.campuslab.core.lab.admission.AdmissionPolicy;
import io.campuslab.core.lab.admission.HeldLab;
import io.campuslab.core.lab.admission.QueuedLab;
import io.campuslab.domain.lab.LabState;
import io.campuslab.domain.platform.PlatformSettings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * One scheduler pass, in order: observe the cluster (three list calls), bring the schools'
 * namespaces to their policies, plan with {@link LabPlanner}, record what the cluster reported,
 * remove what no active lab owns, admit with {@link AdmissionPolicy}, provision the admitted labs.
 * It holds no state between passes and no transaction: the books are read and written in short
 * steps of their own, and every step is safe to repeat after a crash or an unreachable cluster.
 * Before each step that writes, books or cluster, the pass keeps its lease ({@link PassLease#keep});
 * each write to the books checks the lease's fence again in its own transaction. A node that lost the
 * lease therefore stops; at worst one cluster call it had begun completes, and the cluster's objects
 * have fixed names, so the next holder finds it done rather than doubled.
 */
public final class SchedulerPass {

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(SchedulerPass.class.getName());

    private final LabBooks books;
    private final ClusterGateway cluster;
    private final AdmissionPolicy policy;
    private final Supplier<String> tokens;
    private final Executor lanes;

    /**
     * @param lanes runs the provisioning lanes; labs are provisioned in {@link #LANES} lanes at once,
     *              each lab's objects in order within its lane
     */
    public SchedulerPass(LabBooks books, ClusterGateway cluster, AdmissionPolicy policy, Supplier<String> tokens,
                         Executor lanes) {
        this.books = books;
        this.cluster = cluster;
        this.policy = policy;
        this.tokens = tokens;
        this.lanes = lanes;
    }

    /** How many labs are provisioned at once: a burst of requests is not served one API call at a time. */
    public static final int LANES = 8;

    /** @return whether the pass may have changed what people see of their labs */
    public boolean run(PassLease lease, PlatformSettings platform, LabPlanner.Patience patience, Instant now)
            throws ClusterUnavailableException, LeaseLostException {
        Fence fence = lease.fence();
        ClusterSnapshot snapshot = cluster.snapshot();
        lease.keep();
        boolean prepared = books.prepareSessions(fence) > 0;
        List<LabRecord> labs = books.activeLabs();
        SchoolBooks schools = books.schools();
        applySchoolPolicies(lease, schools, labs, snapshot);
        LabPlan plan = new LabPlanner(patience, platform.idleTimeout(), platform.maxLifetime())
                .plan(labs, snapshot.labPods(), now);
        lease.keep();
        books.recordObservations(fence, plan);
        for (LabPlan.Removal removal : plan.removals()) {
            lease.keep();
            cluster.remove(removal.namespace(), removal.name());
        }
        Admission admission = policy.decide(queued(labs), held(labs, snapshot), schools.limits(),
                LabSizing.rooms(snapshot.roomForLabs().values()), books.reservations());
        lease.keep();
        books.recordAdmission(fence, admission, WaitEstimate.of(labs, admission, platform.maxLifetime()));
        List<Long> toProvision = new ArrayList<>(plan.provision());
        admission.admitted().forEach(a -> toProvision.add(a.labId()));
        java.util.Set<Long> still = books.stillProvisioning(toProvision);
        // the blueprints read with the labs: admission changes nothing a lab's objects are made of
        java.util.Map<Long, LabRecord> byId = new java.util.HashMap<>();
        labs.forEach(lab -> byId.put(lab.id(), lab));
        provision(lease, toProvision.stream().distinct().filter(still::contains).map(byId::get)
                .filter(java.util.Objects::nonNull).map(LabRecord::blueprint).toList());
        return prepared || !admission.reclaimed().isEmpty() || !plan.running().isEmpty() || !plan.failures().isEmpty() || !plan.stops().isEmpty() || !plan.gone().isEmpty()
                || !admission.admitted().isEmpty() || !admission.waiting().isEmpty();
    }

    /**
     * Provisions the labs in lanes that run at once. Refusals are written to the books by the
     * calling thread once all lanes are done; an unreachable cluster ends the pass as it would
     * without lanes.
     */
    private void provision(PassLease lease, List<LabBlueprint> blueprints) throws ClusterUnavailableException, LeaseLostException {
        if (blueprints.isEmpty()) {
            return;
        }
        int laneCount = Math.min(LANES, blueprints.size());
        List<CompletableFuture<Map<Long, String>>> running = new ArrayList<>();
        for (int lane = 0; lane < laneCount; lane++) {
            List<LabBlueprint> mine = new ArrayList<>();
            for (int i = lane; i < blueprints.size(); i += laneCount) {
                mine.add(blueprints.get(i));
            }
            running.add(CompletableFuture.supplyAsync(() -> provisionLane(lease, mine), lanes));
        }
        Map<Long, String> refused = new HashMap<>();
        ClusterUnavailableException unavailable = null;
        LeaseLostException lost = null;
        for (CompletableFuture<Map<Long, String>> lane : running) {
            try {
                refused.putAll(lane.join());
            } catch (CompletionException e) {
                if (e.getCause() instanceof LaneFailure failure && failure.unavailable != null) {
                    unavailable = failure.unavailable;
                } else if (e.getCause() instanceof LaneFailure failure) {
                    lost = failure.lost;
                } else {
                    throw e;
                }
            }
        }
        if (lost != null) {
            throw lost;
        }
        for (Map.Entry<Long, String> refusal : refused.entrySet()) {
            books.refused(lease.fence(), refusal.getKey(), refusal.getValue());
        }
        if (unavailable != null) {
            throw unavailable;
        }
    }

    private Map<Long, String> provisionLane(PassLease lease, List<LabBlueprint> labs) {
        Map<Long, String> refused = new HashMap<>();
        for (LabBlueprint blueprint : labs) {
            try {
                lease.keep();
                cluster.provision(blueprint, tokens.get());
            } catch (LabRefusedException e) {
                refused.put(blueprint.labId(), e.detail());
            } catch (ClusterUnavailableException e) {
                throw new LaneFailure(e, null);
            } catch (LeaseLostException e) {
                throw new LaneFailure(null, e);
            }
        }
        return refused;
    }

    /** Carries an unreachable cluster or a lost lease out of a lane. */
    private static final class LaneFailure extends RuntimeException {

        private final transient ClusterUnavailableException unavailable;
        private final transient LeaseLostException lost;

        LaneFailure(ClusterUnavailableException unavailable, LeaseLostException lost) {
            super(unavailable != null ? unavailable.detail() : lost.getMessage(), null, false, false);
            this.unavailable = unavailable;
            this.lost = lost;
        }
    }

    /**
     * Brings each school namespace in use to what its policy says: a namespace with labs, or one
     * the cluster already has. Only schools whose observed fingerprint differs are written, so a
     * quiet pass makes no call for them.
     */
    private void applySchoolPolicies(PassLease lease, SchoolBooks schools, List<LabRecord> labs, ClusterSnapshot snapshot)
            throws ClusterUnavailableException, LeaseLostException {
        Set<String> inUse = new HashSet<>();
        labs.forEach(lab -> inUse.add(lab.tenant()));
        for (SchoolPolicy school : schools.policies().values()) {
            String observed = snapshot.schoolPolicies().get(school.namespace());
            if ((inUse.contains(school.tenant()) || observed != null) && !school.fingerprint().equals(observed)) {
                lease.keep();
                try {
                    cluster.applySchool(school);
                } catch (SchoolRefusedException refused) {
                    // one school's namespace refusing an object holds up no other school
                    LOG.warning(() -> "The cluster refused objects of " + school.tenant() + "; trying again next pass: "
                            + refused.detail());
                }
            }
        }
    }

    private static List<QueuedLab> queued(List<LabRecord> labs) {
        return labs.stream().filter(l -> l.state() == LabState.QUEUED)
                .map(l -> new QueuedLab(l.id(), l.tenant(), l.user(), l.id(), l.demand(), l.sessionOrNull())).toList();
    }

    private static List<HeldLab> held(List<LabRecord> labs, ClusterSnapshot snapshot) {
        Map<Long, ObservedPod> pods = new HashMap<>();
        snapshot.labPods().forEach(p -> pods.put(p.labId(), p));
        return labs.stream().filter(l -> l.state().holdsResources()).map(l -> {
            ObservedPod pod = pods.get(l.id());
            String node = pod != null && pod.nodeOrNull() != null ? pod.nodeOrNull() : null;
            return new HeldLab(l.id(), l.tenant(), l.user(), l.demand(), node, l.sessionOrNull(), l.id(),
                    !l.session() && l.stopAtOrNull() != null);
        }).toList();
    }
}

package io.campuslab.core.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campuslab.core.cluster.ClusterGateway;
import io.campuslab.core.cluster.ClusterNode;
import io.campuslab.core.cluster.ClusterSnapshot;
import io.campuslab.core.cluster.LabAccess;
import io.campuslab.core.cluster.LabBlueprint;
import io.campuslab.core.cluster.ObservedPod;
import io.campuslab.core.cluster.SchoolPolicy;
import io.campuslab.core.lab.admission.Admission;
import io.campuslab.core.lab.admission.AdmissionPolicy;
import io.campuslab.core.lab.admission.Demand;
import io.campuslab.core.lab.admission.Reserved;
import io.campuslab.core.lab.admission.TenantLimits;
import io.campuslab.domain.lab.LabState;
import io.campuslab.domain.platform.PlatformSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Scheduler passes on a clock the test moves, beside a class session of 40 students with one GPU
 * each: the labs are prepared and run before the start, a student's own GPU lab cannot take the
 * session's seats, and the labs stop at the end plus the grace period.
 */
class SessionPassTest {

    private static final String GPU = "nvidia.com/gpu";
    private static final Instant START = Instant.parse("2026-11-24T08:00:00Z");
    private static final Instant END = START.plus(Duration.ofMinutes(90));
    private static final LabPlanner.Patience PATIENCE = new LabPlanner.Patience(Duration.ofMinutes(5), Duration.ofMinutes(5));
    private static final Duration PREPARE = Duration.ofMinutes(10);
    private static final Duration GRACE = Duration.ofMinutes(5);
    private static final int STUDENTS = 40;
    private static final Demand ONE_GPU = new Demand(2000, 4096, 1000, 4096, 1, GPU, Map.of());

    private final PlatformSettings platform = PlatformSettings.of(Map.of(), Path.of("/srv/campuslab"));
    private final Cluster cluster = new Cluster(STUDENTS / 4);
    private final Books books = new Books();
    private final SchedulerPass pass = new SchedulerPass(books, cluster, new AdmissionPolicy(), () -> "token", Runnable::run);

    @Test
    void fortyLabsArePreparedBeforeTheStartAndStopAtTheEnd() throws Exception {
        passAt(START.minus(Duration.ofMinutes(15)));
        assertThat(books.labs).as("nothing before the preparation").isEmpty();

        passAt(START.minus(PREPARE));
        assertThat(books.count(LabState.PROVISIONING)).as("all forty admitted and provisioned at once").isEqualTo(STUDENTS);
        passAt(START.minus(PREPARE).plusSeconds(5));
        assertThat(books.count(LabState.RUNNING)).as("running before the start").isEqualTo(STUDENTS);
        assertThat(cluster.pods).hasSize(STUDENTS);

        passAt(START.plus(Duration.ofMinutes(30)));
        passAt(END.plus(GRACE).minusSeconds(1));
        assertThat(books.count(LabState.RUNNING)).as("not stopped as idle, nor before the grace is over").isEqualTo(STUDENTS);

        passAt(END.plus(GRACE));
        assertThat(books.count(LabState.STOPPING)).isEqualTo(STUDENTS);
        passAt(END.plus(GRACE).plusSeconds(5));
        passAt(END.plus(GRACE).plusSeconds(10));
        assertThat(books.count(LabState.STOPPED)).as("removed, then seen gone").isEqualTo(STUDENTS);
        assertThat(cluster.pods).isEmpty();
        assertThat(books.stopReasons).containsOnly("lab.reason.session-ended");
    }

    @Test
    void aStudentsOwnGpuLabWaitsWhileTheSessionsSeatsAreEmpty() throws Exception {
        passAt(START.minus(PREPARE));
        passAt(START.minus(PREPARE).plusSeconds(5));
        books.stop(books.sessionLabs().subList(0, 3));
        passAt(START.minus(PREPARE).plusSeconds(10));
        passAt(START.minus(PREPARE).plusSeconds(15));
        assertThat(cluster.gpusInUse()).as("three students stopped their labs: three GPUs free").isEqualTo(STUDENTS - 3);
        long own = books.request("outsider", ONE_GPU, START.minus(PREPARE).plusSeconds(16));

        passAt(START.minus(PREPARE).plusSeconds(20));

        assertThat(books.labs.get(own).state()).isEqualTo(LabState.QUEUED);
        assertThat(books.waiting.get(own)).isEqualTo("lab.wait.reserved");
        assertThat(cluster.gpusInUse()).isEqualTo(STUDENTS - 3);
    }

    @Test
    void aNodeThatLosesItsLeaseDuringThePreparationStopsAndTheNextHolderFinishesWithoutDoubles() throws Exception {
        books.now = START.minus(PREPARE);
        PassLease losing = new PassLease() {
            final Fence fence = new Fence("node-a", 4);
            int keeps;

            @Override
            public Fence fence() {
                return fence;
            }

            @Override
            public void keep() throws LeaseLostException {
                if (++keeps > 3 + 10) {
                    throw new LeaseLostException(fence);
                }
            }
        };
        assertThatThrownBy(() -> pass.run(losing, platform, PATIENCE, books.now))
                .isInstanceOf(LeaseLostException.class);
        assertThat(books.fences).as("every write carried the pass's fence").containsOnly(losing.fence());
        assertThat(cluster.pods).as("provisioning stopped where the lease was lost").hasSize(10);

        passAt(START.minus(PREPARE).plusSeconds(5));
        passAt(START.minus(PREPARE).plusSeconds(10));
        assertThat(books.count(LabState.RUNNING)).isEqualTo(STUDENTS);
        assertThat(cluster.pods).hasSize(STUDENTS);
        assertThat(cluster.created).as("each lab's pod created once").hasSize(STUDENTS).doesNotHaveDuplicates();
    }

    private void passAt(Instant now) throws Exception {
        books.now = now;
        pass.run(PassLease.sole(), platform, PATIENCE, now);
    }

    /** The books of one school with one session; the session's rules as the ledger applies them. */
    private static final class Books implements LabBooks {

        Instant now;
        boolean prepared;
        final List<Fence> fences = new ArrayList<>();
        long nextId = 1;
        final Map<Long, LabRecord> labs = new LinkedHashMap<>();
        final Map<Long, String> waiting = new HashMap<>();
        final List<String> stopReasons = new ArrayList<>();

        int count(LabState state) {
            return (int) labs.values().stream().filter(l -> l.state() == state).count();
        }

        List<Long> sessionLabs() {
            return labs.values().stream().filter(LabRecord::session).map(LabRecord::id).toList();
        }

        void stop(List<Long> ids) {
            ids.forEach(id -> labs.computeIfPresent(id, (i, l) -> with(l, l.state() == LabState.QUEUED ? LabState.STOPPED : LabState.STOPPING)));
        }

        long request(String user, Demand demand, Instant at) {
            long id = nextId++;
            labs.put(id, record(id, user, demand, at, null));
            return id;
        }

        private LabRecord record(long id, String user, Demand demand, Instant at, Long session) {
            LabBlueprint blueprint = new LabBlueprint("lab-" + id, "cl-north-high", id, "north-high", user, "jupyterlab",
                    "quay.io/jupyter/pytorch-notebook", List.of(), List.of(), List.of(new LabBlueprint.Port("http", 8888)),
                    demand.cpuLimitMillis(), demand.memoryLimitMib(), demand.cpuRequestMillis(), demand.memoryRequestMib(),
                    demand.gpus(), demand.gpuKey(), Map.of(), List.of(), 0, "/", null);
            return new LabRecord(id, "north-high", user, LabState.QUEUED, demand, null, at, null, null, blueprint, session,
                    session == null ? null : END.plus(GRACE), session == null ? null : "lab.reason.session-ended");
        }

        @Override
        public int prepareSessions(Fence fence) {
            fences.add(fence);
            if (prepared || now.isBefore(START.minus(PREPARE)) || !now.isBefore(END)) {
                return 0;
            }
            prepared = true;
            for (int i = 0; i < STUDENTS; i++) {
                long id = nextId++;
                labs.put(id, record(id, "student-" + i, ONE_GPU, now, 1L));
            }
            return STUDENTS;
        }

        @Override
        public List<Reserved> reservations() {
            boolean holds = !now.isBefore(START.minus(PREPARE)) && now.isBefore(END.plus(GRACE));
            return holds ? List.of(new Reserved(1, "north-high", "Physics 3B", ONE_GPU, STUDENTS, false)) : List.of();
        }

        @Override
        public List<LabRecord> activeLabs() {
            return labs.values().stream().filter(l -> l.state().isActive() || l.state() == LabState.STOPPING).toList();
        }

        @Override
        public SchoolBooks schools() {
            return new SchoolBooks(Map.of("north-high", new TenantLimits("north-high", 1_000_000, 10_000_000, 1000, 100, Map.of(), 100)),
                    Map.of());
        }

        @Override
        public void recordObservations(Fence fence, LabPlan plan) {
            fences.add(fence);
            plan.running().forEach(r -> labs.computeIfPresent(r.labId(), (id, l) -> with(l, LabState.RUNNING)));
            plan.stops().forEach(s -> labs.computeIfPresent(s.labId(), (id, l) -> {
                stopReasons.add(s.reasonKey());
                return with(l, l.state() == LabState.QUEUED ? LabState.STOPPED : LabState.STOPPING);
            }));
            plan.gone().forEach(id -> labs.computeIfPresent(id, (i, l) -> with(l, LabState.STOPPED)));
        }

        @Override
        public void recordAdmission(Fence fence, Admission admission, Map<Long, Instant> startsBy) {
            fences.add(fence);
            admission.admitted().forEach(a -> labs.computeIfPresent(a.labId(), (id, l) -> with(l, LabState.PROVISIONING)));
            admission.waiting().forEach((id, w) -> waiting.put(id, w.reason().messageKey()));
        }

        @Override
        public java.util.Set<Long> stillProvisioning(java.util.Collection<Long> ids) {
            return ids.stream().map(labs::get).filter(l -> l.state() == LabState.PROVISIONING).map(LabRecord::id)
                    .collect(java.util.stream.Collectors.toSet());
        }

        @Override
        public void refused(Fence fence, long labId, String detail) {
            fences.add(fence);
            labs.computeIfPresent(labId, (id, l) -> with(l, LabState.FAILED));
        }

        private LabRecord with(LabRecord l, LabState state) {
            return new LabRecord(l.id(), l.tenant(), l.user(), state, l.demand(), l.nodeOrNull(), now,
                    state == LabState.RUNNING ? now : l.runningAtOrNull(), state == LabState.RUNNING ? now : l.lastActivityOrNull(),
                    l.blueprint(), l.sessionOrNull(), l.stopAtOrNull(), l.stopReasonOrNull());
        }
    }

    /** A cluster of GPU nodes, four GPUs each, whose pods run and are ready as soon as they are created. */
    private static final class Cluster implements ClusterGateway {

        final Map<String, ObservedPod> pods = new LinkedHashMap<>();
        final List<String> created = new ArrayList<>();
        final List<ClusterNode> nodes = new ArrayList<>();

        Cluster(int gpuNodes) {
            for (int i = 1; i <= gpuNodes; i++) {
                nodes.add(new ClusterNode("gpu-" + i, true, 64_000, 512L << 30, Map.of(GPU, 4L), "NVIDIA-A100-SXM4-40GB"));
            }
        }

        int gpusInUse() {
            return pods.size();
        }

        @Override
        public List<ClusterNode> listNodes() {
            return nodes;
        }

        @Override
        public ClusterSnapshot snapshot() {
            Map<String, ClusterNode> room = new HashMap<>();
            nodes.forEach(n -> room.put(n.name(), n));
            return new ClusterSnapshot(nodes, room, List.copyOf(pods.values()), Map.of());
        }

        @Override
        public void applySchool(SchoolPolicy school) {
            // the school's namespace objects are not what this test is about
        }

        @Override
        public void provision(LabBlueprint lab, String token) {
            if (!pods.containsKey(lab.name())) {
                created.add(lab.name());
            }
            pods.put(lab.name(), new ObservedPod(lab.labId(), lab.namespace(), lab.name(), "Running", "gpu-1", true, null, null,
                    false, null));
        }

        @Override
        public Optional<LabAccess> access(String namespace, String name) {
            return Optional.empty();
        }

        @Override
        public void remove(String namespace, String name) {
            pods.remove(name);
        }

        @Override
        public void removeWorkspace(String namespace, String claim) {
            // this cluster keeps no claims
        }
    }
}

package io.campuslab.bench;

import io.campuslab.core.cluster.ClusterGateway;
import io.campuslab.core.cluster.ClusterNode;
import io.campuslab.core.cluster.ClusterSnapshot;
import io.campuslab.core.cluster.ClusterUnavailableException;
import io.campuslab.core.cluster.LabAccess;
import io.campuslab.core.cluster.LabRefusedException;
import io.campuslab.core.cluster.SchoolPolicy;
import io.campuslab.core.cluster.kubernetes.KubernetesClusterGateway;
import io.campuslab.core.cluster.LabBlueprint;
import io.campuslab.core.lab.LabPlanner;
import io.campuslab.core.lab.PassLease;
import io.campuslab.core.lab.SchedulerPass;
import io.campuslab.core.lab.admission.AdmissionPolicy;
import io.campuslab.devcluster.DevCluster;
import io.campuslab.domain.lab.LabState;
import io.campuslab.domain.platform.PlatformSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The scheduler's passes against the dev-cluster, through the real Kubernetes client, with the
 * books in memory instead of the database: (1) a burst of 300 labs asked for at once, with room for
 * all: how long until every pod is created, and the p50/p95 from request to pod created; (2) the
 * API calls and the bytes of their answers in a quiet pass with 100 and with 1,000 running labs, for
 * the gateway that lists on every pass and for the one whose snapshots come from informers (as the
 * server runs it). On the real API server when the control plane was built. Prints its figures; run with
 * {@code ./mvnw -q -pl bench exec:exec -Dbench.main=io.campuslab.bench.SchedulerBurst -Dbench.args=}.
 */
public final class SchedulerBurst {

    private static final LabPlanner.Patience PATIENCE = new LabPlanner.Patience(Duration.ofMinutes(5), Duration.ofMinutes(5));


    private SchedulerBurst() {
    }

    public static void main(String[] args) throws Exception {
        PlatformSettings platform = DevClusterBench.PLATFORM;
        try (DevCluster cluster = DevClusterBench.start()) {
            System.out.println("against the " + cluster.describe());
            KubernetesClusterGateway watching = DevClusterBench.watchingGateway(cluster);
            burst(cluster, watching, platform, 300);
            for (int labs : new int[] {100, 1000}) {
                quietPass(cluster, Map.of("listing on every pass", DevClusterBench.gateway(cluster),
                        "informers (list once, then watch)", watching), platform, labs);
            }
        }
        System.exit(0);
    }

    /** Every lab is asked for at once; passes run every five seconds, the first one at once. */
    private static void burst(DevCluster cluster, KubernetesClusterGateway gateway, PlatformSettings platform, int labs)
            throws Exception {
        MemoryBooks books = new MemoryBooks("burst", 0);
        Instant requested = Instant.now();
        books.request(labs, 250, 512, requested);
        Map<Long, Instant> created = new ConcurrentHashMap<>();
        ClusterGateway timed = new Timing(gateway, created);
        SchedulerPass pass = new SchedulerPass(books, timed, new AdmissionPolicy(), () -> "bench-token", DevClusterBench.LANES);
        int passes = 0;
        while (created.size() < labs && passes < 50) {
            Instant started = Instant.now();
            pass.run(PassLease.sole(), platform, PATIENCE, started);
            passes++;
            if (created.size() < labs) {
                Thread.sleep(Math.max(0, DevClusterBench.PASS_INTERVAL.minus(Duration.between(started, Instant.now())).toMillis()));
            }
        }
        List<Long> millis = new ArrayList<>();
        created.values().forEach(at -> millis.add(Duration.between(requested, at).toMillis()));
        Collections.sort(millis);
        System.out.printf("burst of %d labs: all pods created after %.2f s in %d passes; request to pod created p50 %.2f s, p95 %.2f s%n",
                labs, millis.get(millis.size() - 1) / 1000.0, passes, percentile(millis, 50) / 1000.0,
                percentile(millis, 95) / 1000.0);
        books.stopAll();
        pass.run(PassLease.sole(), platform, PATIENCE, Instant.now());
    }

    /** The labs run; passes that change nothing are counted in API requests and answer bytes, for each gateway. */
    private static void quietPass(DevCluster cluster, Map<String, KubernetesClusterGateway> gateways, PlatformSettings platform,
                                  int labs) throws Exception {
        MemoryBooks books = new MemoryBooks("quiet" + labs, labs);
        // small labs, so that 1,000 fit the simulated nodes' CPU
        books.request(labs, 50, 64, Instant.now());
        KubernetesClusterGateway first = gateways.values().iterator().next();
        SchedulerPass pass = new SchedulerPass(books, first, new AdmissionPolicy(), () -> "bench-token", DevClusterBench.LANES);
        for (int i = 0; i < 90 && books.count(LabState.RUNNING) < labs; i++) {
            pass.run(PassLease.sole(), platform, PATIENCE, Instant.now());
            Thread.sleep(1000);
        }
        for (Map.Entry<String, KubernetesClusterGateway> gateway : new java.util.TreeMap<>(gateways).entrySet()) {
            SchedulerPass quietPass = new SchedulerPass(books, gateway.getValue(), new AdmissionPolicy(), () -> "bench-token",
                    DevClusterBench.LANES);
            // the informers' first list and catching up are not a quiet pass's
            for (int i = 0; i < 3; i++) {
                quietPass.run(PassLease.sole(), platform, PATIENCE, Instant.now());
                Thread.sleep(500);
            }
            long requests = cluster.requestsFromOutside();
            long bytes = cluster.bytesToOutside();
            int quiet = 5;
            for (int i = 0; i < quiet; i++) {
                quietPass.run(PassLease.sole(), platform, PATIENCE, Instant.now());
                Thread.sleep(1000);
            }
            System.out.printf("quiet pass with %d running labs, %s: %.1f Kubernetes API requests, %.1f KB answered per pass%n",
                    books.count(LabState.RUNNING), gateway.getKey(), (cluster.requestsFromOutside() - requests) / (double) quiet,
                    (cluster.bytesToOutside() - bytes) / 1024.0 / quiet);
        }
        books.stopAll();
        for (int i = 0; i < 3; i++) {
            pass.run(PassLease.sole(), platform, PATIENCE, Instant.now());
        }
    }

    private static double percentile(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    /** The gateway, noting when each lab's pod was created. */
    private record Timing(ClusterGateway gateway, Map<Long, Instant> created) implements ClusterGateway {

        @Override
        public List<ClusterNode> listNodes() throws ClusterUnavailableException {
            return gateway.listNodes();
        }

        @Override
        public ClusterSnapshot snapshot() throws ClusterUnavailableException {
            return gateway.snapshot();
        }

        @Override
        public void applySchool(SchoolPolicy school) throws ClusterUnavailableException {
            gateway.applySchool(school);
        }

        @Override
        public void provision(LabBlueprint lab, String token) throws ClusterUnavailableException, LabRefusedException {
            gateway.provision(lab, token);
            created.putIfAbsent(lab.labId(), Instant.now());
        }

        @Override
        public Optional<LabAccess> access(String namespace, String name) throws ClusterUnavailableException {
            return gateway.access(namespace, name);
        }

        @Override
        public void remove(String namespace, String name) throws ClusterUnavailableException {
            gateway.remove(namespace, name);
        }

        @Override
        public void removeWorkspace(String namespace, String claim) throws ClusterUnavailableException {
            gateway.removeWorkspace(namespace, claim);
        }
    }
}

package io.campuslab.bench;

import io.campuslab.core.cluster.kubernetes.KubernetesClusterGateway;
import io.campuslab.core.lab.LabPlanner;
import io.campuslab.core.lab.PassLease;
import io.campuslab.core.lab.SchedulerPass;
import io.campuslab.core.lab.admission.AdmissionPolicy;
import io.campuslab.devcluster.DevCluster;
import io.campuslab.domain.lab.LabState;
import io.campuslab.domain.platform.PlatformSettings;
import java.time.Duration;
import java.time.Instant;

/**
 * A class session of 300 students prepared against the dev-cluster, through the real Kubernetes
 * client and the scheduler's passes (every five seconds, the first at the preparation time), with
 * the books in memory: how long from the preparation until every student's lab runs (its pod ready
 * and seen so by a pass). The dev-cluster's pods become ready two seconds after they are created.
 * Run with {@code ./mvnw -q -pl bench exec:exec -Dbench.main=io.campuslab.bench.SessionPrewarm -Dbench.args=}.
 */
public final class SessionPrewarm {

    private static final LabPlanner.Patience PATIENCE = new LabPlanner.Patience(Duration.ofMinutes(5), Duration.ofMinutes(5));

    private static final int STUDENTS = 300;

    private SessionPrewarm() {
    }

    public static void main(String[] args) throws Exception {
        PlatformSettings platform = DevClusterBench.PLATFORM;
        try (DevCluster cluster = DevClusterBench.start()) {
            System.out.println("against the " + cluster.describe());
            // as the server runs it: snapshots from informers
            KubernetesClusterGateway gateway = DevClusterBench.watchingGateway(cluster);
            MemoryBooks books = new MemoryBooks("session", 0);
            Instant prepared = Instant.now();
            books.session(1, STUDENTS, 500, 512, prepared);
            SchedulerPass pass = new SchedulerPass(books, gateway, new AdmissionPolicy(), () -> "bench-token", DevClusterBench.LANES);
            int passes = 0;
            Duration allProvisioning = null;
            while (books.count(LabState.RUNNING) < STUDENTS && passes < 60) {
                Instant started = Instant.now();
                pass.run(PassLease.sole(), platform, PATIENCE, started);
                passes++;
                System.out.printf("  pass %d at %.1f s: %d queued, %d starting, %d running%n", passes,
                        Duration.between(prepared, Instant.now()).toMillis() / 1000.0, books.count(LabState.QUEUED),
                        books.count(LabState.PROVISIONING), books.count(LabState.RUNNING));
                if (allProvisioning == null && books.count(LabState.QUEUED) == 0) {
                    allProvisioning = Duration.between(prepared, Instant.now());
                }
                if (books.count(LabState.RUNNING) < STUDENTS) {
                    Thread.sleep(Math.max(0, DevClusterBench.PASS_INTERVAL.minus(Duration.between(started, Instant.now())).toMillis()));
                }
            }
            Duration all = Duration.between(prepared, Instant.now());
            System.out.printf("session of %d students: every lab admitted and provisioned after %.2f s; "
                            + "all %d running after %.2f s in %d passes%n", STUDENTS,
                    allProvisioning == null ? -1 : allProvisioning.toMillis() / 1000.0, books.count(LabState.RUNNING),
                    all.toMillis() / 1000.0, passes);
            books.stopAll();
            for (int i = 0; i < 3; i++) {
                pass.run(PassLease.sole(), platform, PATIENCE, Instant.now());
            }
        }
        System.exit(0);
    }
}

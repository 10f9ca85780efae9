package io.campuslab.core.cluster.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.campuslab.core.cluster.ClusterSnapshot;
import io.campuslab.core.cluster.ClusterUnavailableException;
import io.campuslab.core.cluster.ObservedPod;
import io.campuslab.devcluster.DevCluster;
import io.campuslab.devcluster.DevClusterExtension;
import io.campuslab.devcluster.Fault;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Snapshots from informers: after the first lists, a quiet pass asks the API server nothing, a new
 * lab pod shows in the next snapshot through the watch, and a broken watch makes the snapshot list
 * again, so that an API server out of reach is reported as such rather than hidden by a stale cache.
 */
@ExtendWith(DevClusterExtension.class)
class ClusterWatchTest {

    private ExecutorService threads;
    private KubernetesClusterGateway gateway;

    @BeforeEach
    void start(DevCluster cluster) throws Exception {
        threads = Executors.newCachedThreadPool();
        gateway = new KubernetesClusterGateway(ApiClients.create(Optional.of(cluster.kubeconfig().toString()),
                Duration.ofSeconds(3)), threads);
    }

    @AfterEach
    void stop(DevCluster cluster) {
        cluster.faults().clear();
        gateway.stopWatching();
        threads.shutdownNow();
    }

    @Test
    void aQuietSnapshotAsksTheApiServerNothingAndANewLabPodComesThroughTheWatch(DevCluster cluster) throws Exception {
        awaitQuiet(cluster);
        long before = cluster.requestsFromOutside();
        for (int pass = 0; pass < 20; pass++) {
            assertThat(gateway.snapshot().nodes()).hasSize(4);
        }
        assertThat(cluster.requestsFromOutside()).as("calls of 20 quiet snapshots").isEqualTo(before);

        try (var admin = cluster.client()) {
            admin.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("watch-school").endMetadata().build())
                    .createOr(existing -> existing.patch());
            admin.pods().inNamespace("watch-school").resource(new PodBuilder().withNewMetadata().withName("lab-4711")
                    .addToLabels(LabObjects.MANAGED_BY, LabObjects.CAMPUSLAB).addToLabels(LabObjects.LAB, "4711").endMetadata()
                    .withNewSpec().addNewContainer().withName("lab").withImage("quay.io/jupyter/base-notebook:2026-11-01")
                    .withNewResources().addToRequests("cpu", new Quantity("100m")).addToLimits("cpu", new Quantity("100m"))
                    .addToRequests("memory", new Quantity("128Mi")).addToLimits("memory", new Quantity("128Mi")).endResources()
                    .endContainer().endSpec().build()).create();
        }
        ClusterSnapshot seen = await(() -> gateway.snapshot(), s -> s.labPods().stream().anyMatch(p -> p.labId() == 4711));
        assertThat(seen.labPods()).filteredOn(p -> p.labId() == 4711).extracting(ObservedPod::namespace).containsExactly("watch-school");
        assertThat(cluster.requestsFromOutside()).as("the new pod came through the watch").isEqualTo(before);

        ObservedPod running = await(() -> gateway.snapshot(), s -> s.labPods().stream().anyMatch(p -> p.labId() == 4711 && p.ready()))
                .labPods().stream().filter(p -> p.labId() == 4711).findFirst().orElseThrow();
        assertThat(running.phase()).isEqualTo("Running");
        assertThat(running.startedAtOrNull()).as("when its container started, for the patience of its server").isNotNull();
    }

    @Test
    void aBrokenWatchMakesTheSnapshotListSoThatAnUnreachableApiIsSaidSo(DevCluster cluster) throws Exception {
        awaitQuiet(cluster);
        cluster.faults().inject(Fault.down());
        String said = await(() -> {
            try {
                gateway.snapshot();
                return "from the cache";
            } catch (ClusterUnavailableException e) {
                return e.messageKey();
            }
        }, "error.cluster.unreachable"::equals);
        assertThat(said).isEqualTo("error.cluster.unreachable");

        cluster.faults().clear();
        awaitQuiet(cluster);
        assertThat(gateway.snapshot().nodes()).hasSize(4);
    }

    /** Until snapshots come from the caches: two in a row that asked nothing. */
    private void awaitQuiet(DevCluster cluster) throws Exception {
        await(() -> {
            try {
                long before = cluster.requestsFromOutside();
                gateway.snapshot();
                return cluster.requestsFromOutside() == before;
            } catch (ClusterUnavailableException e) {
                return false;
            }
        }, quiet -> quiet);
    }

    private final java.util.function.Supplier<String> state = () -> gateway.watchState();

    private <T> T await(Callable<T> look, java.util.function.Predicate<T> until) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        T last = null;
        while (System.nanoTime() < deadline) {
            last = look.call();
            if (until.test(last)) {
                return last;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Not within 30 s; last seen: " + last + " (informers: " + state.get() + ")");
    }

    @FunctionalInterface
    private interface Callable<T> {
        T call() throws Exception;
    }
}

package io.campuslab.bench;

import io.campuslab.core.cluster.kubernetes.KubernetesClusterGateway;
import io.campuslab.core.lab.SchedulerPass;
import io.campuslab.devcluster.DevCluster;
import io.campuslab.domain.platform.PlatformSettings;
import io.kubernetes.client.util.ClientBuilder;
import io.kubernetes.client.util.KubeConfig;
import java.io.FileReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** What the scheduler benchmarks share: a dev-cluster whose pods are ready two seconds after creation, the gateway to it, the lanes. */
final class DevClusterBench {

    /** The pause between passes, as in the server by default. */
    static final Duration PASS_INTERVAL = Duration.ofSeconds(5);

    /** The provisioning lanes of a pass. */
    static final ExecutorService LANES = Executors.newFixedThreadPool(SchedulerPass.LANES);

    /** The platform's default settings. */
    static final PlatformSettings PLATFORM = PlatformSettings.of(Map.of(), Path.of("/srv/campuslab"));

    private DevClusterBench() {
    }

    static DevCluster start() throws IOException {
        return DevCluster.start(0, Files.createTempDirectory("bench").resolve("kubeconfig"), Duration.ofSeconds(2));
    }

    /** The official Kubernetes client's gateway to the cluster, from its kubeconfig, listing on every snapshot. */
    static KubernetesClusterGateway gateway(DevCluster cluster) throws IOException {
        try (FileReader reader = new FileReader(cluster.kubeconfig().toFile())) {
            return new KubernetesClusterGateway(ClientBuilder.kubeconfig(KubeConfig.loadKubeConfig(reader)).build());
        }
    }

    /** The gateway as the server runs it: snapshots from informers (list once, then watch). */
    static KubernetesClusterGateway watchingGateway(DevCluster cluster) throws IOException {
        try (FileReader reader = new FileReader(cluster.kubeconfig().toFile())) {
            return new KubernetesClusterGateway(ClientBuilder.kubeconfig(KubeConfig.loadKubeConfig(reader)).build(),
                    Executors.newCachedThreadPool(runnable -> {
                        Thread thread = new Thread(runnable, "bench-informer");
                        thread.setDaemon(true);
                        return thread;
                    }));
        }
    }
}

package io.campuslab.devcluster;

import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.concurrent.TimeUnit;

/**
 * A running simulated cluster: the API server on a loopback port, its nodes, and the kubeconfig
 * file that points kubectl and the portal at it.
 */
public final class DevCluster implements AutoCloseable {

    /** Held so that the level sticks: the mock server logs every request at INFO. */
    private static final java.util.logging.Logger MOCK_SERVER_LOG = java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");

    static {
        MOCK_SERVER_LOG.setLevel(java.util.logging.Level.WARNING);
    }

    private final KubernetesMockServer server;
    private final ApiFrontDoor frontDoor;
    private final Faults faults;
    private final SimulatorDispatcher dispatcher;
    private final Path kubeconfig;
    private final Thread requestDrain;

    private final Thread kubelet;

    private DevCluster(KubernetesMockServer server, SimulatorDispatcher dispatcher, ApiFrontDoor frontDoor, Faults faults,
                       Path kubeconfig, Duration podStartDelay) {
        this.server = server;
        this.dispatcher = dispatcher;
        this.frontDoor = frontDoor;
        this.faults = faults;
        this.kubeconfig = kubeconfig;
        this.kubelet = new Thread(new SimulatedKubelet(server.createClient(), podStartDelay, Clock.systemUTC()),
                "dev-cluster-kubelet");
        this.kubelet.setDaemon(true);
        this.kubelet.start();
        // The mock server keeps every request for inspection; a long-running simulator must let go of them.
        this.requestDrain = new Thread(this::drainRecordedRequests, "dev-cluster-request-drain");
        this.requestDrain.setDaemon(true);
        this.requestDrain.start();
    }

    /**
     * Starts a cluster on the given loopback port (0 picks a free one) and writes its kubeconfig.
     */
    public static DevCluster start(int port, Path kubeconfig) throws IOException {
        return start(port, kubeconfig, Duration.ofSeconds(2));
    }

    /**
     * Starts a cluster whose pods run the given time after they were created (image pull and
     * container start, simulated).
     */
    public static DevCluster start(int port, Path kubeconfig, Duration podStartDelay) throws IOException {
        Faults faults = new Faults();
        SimulatorDispatcher dispatcher = new SimulatorDispatcher(faults);
        KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                dispatcher, false);
        server.init(InetAddress.getLoopbackAddress(), 0);
        ApiFrontDoor frontDoor;
        try {
            frontDoor = ApiFrontDoor.open(port, server.getPort());
        } catch (IOException e) {
            server.destroy();
            throw e;
        }
        faults.attach(frontDoor);
        try (NamespacedKubernetesClient client = server.createClient()) {
            SimulatedNodes.standard().forEach(node -> client.nodes().resource(node).create());
        }
        DevCluster cluster = new DevCluster(server, dispatcher, frontDoor, faults, kubeconfig, podStartDelay);
        cluster.writeKubeconfig();
        return cluster;
    }

    /** The API server's base URL, for example {@code http://127.0.0.1:6443}. */
    public String url() {
        return "http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":" + port();
    }

    /** The port clients use; it refuses connections while the cluster plays {@link Fault.Kind#DOWN}. */
    public int port() {
        return frontDoor.port();
    }

    /** How many API requests clients from outside the simulator (the portal, kubectl) made so far. */
    public long requestsFromOutside() {
        return dispatcher.outsideRequests();
    }

    /**
     * Every kind of request (verb, group, resource) clients from outside made so far: what a role for
     * them must grant.
     */
    public java.util.Set<ApiAccess> accessesFromOutside() {
        return dispatcher.outsideAccesses();
    }

    /** The failures the cluster plays for clients from outside, switched on and off by tests. */
    public Faults faults() {
        return faults;
    }

    public Path kubeconfig() {
        return kubeconfig;
    }

    /** A fabric8 client for tests that arrange or inspect the cluster's state directly. */
    public NamespacedKubernetesClient client() {
        return server.createClient();
    }

    @Override
    public void close() {
        kubelet.interrupt();
        requestDrain.interrupt();
        frontDoor.close();
        server.destroy();
    }

    private void writeKubeconfig() throws IOException {
        String yaml = """
                apiVersion: v1
                kind: Config
                clusters:
                - name: campuslab-dev
                  cluster:
                    server: %s
                users:
                - name: campuslab-portal
                  user:
                    token: dev-cluster-accepts-any-token
                contexts:
                - name: campuslab-dev
                  context:
                    cluster: campuslab-dev
                    user: campuslab-portal
                current-context: campuslab-dev
                """.formatted(url());
        Files.createDirectories(kubeconfig.toAbsolutePath().getParent());
        Path temporary = Files.createTempFile(kubeconfig.toAbsolutePath().getParent(), "kubeconfig", ".tmp");
        Files.writeString(temporary, yaml, StandardCharsets.UTF_8);
        Files.move(temporary, kubeconfig, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private void drainRecordedRequests() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                server.takeRequest(1, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

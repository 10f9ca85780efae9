package io.campuslab.devcluster;

import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A running simulated cluster: the API server on a loopback port, its nodes, and the kubeconfig
 * file that points kubectl and the portal at it.
 */
public final class DevCluster implements AutoCloseable {

    /** Held so that the level sticks: the mock server logs every request at INFO. */
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(DevCluster.class.getName());
    private static final java.util.logging.Logger MOCK_SERVER_LOG = java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");

    /** The proxy's and the lab pages' server announce their versions at INFO: held, so that the level sticks. */
    private static final java.util.List<java.util.logging.Logger> QUIET_LOGS = java.util.List.of(
            java.util.logging.Logger.getLogger("org.xnio"), java.util.logging.Logger.getLogger("io.undertow"),
            java.util.logging.Logger.getLogger("org.jboss.threads"));

    static {
        MOCK_SERVER_LOG.setLevel(java.util.logging.Level.WARNING);
        QUIET_LOGS.forEach(log -> log.setLevel(java.util.logging.Level.WARNING));
    }

    /** The simulated API (the fallback where no control plane was built), or null. */
    private final KubernetesMockServer server;
    private final SimulatorDispatcher dispatcher;
    private final Thread requestDrain;
    private final Thread kubelet;
    /** The real control plane, its proxy for outside clients and its simulated nodes, or null. */
    private final ControlPlane controlPlane;
    private final ApiProxy proxy;
    private final NodeAgents nodes;
    private final ApiFrontDoor frontDoor;
    private final Faults faults;
    private final Path kubeconfig;

    private DevCluster(KubernetesMockServer server, SimulatorDispatcher dispatcher, ApiFrontDoor frontDoor, Faults faults,
                       Path kubeconfig, Duration podStartDelay) {
        this.server = server;
        this.dispatcher = dispatcher;
        this.frontDoor = frontDoor;
        this.faults = faults;
        this.kubeconfig = kubeconfig;
        this.controlPlane = null;
        this.proxy = null;
        this.nodes = null;
        this.kubelet = new Thread(new SimulatedKubelet(server.createClient(), podStartDelay, Clock.systemUTC()),
                "dev-cluster-kubelet");
        this.kubelet.setDaemon(true);
        this.kubelet.start();
        // The mock server keeps every request for inspection; a long-running simulator must let go of them.
        this.requestDrain = new Thread(this::drainRecordedRequests, "dev-cluster-request-drain");
        this.requestDrain.setDaemon(true);
        this.requestDrain.start();
    }

    private DevCluster(ControlPlane controlPlane, ApiProxy proxy, NodeAgents nodes, ApiFrontDoor frontDoor, Faults faults,
                       Path kubeconfig) {
        this.server = null;
        this.dispatcher = null;
        this.kubelet = null;
        this.requestDrain = null;
        this.controlPlane = controlPlane;
        this.proxy = proxy;
        this.nodes = nodes;
        this.frontDoor = frontDoor;
        this.faults = faults;
        this.kubeconfig = kubeconfig;
    }

    /**
     * Starts a cluster on the given loopback port (0 picks a free one) and writes its kubeconfig.
     */
    public static DevCluster start(int port, Path kubeconfig) throws IOException {
        return start(port, kubeconfig, Duration.ofSeconds(2));
    }

    /**
     * Starts a cluster whose pods run the given time after they were created (image pull and
     * container start, simulated): on a real control plane where one was built (its state thrown
     * away with the kubeconfig's folder), else on the simulated API, and says which.
     */
    public static DevCluster start(int port, Path kubeconfig, Duration podStartDelay) throws IOException {
        Optional<Path> binaries = controlPlaneBinaries();
        if (binaries.isPresent()) {
            return startReal(binaries.get(), port, kubeconfig, podStartDelay,
                    Files.createTempDirectory(kubeconfig.toAbsolutePath().getParent(), "control-plane"), false);
        }
        LOG.warning("No Kubernetes control plane was built (dev-cluster/control-plane/build.sh needs Go): "
                + "the dev-cluster serves its simulated API");
        return startSimulated(port, kubeconfig, podStartDelay);
    }

    /**
     * Starts a real control plane with its state in {@code home}, kept across restarts when
     * {@code durable}; the kubeconfig holds a token of the portal's ServiceAccount, with exactly the
     * rights the chart gives it ({@code deploy/helm/campuslab}).
     */
    public static DevCluster startReal(Path binaries, int port, Path kubeconfig, Duration podStartDelay, Path home,
                                       boolean durable) throws IOException {
        ControlPlane controlPlane = ControlPlane.start(binaries, home, durable);
        Faults faults = new Faults();
        ApiProxy proxy = null;
        ApiFrontDoor frontDoor = null;
        NodeAgents nodes = null;
        try {
            proxy = ApiProxy.open(controlPlane.url(), faults);
            frontDoor = ApiFrontDoor.open(port, proxy.port());
            faults.attach(frontDoor);
            KubernetesClient admin = adminClient(controlPlane);
            PortalAccount.apply(admin);
            nodes = new NodeAgents(admin, podStartDelay, Clock.systemUTC());
            nodes.start();
            DevCluster cluster = new DevCluster(controlPlane, proxy, nodes, frontDoor, faults, kubeconfig);
            cluster.writeKubeconfig(PortalAccount.token(admin, Duration.ofDays(7)));
            write(kubeconfig.resolveSibling("kubeconfig-admin"),
                    ControlPlane.kubeconfig(controlPlane.url(), controlPlane.certificateAuthority(), controlPlane.adminToken()));
            return cluster;
        } catch (IOException | RuntimeException e) {
            if (nodes != null) {
                nodes.close();
            }
            if (frontDoor != null) {
                frontDoor.close();
            }
            if (proxy != null) {
                proxy.close();
            }
            controlPlane.close();
            throw e;
        }
    }

    /** Starts the simulated API (fabric8's mock server with the simulator's kubelet), whatever is built. */
    public static DevCluster startSimulated(int port, Path kubeconfig, Duration podStartDelay) throws IOException {
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
        cluster.writeKubeconfig("dev-cluster-accepts-any-token");
        return cluster;
    }

    /**
     * Where the built control plane is, if it was built, its pods can have addresses here
     * ({@link PodNetwork}) and it was not declined ({@code -Dcampuslab.devCluster=simulated}).
     */
    public static Optional<Path> controlPlaneBinaries() {
        if ("simulated".equals(System.getProperty("campuslab.devCluster"))) {
            return Optional.empty();
        }
        return ControlPlane.binaries().filter(binaries -> PodNetwork.problem().isEmpty());
    }

    /** The provisioner of the simulated volumes: a StorageClass naming it gets its claims bound on a real control plane. */
    public static final String SIMULATED_PROVISIONER = NodeAgents.PROVISIONER;

    /**
     * Makes a StorageClass of the simulated provisioner, as a cluster's operator makes the classes the
     * platform settings name: on the real control plane its claims are then bound.
     */
    public void offerStorageClass(String name) {
        try (KubernetesClient admin = client()) {
            admin.storage().v1().storageClasses().resource(new io.fabric8.kubernetes.api.model.storage.StorageClassBuilder()
                    .withNewMetadata().withName(name).endMetadata().withProvisioner(SIMULATED_PROVISIONER)
                    .withVolumeBindingMode("Immediate").build()).createOr(existing -> existing.patch());
        }
    }

    /** True when a real Kubernetes API server runs behind the port, false on the simulated API. */
    public boolean real() {
        return controlPlane != null;
    }

    /** The real control plane behind the port; empty on the simulated API. */
    public Optional<ControlPlane> controlPlane() {
        return Optional.ofNullable(controlPlane);
    }

    /** What runs behind the port, for banners and logs. */
    public String describe() {
        return real() ? "Kubernetes " + ControlPlane.RELEASE + " API server (etcd, controller manager, scheduler; simulated nodes)"
                : "simulated Kubernetes API (no control plane built)";
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
        return real() ? proxy.requests() : dispatcher.outsideRequests();
    }

    /** The bytes of the answers to clients from outside so far (on the real control plane; 0 on the simulated API). */
    public long bytesToOutside() {
        return real() ? proxy.bytes() : 0;
    }

    /**
     * Every kind of request (verb, group, resource) clients from outside made so far: what a role for
     * them must grant.
     */
    public java.util.Set<ApiAccess> accessesFromOutside() {
        return real() ? proxy.accesses() : dispatcher.outsideAccesses();
    }

    /** The failures the cluster plays for clients from outside, switched on and off by tests. */
    public Faults faults() {
        return faults;
    }

    public Path kubeconfig() {
        return kubeconfig;
    }

    /** A fabric8 client for tests that arrange or inspect the cluster's state directly. */
    public KubernetesClient client() {
        return real() ? adminClient(controlPlane) : server.createClient();
    }

    @Override
    public void close() {
        frontDoor.close();
        if (real()) {
            nodes.close();
            proxy.close();
            controlPlane.close();
        } else {
            kubelet.interrupt();
            requestDrain.interrupt();
            server.destroy();
        }
    }

    private static KubernetesClient adminClient(ControlPlane controlPlane) {
        return new KubernetesClientBuilder().withConfig(new ConfigBuilder().withMasterUrl(controlPlane.url())
                .withOauthToken(controlPlane.adminToken()).withTrustCerts(true).withUserAgent("campuslab-dev-cluster")
                .withRequestTimeout(30_000).withConnectionTimeout(5_000).build()).build();
    }

    private void writeKubeconfig(String token) throws IOException {
        write(kubeconfig, ControlPlane.kubeconfig(url(), null, token));
    }

    private static void write(Path file, String content) throws IOException {
        ControlPlane.write(file, content);
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

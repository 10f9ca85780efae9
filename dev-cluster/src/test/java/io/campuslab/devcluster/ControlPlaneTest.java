package io.campuslab.devcluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuotaBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dev-cluster on a real control plane: the real API server's authorization and admission, the
 * real scheduler and controllers, and the simulated nodes as its clients. Without a built control
 * plane this class is skipped where no Go toolchain could build one, and fails where one could.
 */
class ControlPlaneTest {

    private static DevCluster cluster;
    private static KubernetesClient admin;
    private static KubernetesClient portal;

    @BeforeAll
    static void start(@TempDir Path folder) throws IOException {
        if (ControlPlane.binaries().isEmpty()) {
            if (ControlPlane.buildable()) {
                throw new AssertionError("A Go toolchain is here but the control plane was not built (dev-cluster/control-plane/build.sh)");
            }
            Assumptions.abort("No control plane built and no Go toolchain to build one");
        }
        Assumptions.assumeTrue(PodNetwork.problem().isEmpty(), () -> "No pod network here: " + PodNetwork.problem().orElse(""));
        cluster = DevCluster.startReal(ControlPlane.binaries().orElseThrow(), 0, folder.resolve("kubeconfig"),
                Duration.ofMillis(300), folder.resolve("cluster"), false);
        admin = cluster.client();
        Config config = Config.fromKubeconfig(Files.readString(cluster.kubeconfig()));
        config.setRequestRetryBackoffLimit(0);
        portal = new KubernetesClientBuilder().withConfig(config).build();
    }

    @AfterAll
    static void stop() {
        if (portal != null) {
            portal.close();
            admin.close();
            cluster.close();
        }
    }

    @Test
    void theNodesAreReadyWithTheirGpusAndTheClusterSaysItIsReal() {
        assertThat(cluster.real()).isTrue();
        assertThat(cluster.describe()).contains(ControlPlane.RELEASE);
        assertThat(portal.nodes().list().getItems()).hasSize(4).allSatisfy(node -> assertThat(node.getStatus().getConditions())
                .anySatisfy(c -> assertThat(c.getType() + "=" + c.getStatus()).isEqualTo("Ready=True")));
        assertThat(admin.nodes().withName("gpu-node-1").get().getStatus().getAllocatable()).containsEntry("nvidia.com/gpu", new Quantity("4"));
    }

    @Test
    void theRealSchedulerPlacesAGpuPodOnAGpuNodeAndItsKubeletStartsItOnAnAddressOfThePodNetwork() {
        String ns = school("gpu-school");
        portal.pods().inNamespace(ns).resource(labPod("gpu-lab", Map.of("nvidia.com/gpu", "1"))).create();

        // the portal's role lists pods cluster-wide and never reads one by name: the administrator looks
        Pod running = await(() -> admin.pods().inNamespace(ns).withName("gpu-lab").get(),
                pod -> pod != null && "Running".equals(pod.getStatus().getPhase()));

        assertThat(running.getSpec().getNodeName()).startsWith("gpu-node-");
        assertThat(running.getStatus().getPodIP()).matches("198\\.1[89]\\.\\d+\\.\\d+");
        assertThat(running.getStatus().getStartTime()).isNotBlank();
        assertThat(running.getStatus().getContainerStatuses()).singleElement()
                .satisfies(c -> assertThat(c.getState().getRunning().getStartedAt()).isNotBlank());
    }

    @Test
    void aLabsPageIsFoundThroughTheEndpointSliceTheControllerWritesAndAsksForItsToken() throws Exception {
        String ns = school("page-school");
        portal.secrets().inNamespace(ns).resource(new SecretBuilder().withNewMetadata().withName("lab").endMetadata()
                .addToStringData("token", "the-lab-token").build()).create();
        portal.services().inNamespace(ns).resource(new ServiceBuilder().withNewMetadata().withName("lab")
                .addToLabels("app.kubernetes.io/managed-by", "campuslab").addToLabels("app.kubernetes.io/name", "jupyterlab")
                .endMetadata().withNewSpec().addToSelector("lab", "lab").addNewPort().withName("http").withPort(80)
                .withTargetPort(new IntOrString("http")).endPort().endSpec().build()).create();
        Pod pod = labPod("lab", Map.of());
        pod.getMetadata().setLabels(Map.of("lab", "lab"));
        portal.pods().inNamespace(ns).resource(pod).create();
        await(() -> admin.pods().inNamespace(ns).withName("lab").get(), p -> "Running".equals(p.getStatus().getPhase()));

        EndpointSlice slice = await(() -> portal.discovery().v1().endpointSlices().inNamespace(ns)
                        .withLabel("kubernetes.io/service-name", "lab").list().getItems().stream().findFirst().orElse(null),
                s -> s != null && s.getEndpoints() != null && !s.getEndpoints().isEmpty()
                        && Boolean.TRUE.equals(s.getEndpoints().get(0).getConditions().getReady()));
        String address = slice.getEndpoints().get(0).getAddresses().get(0);
        int port = slice.getPorts().get(0).getPort();
        assertThat(address).startsWith("198.18.");
        assertThat(port).isEqualTo(8888);

        HttpClient http = HttpClient.newHttpClient();
        URI page = URI.create("http://" + address + ":" + port + "/lab");
        HttpResponse<String> withToken = await(() -> send(http, HttpRequest.newBuilder(page)
                .header("Authorization", "token the-lab-token").build()), r -> r != null && r.statusCode() == 200);
        assertThat(withToken.body()).contains("jupyterlab");
        assertThat(send(http, HttpRequest.newBuilder(page).build()).statusCode()).isEqualTo(403);
    }

    @Test
    void aPodWithAReadinessProbeIsReadyOnlyWhileItsPortTakesConnections() throws Exception {
        String ns = school("probe-school");
        // nothing listens for this pod: no lab's service selects it
        portal.pods().inNamespace(ns).resource(probed(labPod("silent", Map.of()))).create();
        await(() -> admin.pods().inNamespace(ns).withName("silent").get(), p -> p != null && "Running".equals(p.getStatus().getPhase()));
        Thread.sleep(3_000);
        Pod silent = admin.pods().inNamespace(ns).withName("silent").get();
        assertThat(isReady(silent)).as("three probe periods without an answer").isFalse();
        assertThat(silent.getStatus().getContainerStatuses()).singleElement().satisfies(c -> assertThat(c.getReady()).isFalse());

        portal.secrets().inNamespace(ns).resource(new SecretBuilder().withNewMetadata().withName("lab").endMetadata()
                .addToStringData("token", "the-lab-token").build()).create();
        portal.services().inNamespace(ns).resource(new ServiceBuilder().withNewMetadata().withName("lab")
                .addToLabels("app.kubernetes.io/managed-by", "campuslab").endMetadata().withNewSpec().addToSelector("lab", "lab")
                .addNewPort().withName("http").withPort(80).withTargetPort(new IntOrString("http")).endPort().endSpec().build()).create();
        Pod pod = probed(labPod("lab", Map.of()));
        pod.getMetadata().setLabels(Map.of("lab", "lab"));
        portal.pods().inNamespace(ns).resource(pod).create();
        Pod ready = await(() -> admin.pods().inNamespace(ns).withName("lab").get(), p -> p != null && isReady(p));

        // the moment it is Ready, its port answers: a gateway sending a visitor there finds the lab
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(ready.getStatus().getPodIP(), 8888), 1_000);
        }
        assertThat(isReady(admin.pods().inNamespace(ns).withName("silent").get())).isFalse();
    }

    @Test
    void thePortalsAccountIsRefusedWhatItsRolesDoNotGrant() {
        assertThatThrownBy(() -> portal.secrets().inAnyNamespace().list())
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(403));
        assertThatThrownBy(() -> portal.pods().inNamespace("kube-system").resource(labPod("intruder", Map.of())).create())
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(403));
        // a namespace the portal did not bind its school role in: nothing may be created there
        admin.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("someone-else").endMetadata().build()).create();
        assertThatThrownBy(() -> portal.pods().inNamespace("someone-else").resource(labPod("intruder", Map.of())).create())
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(403));
        // nor may it bind any other role than the school's
        String ns = school("bind-school");
        assertThatThrownBy(() -> portal.rbac().roleBindings().inNamespace(ns).resource(new RoleBindingBuilder()
                .withNewMetadata().withName("admin").endMetadata().withNewRoleRef().withApiGroup("rbac.authorization.k8s.io")
                .withKind("ClusterRole").withName("cluster-admin").endRoleRef().addNewSubject().withKind("ServiceAccount")
                .withName("default").withNamespace(ns).endSubject().build()).create())
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(403));
    }

    @Test
    void podSecurityAdmissionRefusesAPrivilegedPodInARestrictedSchoolNamespace() {
        String ns = school("psa-school");
        Pod escalating = labPod("root-lab", Map.of());
        escalating.getSpec().getContainers().get(0).getSecurityContext().setAllowPrivilegeEscalation(true);
        escalating.getSpec().getContainers().get(0).getSecurityContext().getCapabilities().setAdd(java.util.List.of("NET_RAW"));

        assertThatThrownBy(() -> portal.pods().inNamespace(ns).resource(escalating).create())
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(403);
                    assertThat(e.getMessage()).contains("violates PodSecurity \"restricted:latest\"");
                });
    }

    @Test
    void theApiServerRefusesAPrivilegedContainerAnywhere() {
        String ns = school("privileged-school");
        Pod privileged = labPod("privileged-lab", Map.of());
        privileged.getSpec().getContainers().get(0).getSecurityContext().setPrivileged(true);

        assertThatThrownBy(() -> admin.pods().inNamespace(ns).resource(privileged).create())
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(422);
                    assertThat(e.getMessage()).contains("disallowed by cluster policy");
                });
    }

    @Test
    void theQuotaControllerCountsWhatALabUsesAndTheQuotaRefusesMore() {
        String ns = school("quota-school");
        portal.resourceQuotas().inNamespace(ns).resource(new ResourceQuotaBuilder().withNewMetadata().withName("campuslab")
                .endMetadata().withNewSpec().addToHard("requests.cpu", new Quantity("1")).addToHard("limits.cpu", new Quantity("2"))
                .addToHard("requests.memory", new Quantity("2Gi")).addToHard("limits.memory", new Quantity("4Gi"))
                .endSpec().build()).create();
        await(() -> admin.resourceQuotas().inNamespace(ns).withName("campuslab").get(),
                q -> q.getStatus() != null && q.getStatus().getHard() != null && !q.getStatus().getHard().isEmpty());
        portal.pods().inNamespace(ns).resource(labPod("first", Map.of())).create();

        await(() -> admin.resourceQuotas().inNamespace(ns).withName("campuslab").get(),
                q -> new Quantity("500m").equals(q.getStatus().getUsed().get("requests.cpu")));
        portal.pods().inNamespace(ns).resource(labPod("second", Map.of())).create();
        assertThatThrownBy(() -> portal.pods().inNamespace(ns).resource(labPod("third", Map.of())).create())
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(403);
                    assertThat(e.getMessage()).contains("exceeded quota");
                });
    }

    @Test
    void aDeletedPodIsGoneOnceItsKubeletConfirmsAndItsAddressIsFree() {
        String ns = school("delete-school");
        portal.pods().inNamespace(ns).resource(labPod("short", Map.of())).create();
        await(() -> admin.pods().inNamespace(ns).withName("short").get(), p -> "Running".equals(p.getStatus().getPhase()));

        portal.pods().inNamespace(ns).withName("short").delete();

        await(() -> admin.pods().inNamespace(ns).withName("short").get() == null ? "gone" : null, "gone"::equals);
    }

    @Test
    void theFaultsTestsSwitchOnAreWhatTheClientsFromOutsideSee() {
        long before = cluster.requestsFromOutside();
        portal.nodes().list();
        assertThat(cluster.requestsFromOutside()).isEqualTo(before + 1);
        assertThat(cluster.bytesToOutside()).isPositive();
        try {
            cluster.faults().inject(Fault.serverError().on("GET", "nodes"));
            assertThatThrownBy(() -> portal.nodes().list())
                    .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(500));
            cluster.faults().inject(Fault.down());
            assertThatThrownBy(() -> portal.nodes().list()).isInstanceOf(KubernetesClientException.class);
            // the simulator's nodes keep talking to the API server meanwhile
            assertThat(admin.nodes().list().getItems()).hasSize(4);
        } finally {
            cluster.faults().clear();
        }
        assertThat(portal.nodes().list().getItems()).hasSize(4);
    }

    @Test
    void aRestartedControlPlaneHasEverythingItHad(@TempDir Path folder) throws IOException {
        Path home = folder.resolve("cluster");
        try (DevCluster first = DevCluster.startReal(ControlPlane.binaries().orElseThrow(), 0, folder.resolve("kubeconfig"),
                Duration.ofMillis(300), home, true); KubernetesClient client = first.client()) {
            client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("kept").endMetadata().build()).create();
        }
        try (DevCluster again = DevCluster.startReal(ControlPlane.binaries().orElseThrow(), 0, folder.resolve("kubeconfig"),
                Duration.ofMillis(300), home, true); KubernetesClient client = again.client()) {
            assertThat(client.namespaces().withName("kept").get()).isNotNull();
            assertThat(client.nodes().list().getItems()).hasSize(4);
        }
        // a start whose JVM died without stopping its processes: the next start stops them and goes on
        ControlPlane orphaned = ControlPlane.start(ControlPlane.binaries().orElseThrow(), home, true);
        orphaned.abandon();
        try (DevCluster afterCrash = DevCluster.startReal(ControlPlane.binaries().orElseThrow(), 0, folder.resolve("kubeconfig"),
                Duration.ofMillis(300), home, true); KubernetesClient client = afterCrash.client()) {
            assertThat(client.namespaces().withName("kept").get()).isNotNull();
        } finally {
            orphaned.close();
        }
    }

    /** A namespace as the portal makes a school's: Pod Security labels, and the school role bound to the portal. */
    @Test
    void aKilledApiServerAndAKilledEtcdAreStartedAgainAndTheClusterKeepsWhatItHad(@TempDir Path folder) throws Exception {
        try (DevCluster own = DevCluster.startReal(ControlPlane.binaries().orElseThrow(), 0, folder.resolve("kubeconfig"),
                Duration.ofMillis(300), folder.resolve("cluster"), false); KubernetesClient client = own.client()) {
            ControlPlane plane = own.controlPlane().orElseThrow();
            client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("kept").endMetadata().build()).create();
            for (String component : java.util.List.of("kube-apiserver", "etcd", "kube-scheduler")) {
                long before = plane.pid(component);
                ProcessHandle.of(before).orElseThrow().destroyForcibly();
                await(() -> plane.restarts().get(component), restarts -> restarts == 1);
                assertThat(plane.pid(component)).as(component + " runs as a new process").isNotEqualTo(before);
            }
            assertThat(await(() -> {
                try {
                    return client.namespaces().withName("kept").get();
                } catch (io.fabric8.kubernetes.client.KubernetesClientException notYet) {
                    return null;
                }
            }, java.util.Objects::nonNull)).isNotNull();
            // the scheduler started again places a new pod, and the nodes' kubelets start it
            String namespace = "after-kill";
            client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build()).create();
            await(() -> {
                try {
                    // the service account controller makes the namespace's default account first
                    return client.pods().inNamespace(namespace).resource(labPod("after-kill", Map.of())).create();
                } catch (io.fabric8.kubernetes.client.KubernetesClientException notYet) {
                    return null;
                }
            }, java.util.Objects::nonNull);
            assertThat(await(() -> client.pods().inNamespace(namespace).withName("after-kill").get(),
                    pod -> pod != null && "Running".equals(pod.getStatus().getPhase()))).isNotNull();
        }
    }

    private static String school(String name) {
        admin.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name)
                .addToLabels("pod-security.kubernetes.io/enforce", "restricted")
                .addToLabels("app.kubernetes.io/managed-by", "campuslab").endMetadata().build()).create();
        admin.rbac().roleBindings().inNamespace(name).resource(new RoleBindingBuilder().withNewMetadata()
                .withName("campuslab-portal").endMetadata().withNewRoleRef().withApiGroup("rbac.authorization.k8s.io")
                .withKind("ClusterRole").withName("campuslab-school").endRoleRef().addNewSubject().withKind("ServiceAccount")
                .withName(PortalAccount.NAME).withNamespace(PortalAccount.NAMESPACE).endSubject().build()).create();
        return name;
    }

    /** A pod the restricted Pod Security level admits, with requests and limits. */
    private static Pod labPod(String name, Map<String, String> extra) {
        PodBuilder pod = new PodBuilder().withNewMetadata().withName(name).endMetadata().withNewSpec()
                .withAutomountServiceAccountToken(false)
                .withNewSecurityContext().withRunAsNonRoot(true).withRunAsUser(1000L).withNewSeccompProfile()
                .withType("RuntimeDefault").endSeccompProfile().endSecurityContext()
                .addNewContainer().withName("lab").withImage("quay.io/jupyter/base-notebook:2026-11-01")
                .addNewPort().withName("http").withContainerPort(8888).endPort()
                .withNewSecurityContext().withAllowPrivilegeEscalation(false).withNewCapabilities().addToDrop("ALL")
                .endCapabilities().endSecurityContext()
                .withNewResources().addToRequests("cpu", new Quantity("500m")).addToRequests("memory", new Quantity("1Gi"))
                .addToLimits("cpu", new Quantity("1")).addToLimits("memory", new Quantity("2Gi"))
                .endResources().endContainer().endSpec();
        Pod built = pod.build();
        extra.forEach((resource, amount) -> {
            built.getSpec().getContainers().get(0).getResources().getRequests().put(resource, new Quantity(amount));
            built.getSpec().getContainers().get(0).getResources().getLimits().put(resource, new Quantity(amount));
        });
        return built;
    }

    /** The pod with a lab's readiness probe: its first port takes connections, probed every second. */
    private static Pod probed(Pod pod) {
        pod.getSpec().getContainers().get(0).setReadinessProbe(new ProbeBuilder().withNewTcpSocket()
                .withPort(new IntOrString("http")).endTcpSocket().withPeriodSeconds(1).build());
        return pod;
    }

    private static boolean isReady(Pod pod) {
        return pod.getStatus().getConditions().stream().anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static <T> T await(Supplier<T> look, java.util.function.Predicate<T> until) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        T last = null;
        while (System.nanoTime() < deadline) {
            last = look.get();
            if (until.test(last)) {
                return last;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("Not within 30 s; last seen: " + last);
    }
}

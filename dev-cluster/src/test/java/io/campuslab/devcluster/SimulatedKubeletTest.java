package io.campuslab.devcluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.apis.DiscoveryV1Api;
import io.kubernetes.client.openapi.models.V1EndpointSlice;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodCondition;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1ResourceRequirements;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServicePort;
import io.kubernetes.client.openapi.models.V1ServiceSpec;
import io.kubernetes.client.util.ClientBuilder;
import io.kubernetes.client.util.KubeConfig;
import java.io.FileReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Pods on the simulated cluster are placed and started as a scheduler and kubelet would, or told why not. */
@ExtendWith(DevClusterExtension.class)
class SimulatedKubeletTest {

    private static final String NAMESPACE = "cl-kubelet-test";
    private CoreV1Api api;

    @BeforeEach
    void namespace(DevCluster cluster) throws Exception {
        ApiClient client;
        try (FileReader reader = new FileReader(cluster.kubeconfig().toFile())) {
            client = ClientBuilder.kubeconfig(KubeConfig.loadKubeConfig(reader)).build();
        }
        api = new CoreV1Api(client);
        if (api.listNamespace().execute().getItems().stream().noneMatch(n -> NAMESPACE.equals(n.getMetadata().getName()))) {
            api.createNamespace(new V1Namespace().apiVersion("v1").kind("Namespace")
                    .metadata(new V1ObjectMeta().name(NAMESPACE))).execute();
        }
    }

    @Test
    void aGpuPodIsPlacedOnAGpuNodeAndRuns() throws Exception {
        create("gpu-lab", "quay.io/jupyter/pytorch-notebook:cuda12-python-3.12",
                Map.of("cpu", "2", "memory", "4Gi", "nvidia.com/gpu", "2"), Map.of("nvidia.com/gpu.product", "NVIDIA-A100-SXM4-40GB"));

        V1Pod running = waitFor("gpu-lab", pod -> pod.getStatus() != null && "Running".equals(pod.getStatus().getPhase()));

        assertThat(running.getSpec().getNodeName()).startsWith("gpu-node-");
        assertThat(running.getStatus().getConditions()).anySatisfy(c -> {
            assertThat(c.getType()).isEqualTo("Ready");
            assertThat(c.getStatus()).isEqualTo("True");
        });
        api.deleteNamespacedPod("gpu-lab", NAMESPACE).execute();
    }

    @Test
    void aPodNothingFitsStaysPendingAndSaysWhy() throws Exception {
        create("greedy-lab", "quay.io/jupyter/base-notebook:latest", Map.of("cpu", "1", "memory", "1Gi", "nvidia.com/gpu", "5"),
                Map.of());

        V1Pod pending = waitFor("greedy-lab", pod -> pod.getStatus() != null && pod.getStatus().getConditions() != null
                && pod.getStatus().getConditions().stream().anyMatch(c -> "Unschedulable".equals(c.getReason())));

        V1PodCondition condition = pending.getStatus().getConditions().get(0);
        assertThat(condition.getMessage()).isEqualTo(
                "0/4 nodes are available: 4 Insufficient nvidia.com/gpu.");
        assertThat(pending.getSpec().getNodeName()).isNull();
        api.deleteNamespacedPod("greedy-lab", NAMESPACE).execute();
    }

    @Test
    void anImageThatCannotBePulledNeverRuns() throws Exception {
        create("broken-lab", "registry.example/lab:fail-pull", Map.of("cpu", "1", "memory", "1Gi"), Map.of());

        V1Pod stuck = waitFor("broken-lab", pod -> pod.getStatus() != null && pod.getStatus().getContainerStatuses() != null
                && !pod.getStatus().getContainerStatuses().isEmpty());

        assertThat(stuck.getStatus().getPhase()).isEqualTo("Pending");
        assertThat(stuck.getStatus().getContainerStatuses().get(0).getState().getWaiting().getReason())
                .isEqualTo("ImagePullBackOff");
        api.deleteNamespacedPod("broken-lab", NAMESPACE).execute();
    }

    @Test
    void aRunningLabIsFoundThroughItsEndpointSliceAndAnswersOnlyWithItsTokenHttpAndWebSocket() throws Exception {
        create("page-lab", "quay.io/jupyter/base-notebook:latest", Map.of("cpu", "1", "memory", "1Gi"), Map.of());
        api.createNamespacedSecret(NAMESPACE, new V1Secret().apiVersion("v1").kind("Secret")
                .metadata(new V1ObjectMeta().name("page-lab")).stringData(Map.of("token", "s3cret"))).execute();
        api.createNamespacedService(NAMESPACE, new V1Service().apiVersion("v1").kind("Service")
                .metadata(new V1ObjectMeta().name("page-lab").putLabelsItem("app.kubernetes.io/name", "jupyterlab")
                        .putLabelsItem("app.kubernetes.io/managed-by", "campuslab")
                        .putAnnotationsItem("campuslab.io/username", "sam"))
                .spec(new V1ServiceSpec().type("ClusterIP").addPortsItem(new V1ServicePort().name("http").port(8888)))).execute();

        DiscoveryV1Api discovery = new DiscoveryV1Api(api.getApiClient());
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        List<V1EndpointSlice> slices = List.of();
        while (slices.isEmpty() && Instant.now().isBefore(deadline)) {
            slices = discovery.listNamespacedEndpointSlice(NAMESPACE).labelSelector("kubernetes.io/service-name=page-lab")
                    .execute().getItems();
            Thread.sleep(100);
        }
        assertThat(slices).as("the running lab's address").hasSize(1);
        String address = slices.get(0).getEndpoints().get(0).getAddresses().get(0);
        int port = slices.get(0).getPorts().get(0).getPort();
        assertThat(slices.get(0).getPorts().get(0).getName()).isEqualTo("http");

        HttpClient http = HttpClient.newHttpClient();
        URI page = URI.create("http://" + address + ":" + port + "/labs/somewhere/tree");
        HttpResponse<String> withToken = http.send(HttpRequest.newBuilder(page).header("Authorization", "token s3cret").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(withToken.statusCode()).isEqualTo(200);
        assertThat(withToken.body()).contains("jupyterlab", "sam", "/labs/somewhere/tree");
        assertThat(http.send(HttpRequest.newBuilder(page).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                .as("without the token").isEqualTo(403);
        assertThat(http.send(HttpRequest.newBuilder(page).header("Authorization", "token guess").build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);

        java.util.concurrent.CompletableFuture<String> echoed = new java.util.concurrent.CompletableFuture<>();
        java.net.http.WebSocket socket = http.newWebSocketBuilder().header("Authorization", "token s3cret")
                .buildAsync(URI.create("ws://" + address + ":" + port + "/labs/somewhere/echo"), new java.net.http.WebSocket.Listener() {
                    @Override
                    public java.util.concurrent.CompletionStage<?> onText(java.net.http.WebSocket ws, CharSequence data, boolean last) {
                        echoed.complete(data.toString());
                        return null;
                    }
                }).get(10, java.util.concurrent.TimeUnit.SECONDS);
        socket.sendText("hello lab", true);
        assertThat(echoed.get(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo("hello lab");
        socket.abort();

        api.deleteNamespacedService("page-lab", NAMESPACE).execute();
        api.deleteNamespacedPod("page-lab", NAMESPACE).execute();
        Instant gone = Instant.now().plus(Duration.ofSeconds(20));
        while (!discovery.listNamespacedEndpointSlice(NAMESPACE).labelSelector("kubernetes.io/service-name=page-lab")
                .execute().getItems().isEmpty() && Instant.now().isBefore(gone)) {
            Thread.sleep(100);
        }
        assertThat(discovery.listNamespacedEndpointSlice(NAMESPACE).labelSelector("kubernetes.io/service-name=page-lab")
                .execute().getItems()).as("a lab that is gone has no address").isEmpty();
    }

    private void create(String name, String image, Map<String, String> requests, Map<String, String> nodeSelector)
            throws Exception {
        V1ResourceRequirements resources = new V1ResourceRequirements();
        requests.forEach((resource, amount) -> resources.putRequestsItem(resource, Quantity.fromString(amount)));
        api.createNamespacedPod(NAMESPACE, new V1Pod().apiVersion("v1").kind("Pod")
                .metadata(new V1ObjectMeta().name(name).namespace(NAMESPACE))
                .spec(new V1PodSpec().nodeSelector(nodeSelector.isEmpty() ? null : nodeSelector)
                        .addContainersItem(new V1Container().name("lab").image(image).resources(resources)))).execute();
    }

    private V1Pod waitFor(String name, Predicate<V1Pod> condition) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        V1Pod pod = api.readNamespacedPod(name, NAMESPACE).execute();
        while (!condition.test(pod)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("The pod " + name + " never got there: " + pod.getStatus());
            }
            Thread.sleep(100);
            pod = api.readNamespacedPod(name, NAMESPACE).execute();
        }
        return pod;
    }
}

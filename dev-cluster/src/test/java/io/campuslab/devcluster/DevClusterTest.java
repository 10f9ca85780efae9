package io.campuslab.devcluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1Node;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.util.ClientBuilder;
import io.kubernetes.client.util.KubeConfig;
import java.io.FileReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DevClusterExtension.class)
class DevClusterTest {

    @Test
    void officialClientSeesFourNodesWithEightGpus(DevCluster cluster) throws Exception {
        CoreV1Api api = new CoreV1Api(client(cluster));
        List<V1Node> nodes = api.listNode().execute().getItems();

        assertThat(nodes).extracting(n -> n.getMetadata().getName())
                .containsExactlyInAnyOrder("gpu-node-1", "gpu-node-2", "cpu-node-1", "cpu-node-2");
        long gpus = nodes.stream()
                .map(n -> n.getStatus().getAllocatable().get("nvidia.com/gpu"))
                .filter(java.util.Objects::nonNull)
                .mapToLong(q -> q.getNumber().longValue()).sum();
        assertThat(gpus).isEqualTo(8);
    }

    @Test
    void httpWatchReplaysChangesAfterAResourceVersion(DevCluster cluster) throws Exception {
        CoreV1Api api = new CoreV1Api(client(cluster));
        String before = api.listNamespace().execute().getMetadata().getResourceVersion();
        api.createNamespace(new V1Namespace().apiVersion("v1").kind("Namespace")
                .metadata(new V1ObjectMeta().name("cl-watched").putLabelsItem("campuslab.io/tenant", "watched"))).execute();

        HttpResponse<String> watch = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(cluster.url() + "/api/v1/namespaces?watch=true&resourceVersion=" + (before == null ? "0" : before)
                        + "&labelSelector=campuslab.io%2Ftenant%3Dwatched")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(watch.statusCode()).isEqualTo(200);
        assertThat(watch.body().lines().findFirst().orElseThrow())
                .contains("\"type\":\"ADDED\"").contains("\"name\":\"cl-watched\"");
    }

    @Test
    void kubectlGetsNodesThroughTheKubeconfig(DevCluster cluster) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/kubectl")), "kubectl is part of the machine image");
        Process kubectl = new ProcessBuilder("/usr/bin/kubectl", "--kubeconfig", cluster.kubeconfig().toString(),
                "get", "nodes", "-o", "name").redirectErrorStream(true).start();
        assertThat(kubectl.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(kubectl.getInputStream().readAllBytes());

        assertThat(kubectl.exitValue()).as(output).isZero();
        assertThat(output).contains("node/gpu-node-1", "node/cpu-node-2");
    }

    private static ApiClient client(DevCluster cluster) throws Exception {
        try (FileReader reader = new FileReader(cluster.kubeconfig().toFile())) {
            return ClientBuilder.kubeconfig(KubeConfig.loadKubeConfig(reader)).build();
        }
    }
}

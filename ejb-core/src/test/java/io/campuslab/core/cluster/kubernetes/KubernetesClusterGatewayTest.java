package io.campuslab.core.cluster.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campuslab.core.cluster.ClusterNode;
import io.campuslab.core.cluster.ClusterOverview;
import io.campuslab.core.cluster.ClusterUnavailableException;
import io.campuslab.devcluster.DevCluster;
import io.campuslab.devcluster.DevClusterExtension;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DevClusterExtension.class)
class KubernetesClusterGatewayTest {

    @Test
    void readsNodesAndGpuCapacityThroughTheKubeconfig(DevCluster cluster) throws Exception {
        KubernetesClusterGateway gateway = new KubernetesClusterGateway(
                ApiClients.create(Optional.of(cluster.kubeconfig().toString()), Duration.ofSeconds(5)));

        List<ClusterNode> nodes = gateway.listNodes();
        ClusterOverview overview = new ClusterOverview(nodes);

        assertThat(nodes).hasSize(4).allMatch(ClusterNode::ready);
        assertThat(overview.gpuCapacity()).containsEntry("nvidia.com/gpu", 8L).hasSize(1);
        ClusterNode gpuNode = nodes.stream().filter(n -> n.name().equals("gpu-node-1")).findFirst().orElseThrow();
        assertThat(gpuNode.model()).contains("NVIDIA-A100-SXM4-40GB");
        assertThat(gpuNode.cpuMillis()).isEqualTo(32_000);
        assertThat(gpuNode.memoryBytes()).isEqualTo(256L * 1024 * 1024 * 1024);
        ClusterNode cpuNode = nodes.stream().filter(n -> n.name().equals("cpu-node-1")).findFirst().orElseThrow();
        assertThat(cpuNode.gpus()).isEmpty();
        assertThat(cpuNode.model()).isEmpty();
    }

    @Test
    void unreachableApiIsReportedAsClusterUnavailable() throws Exception {
        java.nio.file.Path kubeconfig = java.nio.file.Files.createTempFile("unreachable", ".yaml");
        java.nio.file.Files.writeString(kubeconfig, """
                apiVersion: v1
                kind: Config
                clusters: [{name: c, cluster: {server: "http://127.0.0.1:9"}}]
                users: [{name: u, user: {token: t}}]
                contexts: [{name: x, context: {cluster: c, user: u}}]
                current-context: x
                """);
        KubernetesClusterGateway gateway = new KubernetesClusterGateway(
                ApiClients.create(Optional.of(kubeconfig.toString()), Duration.ofSeconds(2)));

        assertThatThrownBy(gateway::listNodes)
                .isInstanceOfSatisfying(ClusterUnavailableException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("error.cluster.unreachable"));
    }

    @Test
    void gpuResourceKeysOfSeveralVendorsAndMigProfiles() {
        assertThat(NodeCapacity.isGpuResource("nvidia.com/gpu")).isTrue();
        assertThat(NodeCapacity.isGpuResource("amd.com/gpu")).isTrue();
        assertThat(NodeCapacity.isGpuResource("nvidia.com/mig-1g.5gb")).isTrue();
        assertThat(NodeCapacity.isGpuResource("ephemeral-storage")).isFalse();
        assertThat(NodeCapacity.isGpuResource("cpu")).isFalse();
    }
}

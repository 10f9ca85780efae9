package io.campuslab.core.cluster.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campuslab.core.cluster.ClusterNode;
import io.campuslab.core.cluster.ClusterOverview;
import io.campuslab.core.cluster.ClusterUnavailableException;
import io.campuslab.core.cluster.SchoolClaim;
import io.campuslab.core.cluster.SchoolPolicy;
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
    void aSchoolMovedToClaimsGetsTheRoomOfItsFileClaimsBeforeTheyAreMade(DevCluster cluster) throws Exception {
        KubernetesClusterGateway gateway = new KubernetesClusterGateway(
                ApiClients.create(Optional.of(cluster.kubeconfig().toString()), Duration.ofSeconds(5)));
        gateway.applySchool(school("cl-moving-school", "moving-school", "10Gi", "privileged", List.of()));

        SchoolPolicy onClaims = school("cl-moving-school", "moving-school", "70Gi", "restricted",
                SchoolClaim.of("moving-school", null, 20));
        gateway.applySchool(onClaims);

        try (var client = cluster.client()) {
            assertThat(client.persistentVolumeClaims().inNamespace("cl-moving-school").list().getItems())
                    .extracting(c -> c.getMetadata().getName())
                    .containsExactlyInAnyOrder("campuslab-courses", "campuslab-datasets", "campuslab-datasets-global");
            var quota = client.resourceQuotas().inNamespace("cl-moving-school").withName("campuslab").get();
            assertThat(quota.getMetadata().getAnnotations()).containsEntry(SchoolObjects.POLICY, onClaims.fingerprint());
        }
    }

    @Test
    void aSchoolWhoseObjectsTheClusterRefusesIsSaidSoApartFromAnUnreachableCluster(DevCluster cluster) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(cluster.real(), "only a real API server keeps quota usage");
        KubernetesClusterGateway gateway = new KubernetesClusterGateway(
                ApiClients.create(Optional.of(cluster.kubeconfig().toString()), Duration.ofSeconds(5)));
        // three file claims of 20 GiB cannot fit a storage quota of 30 GiB
        SchoolPolicy tooSmall = school("cl-small-school", "small-school", "30Gi", "restricted",
                SchoolClaim.of("small-school", null, 20));

        assertThatThrownBy(() -> gateway.applySchool(tooSmall))
                .isInstanceOfSatisfying(io.campuslab.core.cluster.SchoolRefusedException.class,
                        e -> assertThat(e.detail()).contains("exceeded quota"));
    }

    private static SchoolPolicy school(String namespace, String tenant, String storage, String podSecurity,
                                       List<SchoolClaim> claims) {
        return new SchoolPolicy(namespace, tenant, java.util.Map.of("pods", "10", "limits.cpu", "16", "requests.storage", storage),
                1000, 2048, 500, 2048, "campuslab", List.of("0.0.0.0/0"), List.of("10.96.0.0/12"), podSecurity, claims);
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

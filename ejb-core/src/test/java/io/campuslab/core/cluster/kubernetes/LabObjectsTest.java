package io.campuslab.core.cluster.kubernetes;

import static io.campuslab.core.cluster.kubernetes.Golden.assertGolden;
import static org.assertj.core.api.Assertions.assertThat;

import io.campuslab.core.cluster.LabBlueprint;
import io.campuslab.domain.catalog.RunAs;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The objects of a lab compared with golden files in src/test/resources/golden. After a deliberate
 * change, regenerate them with {@code -Dgolden.update=true} and review the difference.
 */
class LabObjectsTest {

    static final LabBlueprint GPU_JUPYTER = new LabBlueprint("lab-42", "cl-north-high", 42, "north-high",
            "sam", "jupyterlab", "quay.io/jupyter/pytorch-notebook:cuda12-python-3.12", List.of(), List.of(),
            List.of(new LabBlueprint.Port("http", 8888)), 4000, 16_384, 2000, 16_384, 1, "nvidia.com/gpu",
            Map.of("nvidia.com/gpu.product", "NVIDIA-A100-SXM4-40GB"),
            List.of(LabBlueprint.Volume.host("workspace", "/srv/campuslab/workspaces/north-high/jupyterlab/sam",
                            "/home/jovyan/work", false),
                    LabBlueprint.Volume.host("courses", "/srv/campuslab/courses/north-high", "/home/jovyan/work/courses", true),
                    LabBlueprint.Volume.host("datasets", "/srv/campuslab/datasets/north-high", "/home/jovyan/work/datasets", true),
                    LabBlueprint.Volume.host("datasets-global", "/srv/campuslab/datasets/_global",
                            "/home/jovyan/work/datasets-global", true)),
            1024, "/labs/q7mz3kd2vx5wnbt4hc6fpyrj2a/", null);

    static final LabBlueprint CPU_VSCODE = new LabBlueprint("lab-7", "cl-south-academy", 7, "south-academy",
            "li.wei@south.example", "vscode", "docker.io/codercom/code-server:4.96.4", List.of(),
            List.of("--auth", "none", "--bind-addr", "0.0.0.0:8080"), List.of(new LabBlueprint.Port("http", 8080)),
            1000, 2048, 500, 2048, 0, null, Map.of(),
            List.of(LabBlueprint.Volume.claim("workspace", "workspace-li-wei-south-example-1a2b3c4d", "/home/coder/project")),
            0, "/",
            new LabBlueprint.Claim("workspace-li-wei-south-example-1a2b3c4d", "fast-rwo", 20), new RunAs(1000, 1000));

    @Test
    void aGpuJupyterLabPod() throws IOException {
        assertGolden("jupyter-gpu-pod.json", LabObjects.pod(GPU_JUPYTER));
    }

    @Test
    void aGpuJupyterLabServiceAndSecret() throws IOException {
        assertGolden("jupyter-gpu-service.json", LabObjects.service(GPU_JUPYTER));
        assertGolden("jupyter-gpu-secret.json", LabObjects.secret(GPU_JUPYTER, "not-a-real-token"));
    }

    @Test
    void aCpuVsCodePodInClusterMode() throws IOException {
        assertGolden("vscode-cpu-pod.json", LabObjects.pod(CPU_VSCODE));
        assertGolden("vscode-cpu-service.json", LabObjects.service(CPU_VSCODE));
    }

    @Test
    void aCpuVsCodeLabWithItsWorkspaceClaim() throws IOException {
        assertGolden("vscode-cpu-workspace-claim.json", LabObjects.workspaceClaim(CPU_VSCODE));
    }

    @Test
    void labsAreReachedOnlyInsideTheClusterAndKnowWhereTheGatewayServesThem() {
        assertThat(LabObjects.service(GPU_JUPYTER).getSpec().getType()).isEqualTo("ClusterIP");
        assertThat(LabObjects.service(CPU_VSCODE).getSpec().getType()).isEqualTo("ClusterIP");
        assertThat(LabObjects.pod(GPU_JUPYTER).getSpec().getContainers().get(0).getEnv())
                .anyMatch(env -> env.getName().equals("CAMPUSLAB_BASE_URL") && env.getValue().equals("/labs/q7mz3kd2vx5wnbt4hc6fpyrj2a/"));
    }

    @Test
    void theGatewayFindsEachPortAtItsReadyEndpoint() {
        var slice = new io.kubernetes.client.openapi.models.V1EndpointSlice()
                .addEndpointsItem(new io.kubernetes.client.openapi.models.V1Endpoint().addAddressesItem("10.244.1.7")
                        .conditions(new io.kubernetes.client.openapi.models.V1EndpointConditions().ready(false)))
                .addEndpointsItem(new io.kubernetes.client.openapi.models.V1Endpoint().addAddressesItem("10.244.1.8")
                        .conditions(new io.kubernetes.client.openapi.models.V1EndpointConditions().ready(true)))
                .addPortsItem(new io.kubernetes.client.openapi.models.DiscoveryV1EndpointPort().name("http").port(8888))
                .addPortsItem(new io.kubernetes.client.openapi.models.DiscoveryV1EndpointPort().name("tensorboard").port(6006));

        assertThat(LabObjects.readyEndpoints(List.of(slice))).containsExactly(
                java.util.Map.entry("http", new io.campuslab.core.cluster.LabAccess.Endpoint("10.244.1.8", 8888)),
                java.util.Map.entry("tensorboard", new io.campuslab.core.cluster.LabAccess.Endpoint("10.244.1.8", 6006)));
        assertThat(LabObjects.readyEndpoints(List.of())).isEmpty();
    }

    @Test
    void workspaceClaimsAreNamedValidlyAndNeverShared() {
        LabBlueprint.Claim dotted = LabBlueprint.Claim.of("li.wei@south.example", null, 10);
        LabBlueprint.Claim dashed = LabBlueprint.Claim.of("li-wei-south-example", null, 10);

        assertThat(dotted.name()).matches("workspace-li-wei-south-example-[0-9a-f]{8}");
        assertThat(dashed.name()).startsWith("workspace-li-wei-south-example-").isNotEqualTo(dotted.name());
        assertThat(LabBlueprint.Claim.of("X".repeat(300), null, 10).name().length()).isLessThanOrEqualTo(63);
    }

    @Test
    void userNamesBecomeValidLabelValues() {
        assertThat(LabObjects.labelValue("sam")).isEqualTo("sam");
        assertThat(LabObjects.labelValue("li.wei@south.example")).isEqualTo("li.wei_south.example");
        assertThat(LabObjects.labelValue("-x-" + "a".repeat(70))).hasSize(62).startsWith("x-");
        assertThat(LabObjects.labels(CPU_VSCODE)).containsEntry("app.kubernetes.io/managed-by", "campuslab")
                .containsEntry("campuslab.io/lab", "7");
    }
}

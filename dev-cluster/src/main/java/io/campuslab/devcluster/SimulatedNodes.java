package io.campuslab.devcluster;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.List;
import java.util.Map;

/**
 * The machines of the simulated cluster: two GPU nodes with four NVIDIA A100 each and two CPU-only
 * nodes, labelled as GPU feature discovery and the kubelet would label them.
 */
final class SimulatedNodes {

    static final String GPU_MODEL = "NVIDIA-A100-SXM4-40GB";

    private SimulatedNodes() {
    }

    static List<Node> standard() {
        return List.of(
                gpuNode("gpu-node-1"), gpuNode("gpu-node-2"),
                cpuNode("cpu-node-1"), cpuNode("cpu-node-2"));
    }

    private static Node gpuNode(String name) {
        return node(name, "32", "256Gi", Map.of(
                        "nvidia.com/gpu.product", GPU_MODEL,
                        "nvidia.com/gpu.count", "4",
                        "nvidia.com/gpu.present", "true"),
                Map.of("nvidia.com/gpu", new Quantity("4")));
    }

    private static Node cpuNode(String name) {
        return node(name, "16", "64Gi", Map.of(), Map.of());
    }

    private static String uuid(String node, String what) {
        return java.util.UUID.nameUUIDFromBytes((node + "/" + what).getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    }

    private static Node node(String name, String cpu, String memory, Map<String, String> extraLabels,
                             Map<String, Quantity> extraResources) {
        Map<String, Quantity> resources = new java.util.TreeMap<>(extraResources);
        resources.put("cpu", new Quantity(cpu));
        resources.put("memory", new Quantity(memory));
        // a kubelet's --max-pods, raised from its default of 110 as many clusters do for small pods:
        // the benchmarks run 1,000 labs on these four nodes
        resources.put("pods", new Quantity("300"));
        resources.put("ephemeral-storage", new Quantity("200Gi"));
        return new NodeBuilder()
                .withNewMetadata()
                    .withName(name)
                    .addToLabels("kubernetes.io/hostname", name)
                    .addToLabels("kubernetes.io/os", "linux")
                    .addToLabels("kubernetes.io/arch", "amd64")
                    .addToLabels("campuslab.io/simulated", "true")
                    .addToLabels(extraLabels)
                .endMetadata()
                .withNewStatus()
                    .withCapacity(resources)
                    .withAllocatable(resources)
                    .addNewCondition().withType("Ready").withStatus("True").withReason("KubeletReady")
                        .withMessage("kubelet is posting ready status (simulated)").endCondition()
                    .withNewNodeInfo().withKubeletVersion("v1.32.0").withKubeProxyVersion("v1.32.0")
                        .withOperatingSystem("linux").withArchitecture("amd64").withOsImage("Debian GNU/Linux 12 (simulated)")
                        .withKernelVersion("6.1.0-simulated").withContainerRuntimeVersion("containerd://1.7.0-simulated")
                        .withMachineID(uuid(name, "machine")).withSystemUUID(uuid(name, "system"))
                        .withBootID(uuid(name, "boot")).endNodeInfo()
                .endStatus()
                .build();
    }
}

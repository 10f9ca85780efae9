package io.campuslab.core.cluster.kubernetes;

import io.campuslab.core.cluster.ClusterNode;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1Node;
import io.kubernetes.client.openapi.models.V1NodeCondition;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Reads what a node can hold from its status: allocatable CPU, memory and GPU resources. */
final class NodeCapacity {

    /** The label GPU feature discovery puts on a node, for example {@code NVIDIA-A100-SXM4-40GB}. */
    static final String GPU_MODEL_LABEL = "nvidia.com/gpu.product";

    private NodeCapacity() {
    }

    static ClusterNode of(V1Node node) {
        Map<String, Quantity> allocatable = node.getStatus() == null || node.getStatus().getAllocatable() == null
                ? Map.of() : node.getStatus().getAllocatable();
        Map<String, Long> gpus = new TreeMap<>();
        allocatable.forEach((key, quantity) -> {
            if (isGpuResource(key) && quantity.getNumber().signum() > 0) {
                gpus.put(key, quantity.getNumber().longValue());
            }
        });
        Map<String, String> labels = node.getMetadata().getLabels() == null ? Map.of() : node.getMetadata().getLabels();
        return new ClusterNode(node.getMetadata().getName(), isReady(node),
                amount(allocatable.get("cpu")).movePointRight(3).longValue(),
                amount(allocatable.get("memory")).longValue(),
                gpus, labels.get(GPU_MODEL_LABEL));
    }

    /** GPU keys: {@code vendor/gpu} (nvidia.com, amd.com ...) and NVIDIA MIG profiles. */
    static boolean isGpuResource(String key) {
        return key.endsWith("/gpu") || key.startsWith("nvidia.com/mig-");
    }

    private static BigDecimal amount(Quantity quantity) {
        return quantity == null ? BigDecimal.ZERO : quantity.getNumber();
    }

    private static boolean isReady(V1Node node) {
        return Optional.ofNullable(node.getStatus())
                .map(status -> status.getConditions())
                .orElse(java.util.List.of()).stream()
                .filter(condition -> "Ready".equals(condition.getType()))
                .map(V1NodeCondition::getStatus)
                .anyMatch("True"::equals);
    }
}

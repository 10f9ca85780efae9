package io.campuslab.core.cluster.kubernetes;

import io.campuslab.core.cluster.ClusterNode;
import io.campuslab.core.cluster.ObservedPod;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1ContainerStatus;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodCondition;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Reads lab pods and the room other workloads leave on each node from one list of all pods. */
final class PodObservation {

    private PodObservation() {
    }

    static boolean isLabPod(V1Pod pod) {
        Map<String, String> labels = pod.getMetadata().getLabels();
        return labels != null && LabObjects.CAMPUSLAB.equals(labels.get(LabObjects.MANAGED_BY)) && labels.containsKey(LabObjects.LAB);
    }

    static Optional<ObservedPod> lab(V1Pod pod) {
        if (!isLabPod(pod)) {
            return Optional.empty();
        }
        long labId;
        try {
            labId = Long.parseLong(pod.getMetadata().getLabels().get(LabObjects.LAB));
        } catch (NumberFormatException notOurs) {
            return Optional.empty();
        }
        String phase = pod.getStatus() == null || pod.getStatus().getPhase() == null ? "Pending" : pod.getStatus().getPhase();
        List<V1PodCondition> conditions = pod.getStatus() == null || pod.getStatus().getConditions() == null
                ? List.of() : pod.getStatus().getConditions();
        boolean ready = conditions.stream().anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
        String problem = null;
        String detail = null;
        for (V1PodCondition condition : conditions) {
            if ("PodScheduled".equals(condition.getType()) && "Unschedulable".equals(condition.getReason())) {
                problem = "Unschedulable";
                detail = condition.getMessage();
            }
        }
        List<V1ContainerStatus> containers = pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null
                ? List.of() : pod.getStatus().getContainerStatuses();
        Instant started = null;
        for (V1ContainerStatus container : containers) {
            if (container.getState() != null && container.getState().getRunning() != null
                    && container.getState().getRunning().getStartedAt() != null) {
                started = container.getState().getRunning().getStartedAt().toInstant();
            }
            if (container.getState() != null && container.getState().getWaiting() != null
                    && container.getState().getWaiting().getReason() != null
                    && !"ContainerCreating".equals(container.getState().getWaiting().getReason())) {
                problem = container.getState().getWaiting().getReason();
                detail = container.getState().getWaiting().getMessage();
            }
        }
        return Optional.of(new ObservedPod(labId, pod.getMetadata().getNamespace(), pod.getMetadata().getName(), phase,
                pod.getSpec() == null ? null : pod.getSpec().getNodeName(), ready, problem, detail,
                pod.getMetadata().getDeletionTimestamp() != null, started));
    }

    /** Each node's allocatable minus what pods that are not labs request there (and have not finished). */
    static Map<String, ClusterNode> roomForLabs(List<ClusterNode> nodes, List<V1Pod> pods) {
        Map<String, Map<String, BigDecimal>> taken = new HashMap<>();
        for (V1Pod pod : pods) {
            String node = pod.getSpec() == null ? null : pod.getSpec().getNodeName();
            String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
            if (node == null || isLabPod(pod) || "Succeeded".equals(phase) || "Failed".equals(phase)) {
                continue;
            }
            pod.getSpec().getContainers().forEach(c -> {
                Map<String, Quantity> requests = c.getResources() == null ? null : c.getResources().getRequests();
                if (requests != null) {
                    requests.forEach((resource, amount) -> taken.computeIfAbsent(node, n -> new HashMap<>())
                            .merge(resource, amount.getNumber(), BigDecimal::add));
                }
            });
        }
        Map<String, ClusterNode> room = new TreeMap<>();
        for (ClusterNode node : nodes) {
            Map<String, BigDecimal> used = taken.getOrDefault(node.name(), Map.of());
            Map<String, Long> gpus = new TreeMap<>();
            node.gpus().forEach((key, count) -> gpus.put(key,
                    Math.max(0, count - used.getOrDefault(key, BigDecimal.ZERO).longValue())));
            room.put(node.name(), new ClusterNode(node.name(), node.ready(),
                    Math.max(0, node.cpuMillis() - used.getOrDefault("cpu", BigDecimal.ZERO).movePointRight(3).longValue()),
                    Math.max(0, node.memoryBytes() - used.getOrDefault("memory", BigDecimal.ZERO).longValue()),
                    gpus, node.gpuModel()));
        }
        return room;
    }
}

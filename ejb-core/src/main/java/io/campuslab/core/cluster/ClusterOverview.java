package io.campuslab.core.cluster;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The cluster at a glance: its nodes and the GPU capacity per resource key. */
public record ClusterOverview(List<ClusterNode> nodes) implements Serializable {

    public ClusterOverview {
        nodes = List.copyOf(nodes);
    }

    public long readyNodes() {
        return nodes.stream().filter(ClusterNode::ready).count();
    }

    public Map<String, Long> gpuCapacity() {
        Map<String, Long> total = new TreeMap<>();
        nodes.forEach(node -> node.gpus().forEach((key, count) -> total.merge(key, count, Long::sum)));
        return total;
    }

    public long cpuMillis() {
        return nodes.stream().mapToLong(ClusterNode::cpuMillis).sum();
    }

    public long memoryBytes() {
        return nodes.stream().mapToLong(ClusterNode::memoryBytes).sum();
    }
}

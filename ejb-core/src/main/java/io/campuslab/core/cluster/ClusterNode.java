package io.campuslab.core.cluster;

import java.io.Serializable;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One node of the cluster and what it can hold: CPU in millicores, memory in bytes, and GPUs per
 * extended resource key (for example {@code nvidia.com/gpu}, counting time-slicing replicas as
 * the node advertises them).
 */
public record ClusterNode(String name, boolean ready, long cpuMillis, long memoryBytes,
                          Map<String, Long> gpus, String gpuModel) implements Serializable {

    public ClusterNode {
        gpus = Map.copyOf(new TreeMap<>(gpus));
    }

    public long gpuCount() {
        return gpus.values().stream().mapToLong(Long::longValue).sum();
    }

    public Optional<String> model() {
        return Optional.ofNullable(gpuModel);
    }
}

package io.campuslab.core.lab.admission;

import java.util.Map;

/**
 * A node that takes labs: what it can give (allocatable, GPUs per key as its device plugin
 * advertises them, time-slicing replicas included) and its labels.
 */
public record NodeRoom(String name, long cpuMillis, long memoryMib, Map<String, Integer> gpus, Map<String, String> labels) {

    /** The label NVIDIA's GPU feature discovery puts on nodes with the GPU model's name. */
    public static final String GPU_MODEL_LABEL = "nvidia.com/gpu.product";

    public NodeRoom {
        gpus = gpus == null ? Map.of() : Map.copyOf(gpus);
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }
}

package io.campuslab.core.lab.admission;

import java.util.Map;

/**
 * What one lab takes: CPU and memory limits (counted against quotas) and requests (what a node must
 * have free, the limits divided by the over-commit ratios), GPUs of one resource key, and the node
 * labels it needs (a GPU model).
 */
public record Demand(int cpuLimitMillis, int memoryLimitMib, int cpuRequestMillis, int memoryRequestMib,
                     int gpus, String gpuKey, Map<String, String> nodeSelector) {

    public Demand {
        if (cpuRequestMillis <= 0 || memoryRequestMib <= 0 || cpuLimitMillis < cpuRequestMillis
                || memoryLimitMib < memoryRequestMib || gpus < 0 || (gpus > 0 && gpuKey == null)) {
            throw new IllegalArgumentException("Not a lab's demand: " + cpuLimitMillis + "m/" + memoryLimitMib + "Mi, "
                    + gpus + " " + gpuKey);
        }
        nodeSelector = nodeSelector == null ? Map.of() : Map.copyOf(nodeSelector);
    }

    /** A CPU-only demand whose requests equal its limits. */
    public static Demand cpu(int cpuMillis, int memoryMib) {
        return new Demand(cpuMillis, memoryMib, cpuMillis, memoryMib, 0, null, Map.of());
    }

    /** A GPU demand whose requests equal its limits. */
    public static Demand gpu(int cpuMillis, int memoryMib, int gpus, String gpuKey) {
        return new Demand(cpuMillis, memoryMib, cpuMillis, memoryMib, gpus, gpuKey, Map.of());
    }
}

package io.campuslab.core.lab.admission;

import java.util.Map;

/**
 * What one school may hold at once: CPU and memory limits in total, labs, GPUs in total and per
 * resource key (a key not named is limited by the total only), and how many labs one user may hold.
 */
public record TenantLimits(String tenant, long cpuMillis, long memoryMib, int labs, int gpus,
                           Map<String, Integer> gpusPerKey, int labsPerUser) {

    public TenantLimits {
        gpusPerKey = gpusPerKey == null ? Map.of() : Map.copyOf(gpusPerKey);
    }
}

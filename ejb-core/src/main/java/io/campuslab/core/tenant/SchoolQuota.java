package io.campuslab.core.tenant;

import io.campuslab.domain.tenant.Tenant;
import io.campuslab.domain.tenant.TenantQuota;
import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;

/**
 * A school's quota as the operator sets it: at once (GPUs in total and per resource key, CPU cores,
 * memory, labs) and over time (storage, GPU-hours a month).
 */
public record SchoolQuota(int gpus, Map<String, Integer> gpusPerKey, int cpuCores, int memoryGib, int concurrentLabs,
                          int storageGib, int gpuHoursPerMonth) implements Serializable {

    public SchoolQuota {
        gpusPerKey = gpusPerKey == null ? Map.of() : Map.copyOf(new TreeMap<>(gpusPerKey));
    }

    static SchoolQuota of(Tenant school) {
        TenantQuota q = school.quota();
        return new SchoolQuota(q.gpus(), school.gpusPerKey(), q.cpuCores(), q.memoryGib(), q.concurrentLabs(), q.storageGib(),
                q.gpuHoursPerMonth());
    }

    TenantQuota quota() {
        return new TenantQuota(gpus, cpuCores, memoryGib, concurrentLabs, storageGib, gpuHoursPerMonth);
    }
}

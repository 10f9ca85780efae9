package io.campuslab.domain.tenant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * What a school may use of the shared cluster at once and over a month. Zero means none; the
 * platform's defaults apply to a new school.
 */
@Embeddable
public class TenantQuota {

    @Column(name = "quota_gpus", nullable = false)
    private int gpus;

    @Column(name = "quota_cpu_cores", nullable = false)
    private int cpuCores;

    @Column(name = "quota_memory_gib", nullable = false)
    private int memoryGib;

    @Column(name = "quota_concurrent_labs", nullable = false)
    private int concurrentLabs;

    @Column(name = "quota_storage_gib", nullable = false)
    private int storageGib;

    @Column(name = "quota_gpu_hours_month", nullable = false)
    private int gpuHoursPerMonth;

    protected TenantQuota() {
        // for Jakarta Persistence
    }

    public TenantQuota(int gpus, int cpuCores, int memoryGib, int concurrentLabs, int storageGib, int gpuHoursPerMonth) {
        if (gpus < 0 || cpuCores < 0 || memoryGib < 0 || concurrentLabs < 0 || storageGib < 0 || gpuHoursPerMonth < 0) {
            throw new IllegalArgumentException("Quotas cannot be negative");
        }
        this.gpus = gpus;
        this.cpuCores = cpuCores;
        this.memoryGib = memoryGib;
        this.concurrentLabs = concurrentLabs;
        this.storageGib = storageGib;
        this.gpuHoursPerMonth = gpuHoursPerMonth;
    }

    /** A new school's quota when the platform settings say nothing else. */
    public static TenantQuota starter() {
        return new TenantQuota(4, 64, 256, 50, 100, 200);
    }

    public long storageBytes() {
        return (long) storageGib << 30;
    }

    public int gpus() {
        return gpus;
    }

    public int cpuCores() {
        return cpuCores;
    }

    public int memoryGib() {
        return memoryGib;
    }

    public int concurrentLabs() {
        return concurrentLabs;
    }

    public int storageGib() {
        return storageGib;
    }

    public int gpuHoursPerMonth() {
        return gpuHoursPerMonth;
    }
}

package io.campuslab.core.lab;

import io.campuslab.core.lab.admission.TenantLimits;
import io.campuslab.domain.tenant.Tenant;
import io.campuslab.domain.tenant.TenantQuota;

/** A school's quota in the units admission and the booking check count in. */
public final class SchoolLimits {

    private SchoolLimits() {
    }

    /** What the school's quota lets it hold at once, with at most {@code labsPerUser} labs per member. */
    public static TenantLimits of(Tenant school, int labsPerUser) {
        return limits(school, school.quota(), school.gpusPerKey(), labsPerUser);
    }

    /** What the school may hold at once now: its quota, or nothing while it is suspended. */
    public static TenantLimits holdable(Tenant school, int labsPerUser) {
        return limits(school, school.holdableQuota(), school.holdableGpusPerKey(), labsPerUser);
    }

    private static TenantLimits limits(Tenant school, TenantQuota quota, java.util.Map<String, Integer> gpusPerKey,
                                       int labsPerUser) {
        return new TenantLimits(school.slug().value(), quota.cpuCores() * 1000L, quota.memoryGib() * 1024L,
                quota.concurrentLabs(), quota.gpus(), gpusPerKey, labsPerUser);
    }
}

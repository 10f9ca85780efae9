package io.campuslab.core.lab.admission;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One school during a pass: what it holds, its share of the cluster, and its queue. */
final class SchoolShare {

    final String tenant;
    final List<QueuedLab> queue = new ArrayList<>();
    final Map<String, Integer> gpusPerKey = new HashMap<>();
    private final Cluster cluster;
    int next;
    long cpuMillis;
    long memoryMib;
    int labs;
    int gpus;

    SchoolShare(String tenant, Cluster cluster) {
        this.tenant = tenant;
        this.cluster = cluster;
    }

    void hold(Demand demand) {
        cpuMillis += demand.cpuLimitMillis();
        memoryMib += demand.memoryLimitMib();
        labs++;
        if (demand.gpus() > 0) {
            gpus += demand.gpus();
            gpusPerKey.merge(demand.gpuKey(), demand.gpus(), Integer::sum);
        }
    }

    double dominantShare() {
        return Math.max(Math.max(share(cpuMillis, cluster.totalCpu), share(memoryMib, cluster.totalMemory)),
                share(gpus, cluster.totalGpus));
    }

    private static double share(long used, long total) {
        return total == 0 ? 0 : (double) used / total;
    }

    /** What of the school's and the user's limits this demand would break; null when none. */
    Verdict quotaProblem(Demand demand, TenantLimits limit, int heldByUser) {
        if (limit == null || labs + 1 > limit.labs()) {
            return new Verdict(WaitReason.SCHOOL_LABS, "");
        }
        if (heldByUser + 1 > limit.labsPerUser()) {
            return new Verdict(WaitReason.USER_LABS, "");
        }
        if (cpuMillis + demand.cpuLimitMillis() > limit.cpuMillis()) {
            return new Verdict(WaitReason.SCHOOL_CPU, "");
        }
        if (memoryMib + demand.memoryLimitMib() > limit.memoryMib()) {
            return new Verdict(WaitReason.SCHOOL_MEMORY, "");
        }
        if (demand.gpus() > 0) {
            Integer perKey = limit.gpusPerKey().get(demand.gpuKey());
            boolean overKey = perKey != null && gpusPerKey.getOrDefault(demand.gpuKey(), 0) + demand.gpus() > perKey;
            if (overKey || gpus + demand.gpus() > limit.gpus()) {
                return new Verdict(WaitReason.SCHOOL_GPUS, demand.gpuKey());
            }
        }
        return null;
    }
}

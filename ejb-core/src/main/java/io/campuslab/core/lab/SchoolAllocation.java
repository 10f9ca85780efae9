package io.campuslab.core.lab;

import java.io.Serializable;

/** What one school holds on the cluster now and how many of its labs wait, for the platform admin. */
public record SchoolAllocation(String tenant, int running, int starting, int queued, long cpuMillis, long memoryMib,
                               int gpus, int gpuQuota) implements Serializable {
}

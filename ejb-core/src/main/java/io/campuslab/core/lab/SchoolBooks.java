package io.campuslab.core.lab;

import io.campuslab.core.cluster.SchoolPolicy;
import io.campuslab.core.lab.admission.TenantLimits;
import java.util.Map;

/**
 * What a pass needs of every school, read once: what each may hold (for admission) and what its
 * namespace must say (for the cluster), by school slug.
 */
public record SchoolBooks(Map<String, TenantLimits> limits, Map<String, SchoolPolicy> policies) {

    public SchoolBooks {
        limits = Map.copyOf(limits);
        policies = Map.copyOf(policies);
    }
}

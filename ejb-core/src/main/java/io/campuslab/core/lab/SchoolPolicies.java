package io.campuslab.core.lab;

import io.campuslab.core.cluster.SchoolClaim;
import io.campuslab.core.cluster.SchoolPolicy;
import io.campuslab.domain.catalog.LabResources;
import io.campuslab.domain.platform.PlatformSettings;
import io.campuslab.domain.platform.WorkspaceMode;
import io.campuslab.domain.tenant.Tenant;
import io.campuslab.domain.tenant.TenantQuota;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a school's namespace must say: its quota (CPU and memory limits, labs, storage with the
 * school's file claims on top, GPUs of each key the platform offers), the default container size,
 * the network rules of the settings and the Pod Security Standard the storage allows. A suspended
 * school's quota admits nothing new.
 */
public final class SchoolPolicies {

    /**
     * The Pod Security Standard school namespaces enforce on a cluster (CLAIM storage): lab pods mount
     * claims only and meet {@code restricted} ({@code PodSecurityTest}).
     */
    static final String POD_SECURITY_ON_CLAIMS = "restricted";
    /**
     * The Pod Security Standard on one machine (HOST_PATH storage): workspaces, course material and
     * datasets reach labs as host folders, which {@code baseline} refuses; namespaces still warn and
     * audit at {@code restricted}.
     */
    static final String POD_SECURITY_ON_HOST_FOLDERS = "privileged";

    private SchoolPolicies() {
    }

    public static SchoolPolicy of(Tenant school, PlatformSettings platform) {
        TenantQuota quota = school.holdableQuota();
        Map<String, String> hard = new HashMap<>();
        hard.put("pods", Integer.toString(quota.concurrentLabs()));
        hard.put("limits.cpu", Integer.toString(quota.cpuCores()));
        hard.put("limits.memory", quota.memoryGib() + "Gi");
        boolean onClaims = platform.workspaceMode() == WorkspaceMode.CLAIM;
        List<SchoolClaim> claims = onClaims
                ? SchoolClaim.of(school.slug().value(), platform.schoolFilesClass().orElse(null), platform.schoolFilesSizeGib())
                : List.of();
        // the school's file claims come on top of the quota: they never eat the students' workspaces
        hard.put("requests.storage", (quota.storageGib() + claims.stream().mapToInt(SchoolClaim::sizeGib).sum()) + "Gi");
        Map<String, Integer> perKey = school.holdableGpusPerKey();
        platform.gpuResourceKeys().forEach(key -> hard.put("requests." + key,
                Integer.toString(Math.min(quota.gpus(), perKey.getOrDefault(key, quota.gpus())))));
        LabResources defaults = platform.defaultLabResources();
        return new SchoolPolicy(school.namespace(), school.slug().value(), hard,
                defaults.cpuMillis(), defaults.memoryMib(), platform.cpuRequestMillis(defaults.cpuMillis()),
                platform.memoryRequestMib(defaults.memoryMib()),
                platform.portalNamespace(),
                platform.egressCidrs(), platform.clusterCidrs(),
                onClaims ? POD_SECURITY_ON_CLAIMS : POD_SECURITY_ON_HOST_FOLDERS, claims);
    }
}

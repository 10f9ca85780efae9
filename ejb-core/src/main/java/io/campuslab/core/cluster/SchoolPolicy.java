package io.campuslab.core.cluster;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a school's namespace on the cluster must say, so that the cluster enforces what CampusLab
 * admits: the school's quota as a ResourceQuota, the default size of a container as a LimitRange,
 * and who may talk to its labs and where they may talk to as NetworkPolicies.
 *
 * @param hard             the ResourceQuota's hard limits, by the API's resource names
 * @param portalNamespace  the namespace of the portal's pods, the lab gateway: the only pods that may
 *                         connect to labs (none when empty)
 * @param egressCidrs      the networks labs may reach besides the cluster's DNS
 * @param clusterCidrs     the cluster's pod and service ranges, which labs never reach
 * @param podSecurity      the Pod Security Standard the namespace enforces: the strictest one every lab
 *                         pod of the platform meets ({@code privileged}, {@code baseline} or {@code restricted})
 * @param claims           the claims of the school's files in cluster storage; none on one machine
 */
public record SchoolPolicy(String namespace, String tenant, Map<String, String> hard, int defaultCpuMillis,
                           int defaultMemoryMib, int defaultCpuRequestMillis, int defaultMemoryRequestMib,
                           String portalNamespace, List<String> egressCidrs, List<String> clusterCidrs,
                           String podSecurity, List<SchoolClaim> claims) {

    public SchoolPolicy {
        hard = Map.copyOf(new TreeMap<>(hard));
        egressCidrs = List.copyOf(egressCidrs);
        clusterCidrs = List.copyOf(clusterCidrs);
        claims = List.copyOf(claims);
        portalNamespace = portalNamespace == null ? "" : portalNamespace;
    }

    /**
     * A short fingerprint of everything the policy says, written on the school's ResourceQuota: a
     * pass compares it with the one it observes and rewrites the school's objects only when they differ.
     */
    public String fingerprint() {
        String text = new TreeMap<>(hard) + "|" + defaultCpuMillis + "|" + defaultMemoryMib + "|" + defaultCpuRequestMillis
                + "|" + defaultMemoryRequestMib + "|" + portalNamespace + "|" + egressCidrs + "|" + clusterCidrs + "|" + podSecurity + "|" + claims;
        return Integer.toHexString(Objects.hash(namespace, tenant, text));
    }
}

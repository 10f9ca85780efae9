package io.campuslab.core.cluster.kubernetes;

import static io.campuslab.core.cluster.kubernetes.Golden.assertGolden;
import static org.assertj.core.api.Assertions.assertThat;

import io.campuslab.core.cluster.SchoolClaim;
import io.campuslab.core.cluster.SchoolPolicy;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A school's namespace objects compared with golden files; the fingerprint tells when they must be rewritten. */
class SchoolObjectsTest {

    private static final SchoolPolicy NORTH_HIGH = new SchoolPolicy("cl-north-high", "north-high",
            Map.of("pods", "40", "limits.cpu", "64", "limits.memory", "256Gi", "requests.nvidia.com/gpu", "2",
                    "requests.nvidia.com/mig-1g.5gb", "2"),
            2000, 4096, 1000, 4096, "", List.of(), List.of("10.96.0.0/12"), "privileged", List.of());

    private static final SchoolPolicy BEHIND_GATEWAY = new SchoolPolicy("cl-south-academy", "south-academy",
            Map.of("pods", "10", "limits.cpu", "16", "limits.memory", "64Gi", "requests.nvidia.com/gpu", "0"),
            1000, 2048, 500, 2048, "campuslab", List.of("10.20.0.0/16", "0.0.0.0/0"),
            List.of("10.96.0.0/12", "10.244.0.0/16"), "restricted",
            SchoolClaim.of("south-academy", "nfs-files", 20));

    @Test
    void theQuotaMirrorsTheSchoolsQuotaAndCarriesTheFingerprint() throws IOException {
        assertGolden("school-quota.json", SchoolObjects.quota(NORTH_HIGH));
        assertThat(SchoolObjects.fingerprint(SchoolObjects.quota(NORTH_HIGH))).contains(NORTH_HIGH.fingerprint());
    }

    @Test
    void theNamespaceEnforcesTheLevelItsLabsMeetAndWarnsAndAuditsAtRestricted() {
        var labels = SchoolObjects.namespace(NORTH_HIGH).getMetadata().getLabels();
        assertThat(labels).containsEntry("pod-security.kubernetes.io/enforce", "privileged")
                .containsEntry("pod-security.kubernetes.io/warn", "restricted")
                .containsEntry("pod-security.kubernetes.io/audit", "restricted")
                .containsEntry("campuslab.io/tenant", "north-high");
        assertThat(SchoolObjects.namespace(BEHIND_GATEWAY).getMetadata().getLabels())
                .containsEntry("pod-security.kubernetes.io/enforce", "restricted");
    }

    @Test
    void onAClusterTheSchoolsFilesAreThreeSharedClaimsThatSayWhereTheyLive() throws IOException {
        assertThat(SchoolObjects.claims(NORTH_HIGH)).as("one machine: host folders, no claims").isEmpty();
        assertGolden("school-claims.json", SchoolObjects.claims(BEHIND_GATEWAY));
    }

    @Test
    void theLimitRangeSizesUnsizedContainersLikeADefaultLab() throws IOException {
        assertGolden("school-limit-range.json", SchoolObjects.limitRange(NORTH_HIGH));
    }

    @Test
    void labsAreReachableOnlyFromThePortalsPodsAndReachOnlyDnsAndTheAllowedNetworks() throws IOException {
        assertGolden("school-network-no-portal.json", SchoolObjects.networkPolicies(NORTH_HIGH));
        assertGolden("school-network-gateway.json", SchoolObjects.networkPolicies(BEHIND_GATEWAY));
        assertThat(SchoolObjects.networkPolicies(NORTH_HIGH).get(1).getSpec().getIngress())
                .as("no portal namespace: no pod at all may connect, never an empty rule that admits everyone").isNullOrEmpty();
    }

    @Test
    void everythingIsDeniedByDefaultAndTheInternetNeverIncludesMetadataOrTheCluster() {
        var policies = SchoolObjects.networkPolicies(BEHIND_GATEWAY);
        var denyAll = policies.get(0).getSpec();
        assertThat(denyAll.getPodSelector().getMatchLabels()).as("every pod of the namespace").isNullOrEmpty();
        assertThat(denyAll.getPolicyTypes()).containsExactly("Ingress", "Egress");
        assertThat(denyAll.getIngress()).isNullOrEmpty();
        assertThat(denyAll.getEgress()).isNullOrEmpty();

        var internet = policies.get(2).getSpec().getEgress().get(1).getTo().stream()
                .filter(peer -> peer.getIpBlock().getCidr().equals("0.0.0.0/0")).findFirst().orElseThrow().getIpBlock();
        assertThat(internet.getExcept()).contains("169.254.0.0/16", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "127.0.0.0/8");
    }

    @Test
    void anyChangeOfThePolicyChangesItsFingerprint() {
        SchoolPolicy moreGpus = new SchoolPolicy(NORTH_HIGH.namespace(), NORTH_HIGH.tenant(),
                Map.of("pods", "40", "limits.cpu", "64", "limits.memory", "256Gi", "requests.nvidia.com/gpu", "4",
                        "requests.nvidia.com/mig-1g.5gb", "2"), 2000, 4096, 1000, 4096, "", List.of(), List.of("10.96.0.0/12"), "privileged", List.of());
        SchoolPolicy sameAgain = new SchoolPolicy(NORTH_HIGH.namespace(), NORTH_HIGH.tenant(), Map.copyOf(NORTH_HIGH.hard()),
                2000, 4096, 1000, 4096, "", List.of(), List.of("10.96.0.0/12"), "privileged", List.of());

        assertThat(moreGpus.fingerprint()).isNotEqualTo(NORTH_HIGH.fingerprint());
        assertThat(sameAgain.fingerprint()).isEqualTo(NORTH_HIGH.fingerprint());
    }
}

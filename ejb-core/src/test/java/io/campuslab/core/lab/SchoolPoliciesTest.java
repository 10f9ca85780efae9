package io.campuslab.core.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.campuslab.core.cluster.SchoolClaim;
import io.campuslab.core.cluster.SchoolPolicy;
import io.campuslab.domain.platform.PlatformSettings;
import io.campuslab.domain.platform.Setting;
import io.campuslab.domain.platform.WorkspaceMode;
import io.campuslab.domain.tenant.Tenant;
import io.campuslab.domain.tenant.TenantQuota;
import io.campuslab.domain.tenant.TenantSlug;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SchoolPoliciesTest {

    private static final Path BASE = Path.of("/srv/campuslab");

    @Test
    void onOneMachineTheQuotaBecomesTheNamespacesHardLimitsAndHostFoldersNeedPrivileged() {
        Tenant north = school(new TenantQuota(2, 16, 64, 10, 100, 50));
        PlatformSettings platform = PlatformSettings.of(Map.of(Setting.GPU_KEYS.key(), "nvidia.com/gpu,amd.com/gpu"), BASE);

        SchoolPolicy policy = SchoolPolicies.of(north, platform);

        assertThat(policy.namespace()).isEqualTo("cl-north-high");
        assertThat(policy.hard()).containsEntry("pods", "10").containsEntry("limits.cpu", "16")
                .containsEntry("limits.memory", "64Gi").containsEntry("requests.storage", "100Gi")
                .containsEntry("requests.nvidia.com/gpu", "2").containsEntry("requests.amd.com/gpu", "2");
        assertThat(policy.podSecurity()).isEqualTo(SchoolPolicies.POD_SECURITY_ON_HOST_FOLDERS);
        assertThat(policy.claims()).isEmpty();
    }

    @Test
    void onAClusterTheSchoolsFileClaimsComeOnTopOfItsStorageAndPodsMeetRestricted() {
        Tenant north = school(new TenantQuota(0, 8, 32, 5, 100, 0));
        PlatformSettings cluster = PlatformSettings.of(Map.of(Setting.WORKSPACE_MODE.key(), WorkspaceMode.CLAIM.name(),
                Setting.SCHOOL_FILES_SIZE.key(), "20"), BASE);

        SchoolPolicy policy = SchoolPolicies.of(north, cluster);

        int files = policy.claims().stream().mapToInt(SchoolClaim::sizeGib).sum();
        assertThat(policy.claims()).isNotEmpty();
        assertThat(policy.hard()).containsEntry("requests.storage", (100 + files) + "Gi");
        assertThat(policy.podSecurity()).isEqualTo(SchoolPolicies.POD_SECURITY_ON_CLAIMS);
    }

    @Test
    void aSuspendedSchoolsNamespaceAdmitsNothingNew() {
        Tenant north = school(new TenantQuota(2, 16, 64, 10, 100, 50));
        north.suspend();

        SchoolPolicy policy = SchoolPolicies.of(north, PlatformSettings.of(Map.of(), BASE));

        assertThat(policy.hard()).containsEntry("pods", "0").containsEntry("limits.cpu", "0")
                .containsEntry("requests.nvidia.com/gpu", "0");
    }

    private static Tenant school(TenantQuota quota) {
        Tenant north = new Tenant(new TenantSlug("north-high"), "North High School", Instant.EPOCH);
        north.changeQuota(quota);
        return north;
    }
}

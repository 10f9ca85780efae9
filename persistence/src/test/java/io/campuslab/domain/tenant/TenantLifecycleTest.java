package io.campuslab.domain.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TenantLifecycleTest {

    private final Tenant school = new Tenant(new TenantSlug("west-college"), "West College", Instant.EPOCH);

    @Test
    void newSchoolStartsActiveWithTheStarterQuota() {
        assertThat(school.isActive()).isTrue();
        assertThat(school.quota().gpus()).isEqualTo(TenantQuota.starter().gpus());
        assertThat(school.quota().storageBytes()).isEqualTo(100L << 30);
    }

    @Test
    void suspendAndResumeKeepEverythingElse() {
        school.suspend();
        assertThat(school.isActive()).isFalse();
        assertThat(school.status()).isEqualTo(TenantStatus.SUSPENDED);
        school.resume();
        assertThat(school.isActive()).isTrue();
        assertThat(school.displayName()).isEqualTo("West College");
    }

    @Test
    void aSuspendedSchoolMayHoldNothingNewButKeepsItsQuota() {
        school.changeQuota(new TenantQuota(4, 8, 32, 10, 5, 0), java.util.Map.of("nvidia.com/gpu", 2));
        assertThat(school.holdableQuota().concurrentLabs()).isEqualTo(10);
        assertThat(school.holdableGpusPerKey()).containsEntry("nvidia.com/gpu", 2);
        school.suspend();
        assertThat(school.holdableQuota().concurrentLabs()).isZero();
        assertThat(school.holdableQuota().gpus()).isZero();
        assertThat(school.holdableQuota().cpuCores()).isZero();
        assertThat(school.holdableGpusPerKey()).isEmpty();
        assertThat(school.quota().concurrentLabs()).as("kept for when it is resumed").isEqualTo(10);
        school.resume();
        assertThat(school.holdableQuota().gpus()).isEqualTo(4);
    }

    @Test
    void renameKeepsTheSlugAndNamespace() {
        school.rename("  West College of Arts ");
        assertThat(school.displayName()).isEqualTo("West College of Arts");
        assertThat(school.slug().value()).isEqualTo("west-college");
        assertThat(school.namespace()).isEqualTo("cl-west-college");
        assertThatThrownBy(() -> school.rename("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> school.rename("x".repeat(201))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void quotasAreNeverNegative() {
        assertThatThrownBy(() -> new TenantQuota(-1, 1, 1, 1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        school.changeQuota(new TenantQuota(0, 8, 32, 10, 5, 0));
        assertThat(school.quota().gpus()).isZero();
    }
}

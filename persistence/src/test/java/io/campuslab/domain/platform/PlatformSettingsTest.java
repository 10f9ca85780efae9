package io.campuslab.domain.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlatformSettingsTest {

    private static final Path BASE = Path.of("/srv/campuslab");
    private final PlatformSettings defaults = PlatformSettings.of(Map.of(), BASE);

    @Test
    void nothingStoredMeansEveryDefault() {
        assertThat(defaults.defaultLabResources().cpuMillis()).isEqualTo(2000);
        assertThat(defaults.gpuResourceKeys()).containsExactly("nvidia.com/gpu");
        assertThat(defaults.defaultGpuKey()).isEqualTo("nvidia.com/gpu");
        assertThat(defaults.maxPortsPerTemplate()).isEqualTo(4);
        assertThat(defaults.idleTimeout()).isEqualTo(Duration.ofHours(1));
        assertThat(defaults.labDomain()).as("labs under /labs/ on the portal's host").isEmpty();
        assertThat(defaults.courseRoot()).isEqualTo(Path.of("/srv/campuslab/courses"));
        assertThat(defaults.maxUploadBytes()).isEqualTo(2L << 30);
    }

    @Test
    void everyDefaultIsAcceptedByItsOwnRule() {
        assertThat(Arrays.stream(Setting.values()).filter(s -> s.check(s.defaultValue()).isPresent())).isEmpty();
        assertThat(defaults.problemsWith(defaults.asMap())).isEmpty();
    }

    @Test
    void requestsAreTheLimitDividedByTheOvercommitRatio() {
        PlatformSettings settings = defaults.with(Map.of("overcommit.cpu-ratio", "4", "overcommit.memory-ratio", "1.5"));
        assertThat(settings.cpuRequestMillis(2000)).isEqualTo(500);
        assertThat(settings.memoryRequestMib(4096)).isEqualTo(2731);
    }

    @Test
    void labsReachOnlyNetworksWrittenAsCidrBlocks() {
        PlatformSettings open = defaults.with(Map.of("network.egress-cidrs", "10.20.0.0/16, 0.0.0.0/0 fd00::/8"));

        assertThat(open.egressCidrs()).containsExactly("10.20.0.0/16", "0.0.0.0/0", "fd00::/8");
        assertThat(defaults.egressCidrs()).isEmpty();
        assertThat(defaults.problemsWith(Map.of("network.egress-cidrs", "10.0.0.0"))).extracting(SettingProblem::messageKey)
                .containsExactly("error.setting.cidrs");
        assertThat(defaults.problemsWith(Map.of("network.egress-cidrs", "300.1.1.1/8"))).hasSize(1);
        assertThat(defaults.problemsWith(Map.of("storage.workspace-mode", "NFS"))).extracting(SettingProblem::messageKey)
                .containsExactly("error.setting.workspace-mode");
        assertThat(defaults.with(Map.of("storage.workspace-mode", "CLAIM")).workspaceMode()).isEqualTo(WorkspaceMode.CLAIM);
    }

    @Test
    void gpuKeysMayNameMigProfilesAndOtherVendors() {
        Map<String, String> change = Map.of("gpu.resource-keys", "nvidia.com/gpu, nvidia.com/mig-1g.5gb amd.com/gpu",
                "gpu.default-key", "amd.com/gpu");
        assertThat(defaults.problemsWith(change)).isEmpty();
        assertThat(defaults.with(change).gpuResourceKeys()).containsExactly("nvidia.com/gpu", "nvidia.com/mig-1g.5gb", "amd.com/gpu");
    }

    @ParameterizedTest
    @ValueSource(strings = {"gpu", "kubernetes.io/gpu", "nvidia.com/", "NVIDIA.com/gpu", "nvidia.com/gpu x/"})
    void refusesWhatIsNoExtendedResourceName(String keys) {
        assertThat(defaults.problemsWith(Map.of("gpu.resource-keys", keys)))
                .extracting(SettingProblem::messageKey).containsExactly("error.setting.resource-keys");
    }

    @Test
    void theDefaultGpuKeyMustBeOneOfTheAllowed() {
        assertThat(defaults.problemsWith(Map.of("gpu.default-key", "amd.com/gpu")))
                .extracting(SettingProblem::messageKey).containsExactly("error.setting.default-key-not-allowed");
    }

    @Test
    void numbersStayWithinTheirBounds() {
        assertThat(defaults.problemsWith(Map.of("catalog.max-ports", "0", "lab.idle-timeout-minutes", "lots")))
                .extracting(SettingProblem::key).containsExactlyInAnyOrder("catalog.max-ports", "lab.idle-timeout-minutes");
        assertThat(defaults.problemsWith(Map.of("catalog.max-ports", "17")).get(0).arguments()).containsExactly(1L, 16L);
    }

    @Test
    void theLabDomainIsAHostName() {
        assertThat(defaults.problemsWith(Map.of("access.lab-domain", "labs.school.example"))).isEmpty();
        assertThat(defaults.problemsWith(Map.of("access.lab-domain", "*.labs.school.example")))
                .extracting(SettingProblem::messageKey).containsExactly("error.setting.host");
        assertThat(defaults.problemsWith(Map.of("access.mode", "INGRESS"))).as("the access modes are gone").isNotEmpty();
    }

    @Test
    void storageRootsAreAbsoluteAndApart() {
        assertThat(defaults.problemsWith(Map.of("storage.course-root", "relative/courses"))).isNotEmpty();
        assertThat(defaults.problemsWith(Map.of("storage.course-root", "/data/../etc"))).isNotEmpty();
        assertThat(defaults.problemsWith(Map.of("storage.dataset-root", "/srv/campuslab/courses/data")))
                .extracting(SettingProblem::messageKey).containsExactly("error.setting.roots-overlap");
        assertThat(defaults.problemsWith(Map.of("storage.dataset-root", "/mnt/public-dataset"))).isEmpty();
    }

    @Test
    void onlyPathsInsideTheRootsMayBeMounted() {
        assertThat(defaults.isInsideStorageRoots("/srv/campuslab/courses/north-high/tools")).isTrue();
        assertThat(defaults.isInsideStorageRoots("/srv/campuslab/coursesx")).isFalse();
        assertThat(defaults.isInsideStorageRoots("/srv/campuslab/courses/../../../etc")).isFalse();
        assertThat(defaults.isInsideStorageRoots("/etc/shadow")).isFalse();
        assertThat(defaults.isInsideStorageRoots("/srv/campuslab")).isFalse();
    }

    @Test
    void unknownKeysAreRefusedAndUnusableStoredValuesFallBackToTheDefault() {
        assertThat(defaults.problemsWith(Map.of("lab.colour", "blue")))
                .extracting(SettingProblem::messageKey).containsExactly("error.setting.unknown");
        assertThat(PlatformSettings.of(Map.of("catalog.max-ports", "many"), BASE).maxPortsPerTemplate()).isEqualTo(4);
    }

    @Test
    void everyKeyIsDocumentedForOperators() throws Exception {
        String guide = Files.readString(Path.of("../docs/operators/platform-settings.md"));
        assertThat(Arrays.stream(Setting.values()).map(Setting::key).filter(key -> !guide.contains("`" + key + "`")))
                .isEmpty();
    }
}

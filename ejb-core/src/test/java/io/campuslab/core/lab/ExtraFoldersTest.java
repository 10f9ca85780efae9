package io.campuslab.core.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.campuslab.core.cluster.LabBlueprint;
import io.campuslab.domain.catalog.LabResources;
import io.campuslab.domain.catalog.LabTemplate;
import io.campuslab.domain.catalog.MountSpec;
import io.campuslab.domain.catalog.PortProtocol;
import io.campuslab.domain.catalog.PortSpec;
import io.campuslab.domain.catalog.TemplateDefinition;
import io.campuslab.domain.platform.PlatformSettings;
import io.campuslab.domain.platform.Setting;
import io.campuslab.domain.platform.WorkspaceMode;
import io.campuslab.domain.tenant.Tenant;
import io.campuslab.domain.tenant.TenantSlug;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A template's extra folders reach only the lab's own school's courses and datasets, by name. */
class ExtraFoldersTest {

    private static final SchoolFiles ONE_MACHINE = new SchoolFiles(PlatformSettings.of(Map.of(), Path.of("/srv/campuslab")));
    private static final SchoolFiles CLUSTER = new SchoolFiles(PlatformSettings.of(
            Map.of(Setting.WORKSPACE_MODE.key(), WorkspaceMode.CLAIM.name()), Path.of("/srv/campuslab")));
    private static final Tenant NORTH = new Tenant(new TenantSlug("north-high"), "North High School", Instant.EPOCH);
    private static final Tenant SOUTH = new Tenant(new TenantSlug("south-academy"), "South Academy", Instant.EPOCH);
    private static final ExtraFolders.DatasetFolders DATASETS = (school, name) -> switch (name) {
        case "weather" -> Optional.of(school.slug().value() + "/weather");
        case "mnist" -> Optional.of("_global/mnist");
        default -> Optional.empty();
    };

    @Test
    void coursesAndDatasetsByNameAreTheLabsOwnSchoolsAndReadOnly() {
        LabTemplate robotics = template(Optional.of(SOUTH), new MountSpec("notes", "course:python", "/opt/notes", true),
                new MountSpec("weather", "dataset:weather", "/opt/weather", true),
                new MountSpec("digits", "dataset:mnist", "/opt/digits", true),
                new MountSpec("gone", "dataset:deleted", "/opt/gone", true));

        List<LabBlueprint.Volume> volumes = ExtraFolders.of(robotics, SOUTH, "stan", ONE_MACHINE, DATASETS);

        assertThat(volumes).extracting(LabBlueprint.Volume::hostPathOrNull).containsExactly(
                "/srv/campuslab/courses/south-academy/python", "/srv/campuslab/datasets/south-academy/weather",
                "/srv/campuslab/datasets/_global/mnist");
        assertThat(volumes).allMatch(LabBlueprint.Volume::readOnly);
    }

    @Test
    void aSchoolsTemplateNeverMountsAHostFolderEvenOneSavedBefore() {
        LabTemplate legacy = template(Optional.of(SOUTH),
                new MountSpec("steal", "/srv/campuslab/workspaces/north-high", "/opt/north", false));

        assertThat(ExtraFolders.of(legacy, SOUTH, "bob", ONE_MACHINE, DATASETS)).isEmpty();
    }

    @Test
    void onlyAGlobalTemplateMountsHostFoldersWithItsPlaceholders() {
        LabTemplate global = template(Optional.empty(), new MountSpec("tools", "/srv/campuslab/courses/{tenant}/tools", "/opt/tools", true));

        assertThat(ExtraFolders.of(global, NORTH, "sam", ONE_MACHINE, DATASETS)).extracting(LabBlueprint.Volume::hostPathOrNull)
                .containsExactly("/srv/campuslab/courses/north-high/tools");
    }

    @Test
    void onAClusterTheSameNamesAreFoldersOfTheSchoolsClaimsAndNoHostFolderIsMounted() {
        LabTemplate robotics = template(Optional.of(SOUTH), new MountSpec("notes", "course:python", "/opt/notes", true),
                new MountSpec("weather", "dataset:weather", "/opt/weather", true),
                new MountSpec("digits", "dataset:mnist", "/opt/digits", true));
        LabTemplate global = template(Optional.empty(), new MountSpec("tools", "/srv/campuslab/courses/{tenant}/tools", "/opt/tools", true));

        List<LabBlueprint.Volume> volumes = ExtraFolders.of(robotics, SOUTH, "stan", CLUSTER, DATASETS);

        assertThat(volumes).extracting(LabBlueprint.Volume::hostPathOrNull).containsOnlyNulls();
        assertThat(volumes).extracting(v -> v.claimOrNull() + ":" + v.subPathOrNull()).containsExactly(
                "campuslab-courses:python", "campuslab-datasets:weather", "campuslab-datasets-global:mnist");
        assertThat(volumes).allMatch(LabBlueprint.Volume::readOnly);
        assertThat(ExtraFolders.of(global, NORTH, "sam", CLUSTER, DATASETS)).as("a cluster's labs mount claims alone").isEmpty();
    }

    private static LabTemplate template(Optional<Tenant> owner, MountSpec... mounts) {
        return LabTemplate.of(new TemplateDefinition("robotics", "Robotics", "", "CUBE", "quay.io/x/robotics:1", Map.of(),
                List.of(), List.of(), List.of(new PortSpec("http", 8888, PortProtocol.HTTP)), "/home/jovyan/work", 0,
                new LabResources(1000, 1024, 0), new LabResources(2000, 2048, 0), List.of(), List.of(mounts)), owner, Instant.EPOCH);
    }
}

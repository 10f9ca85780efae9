package io.campuslab.core.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.campuslab.core.cluster.LabBlueprint;
import io.campuslab.domain.catalog.LabResources;
import io.campuslab.domain.catalog.LabTemplate;
import io.campuslab.domain.catalog.PortProtocol;
import io.campuslab.domain.catalog.PortSpec;
import io.campuslab.domain.catalog.RunAs;
import io.campuslab.domain.catalog.TemplateDefinition;
import io.campuslab.domain.classroom.ClassSession;
import io.campuslab.domain.classroom.Classroom;
import io.campuslab.domain.course.Course;
import io.campuslab.domain.identity.Member;
import io.campuslab.domain.identity.Role;
import io.campuslab.domain.lab.Lab;
import io.campuslab.domain.lab.LabOrigin;
import io.campuslab.domain.lab.LabSize;
import io.campuslab.domain.platform.PlatformSettings;
import io.campuslab.domain.platform.Setting;
import io.campuslab.domain.platform.WorkspaceMode;
import io.campuslab.domain.tenant.Tenant;
import io.campuslab.domain.tenant.TenantSlug;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a lab's pod is made of: its image, size, ports, workspace and the school's folders it mounts. */
class LabBlueprintsTest {

    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    private static final Tenant NORTH = new Tenant(new TenantSlug("north-high"), "North High School", T0);
    private static final Member SAM = Member.invited("subject-sam", "sam", "Sam Student", null, NORTH, Role.STUDENT, null, T0);
    private static final Member TOM = Member.invited("subject-tom", "tom", "Tom Teacher", null, NORTH, Role.TEACHER, null, T0);
    private static final PlatformSettings ONE_MACHINE = PlatformSettings.of(Map.of(), Path.of("/srv/campuslab"));
    private static final ExtraFolders.DatasetFolders NO_DATASETS = (school, name) -> Optional.empty();
    private static final LabTemplate JUPYTER = LabTemplate.of(new TemplateDefinition("jupyterlab", "JupyterLab", "", "NOTEBOOK",
            "quay.io/jupyter/scipy-notebook:python-3.12", Map.of("a100", "quay.io/jupyter/pytorch-notebook:cuda12"),
            List.of("start-notebook.py"), List.of("--no-browser"), List.of(new PortSpec("http", 8888, PortProtocol.HTTP)),
            "/home/jovyan/work", 1024, new LabResources(2000, 4096, 0), new LabResources(8000, 32768, 2), List.of(), List.of()),
            Optional.empty(), T0);

    @Test
    void aSelfServiceLabGetsItsTemplatesImageSizePortsAndItsOwnWorkspaceWithAllTheSchoolsFolders() {
        Lab lab = stored(Lab.queue(NORTH, SAM, JUPYTER, new LabSize(2000, 4096, 500, 2048, 0, null, null), LabOrigin.SELF_SERVICE, T0));

        LabBlueprint pod = LabBlueprints.of(lab, Map.of("campuslab.io/pool", "cpu"), ONE_MACHINE, null, NO_DATASETS);

        assertThat(pod.namespace()).isEqualTo(NORTH.namespace());
        assertThat(pod.tenant()).isEqualTo("north-high");
        assertThat(pod.username()).isEqualTo("sam");
        assertThat(pod.image()).isEqualTo("quay.io/jupyter/scipy-notebook:python-3.12");
        assertThat(pod.command()).containsExactly("start-notebook.py");
        assertThat(pod.args()).containsExactly("--no-browser");
        assertThat(pod.ports()).extracting(LabBlueprint.Port::port).containsExactly(8888);
        assertThat(List.of(pod.cpuLimitMillis(), pod.memoryLimitMib(), pod.cpuRequestMillis(), pod.memoryRequestMib(), pod.gpus()))
                .containsExactly(2000, 4096, 500, 2048, 0);
        assertThat(pod.nodeSelector()).containsEntry("campuslab.io/pool", "cpu");
        assertThat(pod.shmMib()).isEqualTo(1024);
        assertThat(pod.workspaceClaimOrNull()).as("a host folder on one machine").isNull();
        assertThat(pod.volumes()).extracting(LabBlueprint.Volume::mountPath).containsExactly("/home/jovyan/work",
                "/home/jovyan/work/courses", "/home/jovyan/work/datasets", "/home/jovyan/work/datasets-global");
        assertThat(pod.volumes().get(0).hostPathOrNull()).isEqualTo("/srv/campuslab/workspaces/north-high/jupyterlab/sam");
        assertThat(pod.volumes().subList(1, 4)).allMatch(LabBlueprint.Volume::readOnly);
        assertThat(pod.runAs()).isEqualTo(RunAs.DEFAULT);
    }

    @Test
    void aGpuLabRunsTheImageOfItsGpuAndOnAClusterItsWorkspaceIsTheStudentsClaim() {
        PlatformSettings cluster = PlatformSettings.of(Map.of(Setting.WORKSPACE_MODE.key(), WorkspaceMode.CLAIM.name(),
                Setting.WORKSPACE_SIZE.key(), "20"), Path.of("/srv/campuslab"));
        Lab lab = stored(Lab.queue(NORTH, SAM, JUPYTER, new LabSize(4000, 16384, 4000, 16384, 1, "a100", "A100"),
                LabOrigin.SELF_SERVICE, T0));

        LabBlueprint pod = LabBlueprints.of(lab, Map.of(), cluster, null, NO_DATASETS);

        assertThat(pod.image()).isEqualTo("quay.io/jupyter/pytorch-notebook:cuda12");
        assertThat(pod.gpus()).isEqualTo(1);
        assertThat(pod.gpuKey()).isEqualTo("a100");
        assertThat(pod.workspaceClaimOrNull()).isNotNull();
        assertThat(pod.workspaceClaimOrNull().sizeGib()).isEqualTo(20);
        assertThat(pod.volumes().get(0).claimOrNull()).isEqualTo(pod.workspaceClaimOrNull().name());
        assertThat(pod.volumes()).extracting(LabBlueprint.Volume::hostPathOrNull).as("no host folder on a cluster").containsOnlyNulls();
    }

    @Test
    void aSessionsLabMountsTheSessionsCourseAloneUnderItsName() {
        Classroom robotics = new Classroom(TOM, "Robotics", T0);
        Course python = new Course(NORTH, "python", T0);
        ClassSession session = new ClassSession(robotics, "series-1", JUPYTER, python, new LabSize(2000, 4096, 500, 2048, 0, null, null),
                T0.plus(Duration.ofHours(1)), T0.plus(Duration.ofHours(2)), Duration.ofMinutes(10), "tom");
        Lab lab = stored(Lab.queue(NORTH, SAM, JUPYTER, new LabSize(2000, 4096, 500, 2048, 0, null, null), LabOrigin.SELF_SERVICE, T0));

        LabBlueprint pod = LabBlueprints.of(lab, Map.of(), ONE_MACHINE, session, NO_DATASETS);

        assertThat(pod.volumes()).extracting(LabBlueprint.Volume::mountPath).contains("/home/jovyan/work/courses/python")
                .doesNotContain("/home/jovyan/work/courses");
        assertThat(pod.volumes()).extracting(LabBlueprint.Volume::hostPathOrNull)
                .contains("/srv/campuslab/courses/north-high/python");
    }

    /** The lab as the database gives it back: with the id its objects are named by. */
    private static Lab stored(Lab lab) {
        try {
            java.lang.reflect.Field id = Lab.class.getDeclaredField("id");
            id.setAccessible(true);
            id.set(lab, 42L);
            return lab;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.campuslab.core.cluster.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.campuslab.core.cluster.kubernetes.PodSecurity.Level;
import io.campuslab.core.cluster.LabBlueprint;
import io.campuslab.domain.catalog.RunAs;
import io.kubernetes.client.openapi.models.V1Capabilities;
import io.kubernetes.client.openapi.models.V1ContainerPort;
import io.kubernetes.client.openapi.models.V1Pod;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every pod the catalog can produce against the Pod Security Standards, and the check itself. */
class PodSecurityTest {

    /** The catalog's images with the user each runs as (V3, V20). */
    private static final Map<String, RunAs> CATALOG = Map.of(
            "quay.io/jupyter/scipy-notebook:python-3.12", new RunAs(1000, 100),
            "quay.io/jupyter/pytorch-notebook:cuda12-python-3.12", new RunAs(1000, 100),
            "docker.io/codercom/code-server:4.96.4", new RunAs(1000, 1000),
            "docker.io/accetto/ubuntu-vnc-xfce-g3:latest", new RunAs(1000, 0),
            "registry.cn-shanghai.aliyuncs.com/openhydra/paddle:2.6.0-jlab", RunAs.DEFAULT,
            "registry.cn-shanghai.aliyuncs.com/openhydra/tensorflow:latest-gpu-with-jlab", RunAs.DEFAULT,
            "registry.cn-shanghai.aliyuncs.com/openhydra/xedu:latest", RunAs.DEFAULT);

    @Test
    void everyCatalogPodWithItsStorageAsClaimsMeetsRestricted() {
        CATALOG.forEach((image, runAs) -> {
            V1Pod pod = LabObjects.pod(lab(image, runAs, List.of(
                    LabBlueprint.Volume.claim("workspace", "workspace-sam-1", "/home/jovyan/work"),
                    LabBlueprint.Volume.claimFolder("courses", "campuslab-courses", "", "/home/jovyan/work/courses"),
                    LabBlueprint.Volume.claimFolder("dataset-1", "campuslab-datasets", "weather", "/home/jovyan/work/datasets/weather"),
                    LabBlueprint.Volume.claimFolder("dataset-2", "campuslab-datasets-global", "mnist",
                            "/home/jovyan/work/datasets-global/mnist")), 1024));
            assertThat(PodSecurity.violations(pod, Level.RESTRICTED)).as(image).isEmpty();
            assertThat(PodSecurity.levelOf(pod)).isEqualTo(Level.RESTRICTED);
            assertThat(pod.getSpec().getContainers().get(0).getVolumeMounts()).filteredOn(m -> m.getName().startsWith("dataset"))
                    .allMatch(m -> Boolean.TRUE.equals(m.getReadOnly()) && m.getSubPath() != null);
        });
    }

    @Test
    void onHostFoldersTheOnlyThingBetweenACatalogPodAndBaselineIsTheHostFolders() {
        CATALOG.forEach((image, runAs) -> {
            V1Pod pod = LabObjects.pod(lab(image, runAs, List.of(
                    LabBlueprint.Volume.host("workspace", "/srv/w/north-high/jupyterlab/sam", "/home/jovyan/work", false),
                    LabBlueprint.Volume.host("datasets", "/srv/d/north-high", "/home/jovyan/work/datasets", true)), 0));
            assertThat(PodSecurity.violations(pod, Level.BASELINE)).as(image)
                    .containsExactly("hostPath volume \"workspace\"", "hostPath volume \"datasets\"");
        });
        assertThat(PodSecurity.levelOf(LabObjects.pod(LabObjectsTest.GPU_JUPYTER))).isEqualTo(Level.PRIVILEGED);
        assertThat(PodSecurity.levelOf(LabObjects.pod(LabObjectsTest.CPU_VSCODE))).isEqualTo(Level.RESTRICTED);
    }

    @Test
    void whereTheImageAllowsItTheRootIsReadOnlyWithAFreshTmp() {
        V1Pod pod = LabObjects.pod(lab("registry.example/readonly-lab:1", new RunAs(1000, 100, true), List.of(
                LabBlueprint.Volume.claim("workspace", "workspace-sam-1", "/home/lab/work")), 0));
        var container = pod.getSpec().getContainers().get(0);
        assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(container.getVolumeMounts()).anyMatch(m -> m.getName().equals("tmp") && m.getMountPath().equals("/tmp"));
        assertThat(pod.getSpec().getVolumes()).anyMatch(v -> v.getName().equals("tmp") && v.getEmptyDir() != null);
        assertThat(PodSecurity.levelOf(pod)).isEqualTo(Level.RESTRICTED);
        assertThat(LabObjects.pod(lab("quay.io/jupyter/scipy-notebook:python-3.12", RunAs.DEFAULT, List.of(), 0))
                .getSpec().getContainers().get(0).getSecurityContext().getReadOnlyRootFilesystem()).as("Jupyter writes to its home").isNull();
    }

    @Test
    void whatAHardenedClusterRefusesIsFound() {
        V1Pod pod = LabObjects.pod(LabObjectsTest.CPU_VSCODE);
        pod.getSpec().hostNetwork(true);
        pod.getSpec().getContainers().get(0).getSecurityContext().privileged(true)
                .capabilities(new V1Capabilities().add(List.of("SYS_ADMIN")))
                .allowPrivilegeEscalation(true).runAsNonRoot(false);
        pod.getSpec().getContainers().get(0).ports(List.of(new V1ContainerPort().containerPort(22).hostPort(2222)));

        assertThat(PodSecurity.violations(pod, Level.BASELINE)).containsExactly("host namespaces",
                "container \"lab\" is privileged", "container \"lab\" adds capability SYS_ADMIN", "container \"lab\" has hostPort 2222");
        assertThat(PodSecurity.violations(pod, Level.RESTRICTED)).contains("container \"lab\" may escalate privileges",
                "container \"lab\" may run as root", "container \"lab\" does not drop ALL capabilities");
        assertThat(PodSecurity.levelOf(pod)).isEqualTo(Level.PRIVILEGED);
    }

    private static LabBlueprint lab(String image, RunAs runAs, List<LabBlueprint.Volume> volumes, int shmMib) {
        return new LabBlueprint("lab-1", "cl-north-high", 1, "north-high", "sam", "t", image, List.of(), List.of(),
                List.of(new LabBlueprint.Port("http", 8888), new LabBlueprint.Port("vnc", 6901)), 2000, 4096, 1000, 4096, 1,
                "nvidia.com/gpu", Map.of(), volumes, shmMib, "/", null, runAs);
    }
}

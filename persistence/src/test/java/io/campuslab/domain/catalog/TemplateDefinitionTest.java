package io.campuslab.domain.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class TemplateDefinitionTest {

    private static final List<String> GPU_KEYS = List.of("nvidia.com/gpu", "nvidia.com/mig-1g.5gb");
    private static final TemplateRules RULES = rules(4);

    @ParameterizedTest
    @ValueSource(strings = {"ubuntu", "python:3.12", "quay.io/jupyter/scipy-notebook:python-3.12",
            "registry.cn-shanghai.aliyuncs.com/openhydra/paddle:2.6.0-gpu-cuda12.0-cudnn8.9-trt8.6-jlab",
            "localhost:5000/school/lab:v1", "docker.io/library/busybox@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"})
    void acceptsImageReferences(String image) {
        assertThat(ImageReference.isValid(image)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Ubuntu", "python:", "a b", "quay.io//x", "img:tag with space", "-leading", "x@sha256:short",
            "repo/Name:1"})
    void refusesWhatNoRuntimePulls(String image) {
        assertThat(ImageReference.isValid(image)).isFalse();
    }

    @Test
    void portNamesFollowKubernetes() {
        assertThat(PortSpec.isValidName("http")).isTrue();
        assertThat(PortSpec.isValidName("novnc-6901")).isTrue();
        assertThat(PortSpec.isValidName("HTTP")).isFalse();
        assertThat(PortSpec.isValidName("8888")).isFalse();
        assertThat(PortSpec.isValidName("a-very-long-port-name")).isFalse();
        assertThat(PortSpec.isValidName("a--b")).isFalse();
    }

    @Test
    void aSoundDefinitionHasNoProblems() {
        assertThat(jupyter().problems(RULES)).isEmpty();
    }

    @Test
    void everyProblemNamesItsField() {
        TemplateDefinition bad = new TemplateDefinition("My Lab", " ", "x".repeat(2001), null, "Not An Image",
                Map.of("amd.com/gpu", "rocm/pytorch:latest"), List.of("start\nevil"), List.of(),
                List.of(new PortSpec("http", 8888, PortProtocol.HTTP), new PortSpec("http", 70000, PortProtocol.HTTP)),
                "relative/path", -1, new LabResources(4000, 8192, 2), new LabResources(2000, 4096, 1), List.of(), List.of());

        assertThat(bad.problems(RULES)).extracting(TemplateProblem::field).containsExactly(
                "name", "displayName", "description", "cpuImage", "gpuImages", "command", "ports", "ports",
                "workspacePath", "shmMib", "defaultResources");
        assertThat(bad.problems(RULES)).extracting(TemplateProblem::messageKey)
                .contains("error.template.gpu-key-unknown", "error.template.port-number-invalid", "error.template.port-duplicate");
    }

    @Test
    void overLongValuesAreProblemsOfTheirFieldNotFailuresOfTheDatabase() {
        TemplateDefinition ok = jupyter();
        TemplateDefinition bad = new TemplateDefinition(ok.name(), ok.displayName(), ok.description(), "I".repeat(41),
                ok.cpuImage(), ok.gpuImages(), java.util.Collections.nCopies(5, "x".repeat(999)), ok.args(), ok.ports(),
                "/" + "w".repeat(300), ok.shmMib(), ok.defaultResources(), ok.maxResources(), ok.developmentInfo(), ok.mounts());

        assertThat(bad.problems(RULES)).extracting(TemplateProblem::field).containsExactly("icon", "command", "workspacePath");
        assertThat(bad.problems(RULES)).extracting(TemplateProblem::messageKey)
                .containsExactly("error.template.icon-invalid", "error.template.command-too-long", "error.template.path-invalid");
    }

    @Test
    void aSchoolsTemplateNamesItsCoursesAndDatasetsAndNeverAHostFolder() {
        TemplateDefinition ok = jupyter();
        TemplateDefinition named = withMounts(ok, List.of(new MountSpec("notes", "course:python", "/opt/notes", true),
                new MountSpec("weather", "dataset:weather", "/opt/weather", true)));
        assertThat(named.problems(RULES.forSchool())).isEmpty();

        assertThat(withMounts(ok, List.of(new MountSpec("north", "/srv/campuslab/workspaces/north-high", "/opt/n", false)))
                .problems(RULES.forSchool())).extracting(TemplateProblem::messageKey)
                .containsExactly("error.template.mount-host-folder-not-allowed");
        assertThat(withMounts(ok, List.of(new MountSpec("w", "dataset:weather", "/opt/w", false))).problems(RULES.forSchool()))
                .extracting(TemplateProblem::messageKey).containsExactly("error.template.mount-named-read-only");
        assertThat(withMounts(ok, List.of(new MountSpec("w", "dataset:../north-high/x", "/opt/w", true))).problems(RULES.forSchool()))
                .extracting(TemplateProblem::messageKey).containsExactly("error.template.mount-source-invalid");
        assertThat(withMounts(ok, List.of(new MountSpec("w", "course:Python 1", "/opt/w", true))).problems(RULES))
                .extracting(TemplateProblem::messageKey).containsExactly("error.template.mount-source-invalid");
    }

    private static TemplateDefinition withMounts(TemplateDefinition d, List<MountSpec> mounts) {
        return new TemplateDefinition(d.name(), d.displayName(), d.description(), d.icon(), d.cpuImage(), d.gpuImages(),
                d.command(), d.args(), d.ports(), d.workspacePath(), d.shmMib(), d.defaultResources(), d.maxResources(),
                d.developmentInfo(), mounts, d.runAs());
    }

    @Test
    void portsAreLimitedByThePlatformSetting() {
        TemplateDefinition many = withPorts(List.of(new PortSpec("a", 1, PortProtocol.HTTP), new PortSpec("b", 2, PortProtocol.HTTP),
                new PortSpec("c", 3, PortProtocol.HTTP)));
        assertThat(many.problems(rules(2))).extracting(TemplateProblem::messageKey).containsExactly("error.template.port-count");
        assertThat(withPorts(List.of()).problems(rules(2))).extracting(TemplateProblem::messageKey)
                .containsExactly("error.template.port-count");
    }

    @Test
    void workspaceMustBeAnAbsolutePathWithoutParentSteps() {
        assertThat(withWorkspace("/home/jovyan/work").problems(RULES)).isEmpty();
        assertThat(withWorkspace("/home/../etc").problems(RULES)).isNotEmpty();
        assertThat(withWorkspace("/home/$(id)").problems(RULES)).isNotEmpty();
    }

    @Test
    void resourcesFitWithinTheirMaximum() {
        assertThat(new LabResources(1000, 1024, 0).fitsWithin(new LabResources(1000, 1024, 0))).isTrue();
        assertThat(new LabResources(1000, 1024, 1).fitsWithin(new LabResources(8000, 8192, 0))).isFalse();
    }

    @Test
    void mountsStayInsideTheStorageRootsAndAwayFromTheWorkspace() {
        assertThat(withMounts(List.of(new MountSpec("software", "/srv/campuslab/courses/{tenant}/software", "/opt/software", true)))
                .problems(RULES)).isEmpty();
        assertThat(withMounts(List.of(new MountSpec("etc", "/etc", "/host-etc", true))).problems(RULES))
                .extracting(TemplateProblem::messageKey).containsExactly("error.template.host-path-outside-roots");
        assertThat(withMounts(List.of(new MountSpec("up", "/srv/campuslab/courses/../../../etc", "/x", true))).problems(RULES))
                .extracting(TemplateProblem::messageKey).containsExactly("error.template.host-path-outside-roots");
        assertThat(withMounts(List.of(new MountSpec("work", "/srv/campuslab/courses/a", "/home/jovyan/work", false))).problems(RULES))
                .extracting(TemplateProblem::messageKey).containsExactly("error.template.mount-path-invalid");
        assertThat(withMounts(List.of(new MountSpec("a", "/srv/campuslab/courses/a", "/a", true),
                new MountSpec("a", "/srv/campuslab/courses/b", "/b", true))).problems(RULES))
                .extracting(TemplateProblem::messageKey).containsExactly("error.template.mount-name-invalid");
    }

    private static TemplateRules rules(int maxPorts) {
        return new TemplateRules(maxPorts, GPU_KEYS,
                path -> path.startsWith("/srv/campuslab/") && !path.contains(".."));
    }

    private static TemplateDefinition withMounts(List<MountSpec> mounts) {
        TemplateDefinition j = jupyter();
        return new TemplateDefinition(j.name(), j.displayName(), j.description(), j.icon(), j.cpuImage(), j.gpuImages(),
                j.command(), j.args(), j.ports(), j.workspacePath(), j.shmMib(), j.defaultResources(), j.maxResources(),
                j.developmentInfo(), mounts);
    }

    private static TemplateDefinition jupyter() {
        return new TemplateDefinition("jupyterlab", "JupyterLab", "Notebooks", "NOTEBOOK",
                "quay.io/jupyter/scipy-notebook:python-3.12", Map.of("nvidia.com/gpu", "quay.io/jupyter/pytorch-notebook:cuda12-python-3.12"),
                List.of(), List.of(), List.of(new PortSpec("http", 8888, PortProtocol.HTTP)), "/home/jovyan/work", 1024,
                new LabResources(2000, 4096, 0), new LabResources(8000, 32768, 2), List.of("python-version: 3.12"), List.of());
    }

    private static TemplateDefinition withPorts(List<PortSpec> ports) {
        TemplateDefinition j = jupyter();
        return new TemplateDefinition(j.name(), j.displayName(), j.description(), j.icon(), j.cpuImage(), j.gpuImages(),
                j.command(), j.args(), ports, j.workspacePath(), j.shmMib(), j.defaultResources(), j.maxResources(), j.developmentInfo(), j.mounts());
    }

    private static TemplateDefinition withWorkspace(String path) {
        TemplateDefinition j = jupyter();
        return new TemplateDefinition(j.name(), j.displayName(), j.description(), j.icon(), j.cpuImage(), j.gpuImages(),
                j.command(), j.args(), j.ports(), path, j.shmMib(), j.defaultResources(), j.maxResources(), j.developmentInfo(), j.mounts());
    }
}

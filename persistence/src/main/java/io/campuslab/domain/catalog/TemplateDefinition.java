package io.campuslab.domain.catalog;

import io.campuslab.domain.tenant.TenantSlug;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything an admin says about a lab template, checked before it is stored: the name the labs are
 * named after, the images (one for CPU labs, one per GPU resource key), command and arguments, the
 * named ports, where the workspace is mounted, shared memory, default and maximum resources, and
 * the development information shown on the card.
 */
public record TemplateDefinition(String name, String displayName, String description, String icon,
                                 String cpuImage, Map<String, String> gpuImages,
                                 List<String> command, List<String> args, List<PortSpec> ports,
                                 String workspacePath, int shmMib,
                                 LabResources defaultResources, LabResources maxResources,
                                 List<String> developmentInfo) {

    public static final int MAX_DESCRIPTION = 2000;
    public static final int MAX_INFO_LINES = 20;

    public TemplateDefinition {
        gpuImages = gpuImages == null ? Map.of() : Map.copyOf(gpuImages);
        command = command == null ? List.of() : List.copyOf(command);
        args = args == null ? List.of() : List.copyOf(args);
        ports = ports == null ? List.of() : List.copyOf(ports);
        developmentInfo = developmentInfo == null ? List.of() : List.copyOf(developmentInfo);
    }

    /**
     * What is wrong with this definition, in field order; empty when it can be stored.
     *
     * @param maxPorts        the platform's limit of ports per template
     * @param allowedGpuKeys  the GPU resource keys the platform offers
     */
    public List<TemplateProblem> problems(int maxPorts, Set<String> allowedGpuKeys) {
        List<TemplateProblem> problems = new ArrayList<>();
        if (!TenantSlug.isValid(name)) {
            problems.add(TemplateProblem.of("name", "name-invalid", name == null ? "" : name));
        }
        if (displayName == null || displayName.isBlank() || displayName.length() > 100) {
            problems.add(TemplateProblem.of("displayName", "display-name-invalid"));
        }
        if (description != null && description.length() > MAX_DESCRIPTION) {
            problems.add(TemplateProblem.of("description", "description-too-long", MAX_DESCRIPTION));
        }
        if (!ImageReference.isValid(cpuImage)) {
            problems.add(TemplateProblem.of("cpuImage", "image-invalid", cpuImage == null ? "" : cpuImage));
        }
        gpuImages.forEach((key, image) -> {
            if (!allowedGpuKeys.contains(key)) {
                problems.add(TemplateProblem.of("gpuImages", "gpu-key-unknown", key));
            }
            if (!ImageReference.isValid(image)) {
                problems.add(TemplateProblem.of("gpuImages", "image-invalid", image));
            }
        });
        checkCommandLine("command", command, problems);
        checkCommandLine("args", args, problems);
        checkPorts(maxPorts, problems);
        if (workspacePath == null || !workspacePath.matches("/[\\w./-]*") || workspacePath.contains("..")) {
            problems.add(TemplateProblem.of("workspacePath", "path-invalid", workspacePath == null ? "" : workspacePath));
        }
        if (shmMib < 0 || shmMib > 65536) {
            problems.add(TemplateProblem.of("shmMib", "shm-invalid"));
        }
        if (defaultResources == null || maxResources == null || !defaultResources.fitsWithin(maxResources)) {
            problems.add(TemplateProblem.of("defaultResources", "default-exceeds-max"));
        }
        if (developmentInfo.size() > MAX_INFO_LINES || developmentInfo.stream().anyMatch(l -> l.length() > 200)) {
            problems.add(TemplateProblem.of("developmentInfo", "info-too-long", MAX_INFO_LINES));
        }
        return problems;
    }

    private void checkPorts(int maxPorts, List<TemplateProblem> problems) {
        if (ports.isEmpty() || ports.size() > maxPorts) {
            problems.add(TemplateProblem.of("ports", "port-count", maxPorts));
        }
        Set<String> names = new HashSet<>();
        Set<Integer> numbers = new HashSet<>();
        for (PortSpec port : ports) {
            if (!PortSpec.isValidName(port.name())) {
                problems.add(TemplateProblem.of("ports", "port-name-invalid", port.name() == null ? "" : port.name()));
            }
            if (!PortSpec.isValidPort(port.port())) {
                problems.add(TemplateProblem.of("ports", "port-number-invalid", port.port()));
            }
            if (!names.add(port.name()) || !numbers.add(port.port())) {
                problems.add(TemplateProblem.of("ports", "port-duplicate", port.name() + " " + port.port()));
            }
        }
    }

    private static void checkCommandLine(String field, List<String> parts, List<TemplateProblem> problems) {
        if (parts.size() > 50 || parts.stream().anyMatch(p -> p == null || p.length() > 1000 || p.contains("\n"))) {
            problems.add(TemplateProblem.of(field, "command-invalid"));
        }
    }
}

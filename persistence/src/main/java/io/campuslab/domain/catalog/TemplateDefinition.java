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
 * named ports, where the workspace is mounted, shared memory, default and maximum resources, the
 * development information shown on the card, and extra host folders mounted into the labs.
 */
public record TemplateDefinition(String name, String displayName, String description, String icon,
                                 String cpuImage, Map<String, String> gpuImages,
                                 List<String> command, List<String> args, List<PortSpec> ports,
                                 String workspacePath, int shmMib,
                                 LabResources defaultResources, LabResources maxResources,
                                 List<String> developmentInfo, List<MountSpec> mounts, RunAs runAs) {

    public static final int MAX_DESCRIPTION = 2000;
    public static final int MAX_INFO_LINES = 20;
    public static final int MAX_MOUNTS = 8;
    /** The command or its arguments, all parts with their separators, as the column holds them. */
    public static final int MAX_COMMAND_CHARS = 4000;
    public static final int MAX_PATH = 255;

    public TemplateDefinition {
        gpuImages = gpuImages == null ? Map.of() : Map.copyOf(gpuImages);
        command = command == null ? List.of() : List.copyOf(command);
        args = args == null ? List.of() : List.copyOf(args);
        ports = ports == null ? List.of() : List.copyOf(ports);
        developmentInfo = developmentInfo == null ? List.of() : List.copyOf(developmentInfo);
        mounts = mounts == null ? List.of() : List.copyOf(mounts);
        runAs = runAs == null ? RunAs.DEFAULT : runAs;
    }

    /** A definition whose image runs as the default user, 1000:100. */
    public TemplateDefinition(String name, String displayName, String description, String icon,
                              String cpuImage, Map<String, String> gpuImages,
                              List<String> command, List<String> args, List<PortSpec> ports,
                              String workspacePath, int shmMib,
                              LabResources defaultResources, LabResources maxResources,
                              List<String> developmentInfo, List<MountSpec> mounts) {
        this(name, displayName, description, icon, cpuImage, gpuImages, command, args, ports, workspacePath, shmMib,
                defaultResources, maxResources, developmentInfo, mounts, RunAs.DEFAULT);
    }

    /**
     * What is wrong with this definition, in field order; empty when it can be stored.
     *
     * @param rules what the platform settings allow
     */
    public List<TemplateProblem> problems(TemplateRules rules) {
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
        if (icon != null && !icon.matches("[A-Za-z0-9_-]{1,40}")) {
            problems.add(TemplateProblem.of("icon", "icon-invalid"));
        }
        if (!ImageReference.isValid(cpuImage)) {
            problems.add(TemplateProblem.of("cpuImage", "image-invalid", cpuImage == null ? "" : cpuImage));
        }
        gpuImages.forEach((key, image) -> {
            if (!rules.gpuResourceKeys().contains(key)) {
                problems.add(TemplateProblem.of("gpuImages", "gpu-key-unknown", key));
            }
            if (!ImageReference.isValid(image)) {
                problems.add(TemplateProblem.of("gpuImages", "image-invalid", image));
            }
        });
        checkCommandLine("command", command, problems);
        checkCommandLine("args", args, problems);
        checkPorts(rules.maxPorts(), problems);
        if (workspacePath == null || workspacePath.length() > MAX_PATH || !workspacePath.matches("/[\\w./-]*")
                || workspacePath.contains("..")) {
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
        checkMounts(rules, problems);
        if (!runAs.isValid()) {
            problems.add(TemplateProblem.of("runAs", "run-as-invalid", runAs.toString()));
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

    private void checkMounts(TemplateRules rules, List<TemplateProblem> problems) {
        if (mounts.size() > MAX_MOUNTS) {
            problems.add(TemplateProblem.of("mounts", "mount-count", MAX_MOUNTS));
        }
        Set<String> names = new HashSet<>();
        Set<String> paths = new HashSet<>();
        paths.add(workspacePath);
        for (MountSpec mount : mounts) {
            if (!MountSpec.isValidName(mount.name()) || !names.add(mount.name())) {
                problems.add(TemplateProblem.of("mounts", "mount-name-invalid", String.valueOf(mount.name())));
            }
            checkSource(mount, rules, problems);
            if (!MountSpec.isValidContainerPath(mount.mountPath()) || !paths.add(mount.mountPath())) {
                problems.add(TemplateProblem.of("mounts", "mount-path-invalid", String.valueOf(mount.mountPath())));
            }
        }
    }

    /** A named course or dataset, read-only; a host folder only where the rules allow, inside the roots. */
    private static void checkSource(MountSpec mount, TemplateRules rules, List<TemplateProblem> problems) {
        if (mount.kind() != MountSpec.Kind.HOST_FOLDER) {
            if (!TenantSlug.isValid(mount.sourceName())) {
                problems.add(TemplateProblem.of("mounts", "mount-source-invalid", mount.hostPath()));
            } else if (!mount.readOnly()) {
                problems.add(TemplateProblem.of("mounts", "mount-named-read-only", mount.hostPath()));
            }
            return;
        }
        if (!rules.hostFolders()) {
            problems.add(TemplateProblem.of("mounts", "mount-host-folder-not-allowed", String.valueOf(mount.hostPath())));
            return;
        }
        String sample = mount.hostPath() == null ? "" : mount.hostPathFor("school", "user", "template");
        if (mount.hostPath() == null || mount.hostPath().length() > MAX_PATH || !rules.hostPathAllowed().test(sample)) {
            String shown = String.valueOf(mount.hostPath());
            problems.add(TemplateProblem.of("mounts", "host-path-outside-roots",
                    shown.length() > 60 ? shown.substring(0, 60) + "…" : shown));
        }
    }

    private static void checkCommandLine(String field, List<String> parts, List<TemplateProblem> problems) {
        if (parts.size() > 50 || parts.stream().anyMatch(p -> p == null || p.length() > 1000 || p.contains("\n"))) {
            problems.add(TemplateProblem.of(field, "command-invalid"));
        } else if (parts.stream().mapToInt(p -> p.length() + 1).sum() > MAX_COMMAND_CHARS) {
            problems.add(TemplateProblem.of(field, "command-too-long", MAX_COMMAND_CHARS));
        }
    }
}

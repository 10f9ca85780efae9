package io.campuslab.web.api;

import io.campuslab.domain.catalog.LabResources;
import io.campuslab.domain.catalog.MountSpec;
import io.campuslab.domain.catalog.PortProtocol;
import io.campuslab.domain.catalog.PortSpec;
import io.campuslab.domain.catalog.RunAs;
import io.campuslab.domain.catalog.TemplateDefinition;
import java.util.List;
import java.util.Map;

/** A template as the API takes it. Resources are CPU millicores, memory MiB and GPUs. */
public record TemplateInput(String name, String displayName, String description, String icon, String cpuImage,
                            Map<String, String> gpuImages, List<String> command, List<String> args, List<Port> ports,
                            String workspacePath, Integer shmMib, Resources defaultResources, Resources maxResources,
                            List<String> developmentInfo, List<Mount> mounts, RunAs runAs) {

    /** A named port; protocol HTTP (default) or VNC. */
    public record Port(String name, int port, String protocol) {
    }

    /** A host folder inside the storage roots, seen in the lab; read-only unless said otherwise. */
    public record Mount(String name, String hostPath, String mountPath, Boolean readOnly) {
    }

    /** Resources of one lab. */
    public record Resources(int cpuMillis, int memoryMib, int gpus) {
    }

    static TemplateInput of(TemplateDefinition d) {
        return new TemplateInput(d.name(), d.displayName(), d.description(), d.icon(), d.cpuImage(), d.gpuImages(),
                d.command(), d.args(), d.ports().stream().map(p -> new Port(p.name(), p.port(), p.protocol().name())).toList(),
                d.workspacePath(), d.shmMib(), resources(d.defaultResources()), resources(d.maxResources()),
                d.developmentInfo(), d.mounts().stream()
                        .map(m -> new Mount(m.name(), m.hostPath(), m.mountPath(), m.readOnly())).toList(), d.runAs());
    }

    private static Resources resources(LabResources r) {
        return new Resources(r.cpuMillis(), r.memoryMib(), r.gpus());
    }

    TemplateDefinition toDefinition() {
        List<PortSpec> portSpecs = ports == null ? List.of() : ports.stream()
                .map(p -> new PortSpec(p.name(), p.port(), "VNC".equals(p.protocol()) ? PortProtocol.VNC : PortProtocol.HTTP))
                .toList();
        return new TemplateDefinition(name, displayName, description, icon, cpuImage, gpuImages, command, args, portSpecs,
                workspacePath, shmMib == null ? 0 : shmMib, resources(defaultResources), resources(maxResources),
                developmentInfo, mounts == null ? List.of() : mounts.stream()
                        .map(m -> new MountSpec(m.name(), m.hostPath(), m.mountPath(), m.readOnly() == null || m.readOnly()))
                        .toList(), runAs);
    }

    /** Resources that break the domain's rules become null, which the definition reports as a problem. */
    private static LabResources resources(Resources r) {
        if (r == null || r.cpuMillis() <= 0 || r.memoryMib() <= 0 || r.gpus() < 0) {
            return null;
        }
        return new LabResources(r.cpuMillis(), r.memoryMib(), r.gpus());
    }
}

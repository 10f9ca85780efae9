package io.campuslab.core.catalog;

import io.campuslab.domain.catalog.LabResources;
import io.campuslab.domain.catalog.LabTemplate;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/** A template as the portal shows it, with whether the caller's school offers it. */
public record CatalogItem(String name, String displayName, String description, String icon, boolean global,
                          boolean offered, String cpuImage, Map<String, String> gpuImages, List<Port> ports,
                          String workspacePath, LabResources defaultResources, LabResources maxResources,
                          List<String> developmentInfo, List<Mount> mounts, boolean customIcon) implements Serializable {

    /** A named port. */
    public record Port(String name, int port, String protocol) implements Serializable {
    }

    /** A host folder the labs see. */
    public record Mount(String name, String hostPath, String mountPath, boolean readOnly) implements Serializable {
    }

    static CatalogItem of(LabTemplate template, boolean offered) {
        return of(template, offered, false);
    }

    static CatalogItem of(LabTemplate template, boolean offered, boolean customIcon) {
        return new CatalogItem(template.name(), template.displayName(), template.description().orElse(""), template.icon(),
                template.isGlobal(), offered, template.cpuImage(), template.gpuImages(),
                template.ports().stream().map(p -> new Port(p.name(), p.port(), p.protocol().name())).toList(),
                template.workspacePath(), template.defaultResources(), template.maxResources(), template.developmentInfo(),
                template.mounts().stream().map(m -> new Mount(m.name(), m.hostPath(), m.mountPath(), m.readOnly())).toList(),
                customIcon);
    }

    public boolean hasGpuImage() {
        return !gpuImages.isEmpty();
    }
}

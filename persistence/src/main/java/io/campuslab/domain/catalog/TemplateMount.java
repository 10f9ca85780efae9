package io.campuslab.domain.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** How a template's mount is stored: one row of {@code lab_template_mounts}. */
@Embeddable
class TemplateMount {

    @Column(name = "name", nullable = false, length = 32)
    private String name;

    @Column(name = "host_path", nullable = false, length = 255)
    private String hostPath;

    @Column(name = "mount_path", nullable = false, length = 255)
    private String mountPath;

    @Column(name = "read_only", nullable = false)
    private boolean readOnly;

    protected TemplateMount() {
        // for Jakarta Persistence
    }

    TemplateMount(MountSpec spec) {
        this.name = spec.name();
        this.hostPath = spec.hostPath();
        this.mountPath = spec.mountPath();
        this.readOnly = spec.readOnly();
    }

    MountSpec spec() {
        return new MountSpec(name, hostPath, mountPath, readOnly);
    }
}

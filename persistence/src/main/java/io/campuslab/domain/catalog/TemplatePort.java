package io.campuslab.domain.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** How a template's port is stored: one row of {@code lab_template_ports}. */
@Embeddable
class TemplatePort {

    @Column(name = "name", nullable = false, length = 15)
    private String name;

    @Column(name = "port", nullable = false)
    private int port;

    @Enumerated(EnumType.STRING)
    @Column(name = "protocol", nullable = false, length = 8)
    private PortProtocol protocol;

    protected TemplatePort() {
        // for Jakarta Persistence
    }

    TemplatePort(PortSpec spec) {
        this.name = spec.name();
        this.port = spec.port();
        this.protocol = spec.protocol();
    }

    PortSpec spec() {
        return new PortSpec(name, port, protocol);
    }
}

package io.campuslab.domain.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.regex.Pattern;

/** A named port of a lab, e.g. {@code http 8888} for JupyterLab. Names follow Kubernetes' port names. */
@Embeddable
public class PortSpec {

    /** An IANA service name as Kubernetes checks it: at most 15 characters, a letter among them. */
    private static final Pattern NAME = Pattern.compile("(?=.*[a-z])[a-z0-9]([a-z0-9-]{0,13}[a-z0-9])?");

    @Column(name = "name", nullable = false, length = 15)
    private String name;

    @Column(name = "port", nullable = false)
    private int port;

    @Enumerated(EnumType.STRING)
    @Column(name = "protocol", nullable = false, length = 8)
    private PortProtocol protocol;

    protected PortSpec() {
        // for Jakarta Persistence
    }

    public PortSpec(String name, int port, PortProtocol protocol) {
        this.name = name;
        this.port = port;
        this.protocol = protocol;
    }

    public static boolean isValidName(String name) {
        return name != null && NAME.matcher(name).matches() && !name.contains("--");
    }

    public static boolean isValidPort(int port) {
        return port >= 1 && port <= 65535;
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public PortProtocol protocol() {
        return protocol;
    }
}

package io.campuslab.domain.catalog;

import java.io.Serializable;
import java.util.regex.Pattern;

/** A named port of a lab, e.g. {@code http 8888} for JupyterLab. Names follow Kubernetes' port names. */
public record PortSpec(String name, int port, PortProtocol protocol) implements Serializable {

    /** An IANA service name as Kubernetes checks it: at most 15 characters, a letter among them. */
    private static final Pattern NAME = Pattern.compile("(?=.*[a-z])[a-z0-9]([a-z0-9-]{0,13}[a-z0-9])?");

    public static boolean isValidName(String name) {
        return name != null && NAME.matcher(name).matches() && !name.contains("--");
    }

    public static boolean isValidPort(int port) {
        return port >= 1 && port <= 65535;
    }
}

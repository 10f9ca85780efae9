package io.campuslab.core.cluster;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How a running lab is reached: the token the lab asks for, and the node port of each of its named
 * ports in the template's order (empty when the lab is reached through an Ingress).
 */
public record LabAccess(Map<String, Integer> nodePorts, String token) {

    public LabAccess {
        nodePorts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(nodePorts));
    }

    /** The node port of the named port, or of the first port when no name is given. */
    public Optional<Integer> nodePort(String portNameOrNull) {
        if (portNameOrNull == null) {
            return nodePorts.values().stream().findFirst();
        }
        return Optional.ofNullable(nodePorts.get(portNameOrNull));
    }
}

package io.campuslab.core.cluster;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How the lab gateway reaches a running lab: the token the lab asks for (the gateway adds it to
 * every request it forwards), and the address of each of its named ports, in the template's order,
 * as the Service's EndpointSlices say: the pod's address and the container's port.
 */
public record LabAccess(Map<String, Endpoint> endpoints, String token) {

    public LabAccess {
        endpoints = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(endpoints));
    }

    /** The address of the named port, or of the first port when no name is given. */
    public Optional<Endpoint> endpoint(String portNameOrNull) {
        if (portNameOrNull == null) {
            return endpoints.values().stream().findFirst();
        }
        return Optional.ofNullable(endpoints.get(portNameOrNull));
    }

    /** One ready address of a lab's port. */
    public record Endpoint(String host, int port) {
    }
}

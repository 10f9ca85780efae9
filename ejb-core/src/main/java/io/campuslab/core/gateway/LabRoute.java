package io.campuslab.core.gateway;

import io.campuslab.core.cluster.LabAccess;
import io.campuslab.core.gateway.GatewayPasses.Standing;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A running lab as the gateway sees it: its key, where it runs, the token it asks for, the address
 * of each port, and who may enter it and as what. Rebuilt every few seconds from the database and
 * the cluster; a lab that stops, or a person who loses access, drops out with the next rebuild.
 *
 * @param ports    the template's port names in order; the first is the lab's front door
 * @param access   the lab's token and the ready address of each port
 * @param teachers the subjects of the teacher of the class session the lab belongs to, while it runs
 * @param admins   the subjects of the school's admins, when the school lets them open labs
 */
public record LabRoute(long labId, String key, String tenant, String ownerSubject, List<String> ports, LabAccess access,
                       Set<String> teachers, Set<String> admins) {

    public LabRoute {
        ports = List.copyOf(ports);
        teachers = Set.copyOf(teachers);
        admins = Set.copyOf(admins);
    }

    /** Whether the person may enter the lab in the standing their pass names. */
    public boolean admits(String subject, Standing standing) {
        return switch (standing) {
            case OWNER -> ownerSubject.equals(subject);
            case TEACHER -> teachers.contains(subject);
            case ADMIN -> admins.contains(subject);
        };
    }

    /** The address of a port by name; the first port for null. */
    public java.util.Optional<LabAccess.Endpoint> endpoint(String portOrNull) {
        return access.endpoint(portOrNull);
    }

    /** Routes by key. */
    public static Map<String, LabRoute> byKey(List<LabRoute> routes) {
        Map<String, LabRoute> map = new java.util.HashMap<>();
        routes.forEach(route -> map.put(route.key(), route));
        return Map.copyOf(map);
    }
}

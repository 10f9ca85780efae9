package io.campuslab.core.lab;

import io.campuslab.core.gateway.GatewayRefresh;
import io.campuslab.core.gateway.GatewayDirectory;
import io.campuslab.core.gateway.LabRoute;
import io.campuslab.core.platform.CampusLabException;
import io.campuslab.core.platform.ConflictException;
import io.campuslab.core.platform.NotFoundException;
import io.campuslab.domain.identity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Opening a lab: checks who may enter it and as what ({@link LabService#enter}), then hands out the
 * gateway's one-time ticket for it. The browser goes to the lab's address on the gateway with the
 * ticket, the gateway exchanges it for a lab-scoped HttpOnly cookie and sends the browser on without
 * it: no token stays in an address. No transaction is open while the gateway learns of a lab that
 * has just started.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class LabOpening {

    @Inject
    LabService labs;

    @Inject
    GatewayRefresh gateway;

    /** Where a lab is entered: its key (and port), the one-time ticket, and the lab domain if labs have their own hosts. */
    public record GatewayEntry(String key, String portOrNull, String ticket, Optional<String> labDomain)
            implements java.io.Serializable {

        /** The lab's segment on the gateway: its key, or {@code <key>-<port>} for a port other than the first. */
        public String segment() {
            return portOrNull == null ? key : key + "-" + portOrNull;
        }

        /**
         * The address that enters the lab, on the portal's scheme and port: {@code /labs/<segment>/} on
         * the portal's host, or the lab's own host {@code <segment>.<lab domain>}.
         */
        public String address(String scheme, String portalHost, int port) {
            String query = "_campuslab/enter?ticket=" + ticket;
            if (labDomain.isPresent()) {
                boolean defaultPort = port <= 0 || "https".equals(scheme) && port == 443 || "http".equals(scheme) && port == 80;
                return scheme + "://" + segment() + "." + labDomain.get() + (defaultPort ? "" : ":" + port) + "/" + query;
            }
            return scheme + "://" + portalHost + "/labs/" + segment() + "/" + query;
        }
    }

    /** The entry to the caller's running lab (or one they may enter) at its first port. */
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TEACHER, Roles.STUDENT})
    public GatewayEntry enter(long id) throws CampusLabException {
        return enter(id, null);
    }

    /** The entry to one named port of a lab the caller may enter (the first when null). */
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TEACHER, Roles.STUDENT})
    public GatewayEntry enter(long id, String portNameOrNull) throws CampusLabException {
        LabService.LabEntry entry = labs.enter(id);
        if (portNameOrNull != null && !entry.ports().contains(portNameOrNull)) {
            throw new NotFoundException("port", portNameOrNull);
        }
        String port = portNameOrNull == null || entry.ports().isEmpty() || entry.ports().get(0).equals(portNameOrNull)
                ? null : portNameOrNull;
        GatewayDirectory directory = gateway.directory();
        Optional<LabRoute> route = directory.routeOf(entry.labId());
        if (route.isEmpty() || !route.get().admits(entry.subject(), entry.standing())) {
            // a lab that just started, or a right just given (a session, a setting): the routes learn it now
            gateway.refresh();
            route = directory.routeOf(entry.labId());
        }
        if (route.isEmpty() || !route.get().admits(entry.subject(), entry.standing())
                || port != null && route.get().endpoint(port).isEmpty()) {
            throw new ConflictException("error.lab.not-reachable-yet");
        }
        return new GatewayEntry(entry.key(), port, directory.ticket(entry.labId(), entry.subject(), entry.standing()),
                directory.labDomain());
    }
}

package io.campuslab.core.lab;

import io.campuslab.core.cluster.ClusterGateway;
import io.campuslab.core.cluster.LabAccess;
import io.campuslab.core.platform.CampusLabException;
import io.campuslab.core.platform.ConflictException;
import io.campuslab.core.platform.NotFoundException;
import io.campuslab.core.platform.SettingsSource;
import io.campuslab.domain.identity.Roles;
import io.campuslab.domain.platform.AccessMode;
import io.campuslab.domain.platform.PlatformSettings;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Opening a lab: checks that the caller owns it and that it runs (recorded as activity), then builds
 * its address with the lab's token, read from the cluster. No transaction is open during that call.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class LabOpening {

    @Inject
    LabService labs;

    @Inject
    ClusterGateway cluster;

    @Inject
    SettingsSource settings;

    /** The address that opens the caller's running lab at its first port, token included. */
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TEACHER, Roles.STUDENT})
    public String url(long id) throws CampusLabException {
        return url(id, null);
    }

    /** The address that opens one named port of the caller's running lab (the first when null), token included. */
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TEACHER, Roles.STUDENT})
    public String url(long id, String portNameOrNull) throws CampusLabException {
        LabService.LabTarget target = labs.open(id);
        PlatformSettings platform = settings.current();
        LabAccess access = cluster.access(target.namespace(), target.name())
                .orElseThrow(() -> new ConflictException("error.lab.not-reachable-yet"));
        String token = URLEncoder.encode(access.token(), StandardCharsets.UTF_8);
        if (portNameOrNull != null && !target.ports().isEmpty() && !target.ports().contains(portNameOrNull)) {
            throw new NotFoundException("port", portNameOrNull);
        }
        if (platform.accessMode() == AccessMode.INGRESS && platform.ingressBaseHost().isPresent()) {
            boolean first = portNameOrNull == null || target.ports().isEmpty() || target.ports().get(0).equals(portNameOrNull);
            return "https://" + LabBlueprint.ingressHost(target.name(), platform.ingressBaseHost().get(), first ? null : portNameOrNull)
                    + "/?token=" + token;
        }
        int nodePort = access.nodePort(portNameOrNull).orElseThrow(() -> portNameOrNull == null
                ? new ConflictException("error.lab.not-reachable-yet") : new NotFoundException("port", portNameOrNull));
        return "http://" + platform.nodePortHost() + ":" + nodePort + "/?token=" + token;
    }
}

package io.campuslab.core.cluster;

import io.campuslab.domain.identity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/** The platform admin's view of the cluster. No transaction: it only reads the Kubernetes API. */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ClusterService {

    @Inject
    ClusterGateway cluster;

    @RolesAllowed(Roles.PLATFORM_ADMIN)
    public ClusterOverview overview() throws ClusterUnavailableException {
        return new ClusterOverview(cluster.listNodes());
    }
}

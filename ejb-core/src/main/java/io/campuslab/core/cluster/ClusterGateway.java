package io.campuslab.core.cluster;

import java.util.List;

/**
 * The port to the compute cluster. The production adapter speaks to the Kubernetes API (in-cluster
 * service account or kubeconfig); the same adapter runs against the dev-cluster on one machine.
 */
public interface ClusterGateway {

    /** Every node with its allocatable capacity, in one call. */
    List<ClusterNode> listNodes() throws ClusterUnavailableException;
}

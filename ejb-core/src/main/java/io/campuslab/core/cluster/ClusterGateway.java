package io.campuslab.core.cluster;

import io.campuslab.core.lab.LabBlueprint;
import java.util.List;

/**
 * The port to the compute cluster. The production adapter speaks to the Kubernetes API (in-cluster
 * service account or kubeconfig); the same adapter runs against the dev-cluster on one machine.
 */
public interface ClusterGateway {

    /** Every node with its allocatable capacity, in one call. */
    List<ClusterNode> listNodes() throws ClusterUnavailableException;

    /** Nodes, their room for labs and every lab pod: two list calls, whatever the number of labs. */
    ClusterSnapshot snapshot() throws ClusterUnavailableException;

    /**
     * Creates what a lab needs that is not there yet: its school's namespace, the secret with the
     * access token, the service and the pod. Objects that exist are left as they are, so calling it
     * again after a crash finishes the work without duplicates.
     */
    void provision(LabBlueprint lab, String token) throws ClusterUnavailableException;

    /** The node port of a lab's service and its token; empty while the service has no node port yet. */
    java.util.Optional<LabAccess> access(String namespace, String name) throws ClusterUnavailableException;

    /** Deletes a lab's pod, service and secret; what is gone already counts as deleted. */
    void remove(String namespace, String name) throws ClusterUnavailableException;
}

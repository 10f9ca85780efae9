package io.campuslab.core.cluster;

import java.util.List;

/**
 * The port to the compute cluster. The production adapter speaks to the Kubernetes API (in-cluster
 * service account or kubeconfig); the same adapter runs against the dev-cluster on one machine.
 */
public interface ClusterGateway {

    /** Every node with its allocatable capacity, in one call. */
    List<ClusterNode> listNodes() throws ClusterUnavailableException;

    /**
     * Nodes, their room for labs, every lab pod and the policy each school namespace carries: three
     * list calls, whatever the number of labs and schools.
     */
    ClusterSnapshot snapshot() throws ClusterUnavailableException;

    /**
     * Writes a school's namespace, ResourceQuota, LimitRange and NetworkPolicies as the policy says,
     * creating what is missing and replacing what differs.
     */
    void applySchool(SchoolPolicy school) throws ClusterUnavailableException;

    /**
     * Creates what a lab needs that is not there yet in its school's namespace: the student's
     * workspace claim (claim mode), the secret with the access token, the ClusterIP service and the pod. Objects that exist are left as they are, so calling it
     * again after a crash finishes the work without duplicates.
     *
     * @throws LabRefusedException the cluster refused this lab's objects (its namespace's quota, an invalid object)
     */
    void provision(LabBlueprint lab, String token) throws ClusterUnavailableException, LabRefusedException;

    /**
     * The lab's token and the ready address of each of its ports (the Service's EndpointSlices);
     * empty while the lab has no ready address yet.
     */
    java.util.Optional<LabAccess> access(String namespace, String name) throws ClusterUnavailableException;

    /** Deletes a lab's pod, service and secret; what is gone already counts as deleted. The student's workspace claim stays. */
    void remove(String namespace, String name) throws ClusterUnavailableException;

    /** Deletes a student's workspace claim (their account is deleted); one that is gone already counts as deleted. */
    void removeWorkspace(String namespace, String claim) throws ClusterUnavailableException;
}

package io.campuslab.domain.platform;

/** How students reach their labs. */
public enum AccessMode {
    /** A NodePort service per lab, reached at the node-port host: one box or a small cluster. */
    NODE_PORT,
    /** A ClusterIP service and an Ingress rule per lab under the ingress base host: a real cluster. */
    INGRESS
}

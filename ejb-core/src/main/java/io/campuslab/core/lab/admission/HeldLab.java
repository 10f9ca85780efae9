package io.campuslab.core.lab.admission;

/** A lab that holds resources: admitted, provisioning or running; on a node once the cluster placed it. */
public record HeldLab(String tenant, String user, Demand demand, String nodeOrNull) {
}

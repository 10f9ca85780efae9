package io.campuslab.core.lab.admission;

/**
 * A lab that holds resources: admitted, provisioning or running; on a node once the cluster placed it.
 *
 * @param sessionOrNull the class session the lab serves; null for a lab someone asked for
 * @param sequence      the order in which labs were asked for: the latest are given back first
 * @param reclaiming    whether the lab already stops soon to give its room back to a session
 */
public record HeldLab(long labId, String tenant, String user, Demand demand, String nodeOrNull, Long sessionOrNull,
                      long sequence, boolean reclaiming) {

    /** A lab someone asked for, known by its school, owner and size only. */
    public HeldLab(String tenant, String user, Demand demand, String nodeOrNull) {
        this(0, tenant, user, demand, nodeOrNull, null, 0, false);
    }
}

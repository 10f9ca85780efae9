package io.campuslab.core.lab.admission;

/**
 * A lab waiting to start.
 *
 * @param sequence      the order of requests (earlier first): the queue is first come, first served
 *                      within a user and a school
 * @param sessionOrNull the class session the lab was prepared for; null for a lab someone asked for
 */
public record QueuedLab(long labId, String tenant, String user, long sequence, Demand demand, Long sessionOrNull) {

    /** A lab someone asked for themselves. */
    public QueuedLab(long labId, String tenant, String user, long sequence, Demand demand) {
        this(labId, tenant, user, sequence, demand, null);
    }
}

package io.campuslab.core.lab.admission;

/**
 * A lab waiting to start.
 *
 * @param sequence the order of requests (earlier first): the queue is first come, first served within
 *                 a user and a school
 */
public record QueuedLab(long labId, String tenant, String user, long sequence, Demand demand) {
}

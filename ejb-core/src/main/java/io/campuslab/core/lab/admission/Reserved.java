package io.campuslab.core.lab.admission;

/**
 * Capacity a class session holds now: a seat (one lab of the session's size) per student. Seats
 * its own labs do not fill are kept free for them, unless the session lends them: then other labs
 * may use them until the session's labs need them back.
 *
 * @param session the session whose labs fill the seats
 * @param owner   what people call it, to say who holds the capacity ("Physics 3B")
 * @param lent    whether the seats not filled may be used by other labs meanwhile
 */
public record Reserved(long session, String tenant, String owner, Demand perStudent, int seats, boolean lent) {

    public Reserved {
        if (seats < 0) {
            throw new IllegalArgumentException("A reservation has zero or more seats");
        }
    }
}

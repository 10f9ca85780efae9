package io.campuslab.core.classroom;

import io.campuslab.core.lab.admission.Demand;
import java.time.Instant;

/**
 * Capacity a session holds for its roster during its window: one lab of the session's size per
 * student, from the pre-warm on to the end.
 *
 * @param owner    what people call it, to say who holds capacity ("Physics 3B, Tuesday 08:00")
 * @param tenant   the school
 * @param students how many labs
 */
public record Reservation(String owner, String tenant, Instant from, Instant to, Demand perStudent, int students) {

    public Reservation {
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("A reservation ends after it starts");
        }
        if (students < 0) {
            throw new IllegalArgumentException("A reservation is for zero or more students");
        }
    }

    boolean overlaps(Instant start, Instant end) {
        return from.isBefore(end) && start.isBefore(to);
    }

    boolean holdsAt(Instant instant) {
        return !instant.isBefore(from) && instant.isBefore(to);
    }

    long gpus() {
        return (long) perStudent.gpus() * students;
    }

    long cpuRequestMillis() {
        return (long) perStudent.cpuRequestMillis() * students;
    }

    long memoryRequestMib() {
        return (long) perStudent.memoryRequestMib() * students;
    }

    long cpuLimitMillis() {
        return (long) perStudent.cpuLimitMillis() * students;
    }

    long memoryLimitMib() {
        return (long) perStudent.memoryLimitMib() * students;
    }
}

package io.campuslab.domain.tenant;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * A school's term: from its first to its last day, both inclusive, counted in UTC days like the
 * monthly budgets. At most a year and a bit.
 */
public record Term(LocalDate starts, LocalDate ends) implements Serializable {

    /** The longest a term may last, in days. */
    public static final int LONGEST_DAYS = 400;

    public Term {
        if (starts == null || ends == null || ends.isBefore(starts) || ChronoUnit.DAYS.between(starts, ends) >= LONGEST_DAYS) {
            throw new IllegalArgumentException("A term ends on or after its first day, within " + LONGEST_DAYS + " days");
        }
    }

    public static boolean isValid(LocalDate starts, LocalDate ends) {
        return starts != null && ends != null && !ends.isBefore(starts) && ChronoUnit.DAYS.between(starts, ends) < LONGEST_DAYS;
    }

    public Instant start() {
        return starts.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The first instant after the term. */
    public Instant end() {
        return ends.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    public boolean contains(Instant instant) {
        return !instant.isBefore(start()) && instant.isBefore(end());
    }
}

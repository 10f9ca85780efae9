package io.campuslab.core.classroom;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * When a session takes place: once, or every week at the same local time until the end of a term.
 * Local time is the school's: "Tuesday 08:00" stays 08:00 across a change of daylight saving time.
 */
public final class SessionSchedule {

    /** The most occurrences one weekly series may have: a school year and a half. */
    public static final int MOST_OCCURRENCES = 80;

    /** One occurrence of a session. */
    public record Window(Instant start, Instant end) {
    }

    private SessionSchedule() {
    }

    public static List<Window> once(LocalDateTime start, Duration length, ZoneId zone) {
        Instant begins = start.atZone(zone).toInstant();
        return List.of(new Window(begins, begins.plus(length)));
    }

    /** Every week from the first start to the last day of term, inclusive. */
    public static List<Window> weekly(LocalDateTime firstStart, Duration length, LocalDate lastDay, ZoneId zone) {
        if (length.isNegative() || length.isZero()) {
            throw new IllegalArgumentException("A session lasts some time");
        }
        List<Window> windows = new ArrayList<>();
        for (ZonedDateTime start = firstStart.atZone(zone); !start.toLocalDate().isAfter(lastDay);
                start = start.toLocalDateTime().plusWeeks(1).atZone(zone)) {
            if (windows.size() == MOST_OCCURRENCES) {
                throw new IllegalArgumentException("A weekly session may take place at most " + MOST_OCCURRENCES + " times");
            }
            windows.add(new Window(start.toInstant(), start.toInstant().plus(length)));
        }
        return windows;
    }
}

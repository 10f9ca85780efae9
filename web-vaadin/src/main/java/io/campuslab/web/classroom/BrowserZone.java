package io.campuslab.web.classroom;

import com.vaadin.flow.component.UI;
import io.campuslab.core.classroom.SessionSummary;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The time zone of the member's browser, in which sessions are scheduled and shown; UTC until the browser said. */
public final class BrowserZone {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private BrowserZone() {
    }

    public static ZoneId of(UI ui) {
        var details = ui.getInternals().getExtendedClientDetails();
        if (details == null || details.getTimeZoneId() == null) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(details.getTimeZoneId());
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }

    /** Asks the browser once, then runs the callback (at once when it is known). */
    public static void whenKnown(UI ui, Runnable callback) {
        ui.getPage().retrieveExtendedClientDetails(details -> callback.run());
    }

    public static String when(Instant instant, ZoneId zone) {
        return instant == null ? "" : WHEN.format(instant.atZone(zone));
    }

    public static String time(Instant instant, ZoneId zone) {
        return instant == null ? "" : TIME.format(instant.atZone(zone));
    }

    /**
     * What comes next for a session, in words: "starts in 9 min (08:00)", "ends in 40 min (09:30)",
     * "labs stop at 09:35"; empty once it is over.
     */
    public static String countdown(com.vaadin.flow.component.Component words, SessionSummary session, Instant now, ZoneId zone) {
        return switch (session.phase()) {
            case SCHEDULED, PREPARING -> words.getTranslation("session.starts-in", minutesUntil(session.startsAt(), now),
                    time(session.startsAt(), zone));
            case LIVE -> words.getTranslation("session.ends-in", minutesUntil(session.endsAt(), now), time(session.endsAt(), zone));
            case ENDING -> words.getTranslation("session.labs-stop-at", time(session.labsStopAt(), zone));
            default -> "";
        };
    }

    private static long minutesUntil(Instant then, Instant now) {
        return Math.max(0, (java.time.Duration.between(now, then).getSeconds() + 59) / 60);
    }
}

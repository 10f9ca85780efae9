package io.campuslab.web.classroom;

import com.vaadin.flow.component.UI;
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
}

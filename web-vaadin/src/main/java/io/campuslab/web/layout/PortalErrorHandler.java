package io.campuslab.web.layout;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import com.vaadin.flow.component.notification.NotificationVariant;
import io.campuslab.web.i18n.Messages;
import java.util.Locale;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Any failure no view handled, shown to the person in their language: an expected refusal as one log
 * line, anything else logged once in full with an id that the person sees too.
 */
public class PortalErrorHandler implements ErrorHandler {

    private static final Logger LOG = Logger.getLogger(PortalErrorHandler.class.getName());

    @Override
    public void error(ErrorEvent event) {
        Throwable failure = event.getThrowable();
        UI ui = UI.getCurrent();
        if (ErrorMessages.isExpected(failure)) {
            LOG.warning(() -> "Refused in the portal: " + ErrorMessages.text(failure, Locale.ENGLISH));
            if (ui != null) {
                ui.access(() -> ErrorMessages.show(failure));
            }
            return;
        }
        if (DatabaseOutage.causes(failure)) {
            LOG.warning("The database cannot be reached; told the person to try again");
            if (ui != null) {
                ui.access(() -> ErrorMessages.notify(Messages.get(ui.getLocale(), DatabaseOutage.MESSAGE_KEY),
                        "error-notification", NotificationVariant.LUMO_ERROR));
            }
            return;
        }
        String id = UUID.randomUUID().toString().substring(0, 8);
        LOG.log(Level.SEVERE, failure, () -> "Unexpected failure " + id + " in the portal");
        if (ui != null) {
            ui.access(() -> ErrorMessages.notify(Messages.get(ui.getLocale(), "error.unexpected-with-id", id),
                    "error-notification", NotificationVariant.LUMO_ERROR));
        }
    }
}

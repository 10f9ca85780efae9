package io.campuslab.web.layout;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import io.campuslab.core.platform.CampusLabException;
import io.campuslab.web.i18n.Messages;
import jakarta.ejb.EJBAccessException;
import java.util.Locale;
import java.util.Optional;

/** The one place that turns a failure into words a person understands, in their language. */
public final class ErrorMessages {

    private ErrorMessages() {
    }

    public static String text(Throwable failure, Locale locale) {
        return expected(failure)
                .map(e -> Messages.get(locale, e.messageKey(), e.arguments().toArray()))
                .orElseGet(() -> Messages.get(locale, isAccessDenied(failure) ? "error.not-permitted" : "error.unexpected"));
    }

    public static void show(Throwable failure) {
        UI ui = UI.getCurrent();
        Notification notification = Notification.show(text(failure, ui == null ? Locale.ENGLISH : ui.getLocale()),
                6000, Notification.Position.TOP_CENTER);
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
        notification.setId("error-notification");
    }

    private static Optional<CampusLabException> expected(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof CampusLabException e) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    private static boolean isAccessDenied(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof EJBAccessException || t instanceof SecurityException) {
                return true;
            }
        }
        return false;
    }
}

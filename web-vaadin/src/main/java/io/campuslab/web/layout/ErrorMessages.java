package io.campuslab.web.layout;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
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
        notify(text(failure, ui == null ? Locale.ENGLISH : ui.getLocale()), "error-notification", NotificationVariant.LUMO_ERROR);
    }

    /**
     * Shows a short message; the id goes on the text, since the notification element itself renders
     * nothing where tests (and assistive tools) look.
     */
    public static void notify(String text, String id, NotificationVariant variant) {
        Span content = new Span(text);
        content.setId(id);
        Notification notification = new Notification(content);
        notification.setDuration(variant == NotificationVariant.LUMO_ERROR ? 6000 : 4000);
        notification.setPosition(variant == NotificationVariant.LUMO_ERROR ? Notification.Position.TOP_CENTER
                : Notification.Position.BOTTOM_START);
        notification.addThemeVariants(variant);
        notification.open();
    }

    /** Whether the failure is one the portal expects (a refusal, bad input), not a fault. */
    public static boolean isExpected(Throwable failure) {
        return expected(failure).isPresent() || isAccessDenied(failure);
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

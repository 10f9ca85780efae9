package io.campuslab.web.i18n;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinSession;
import jakarta.servlet.http.Cookie;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The language a person chose, kept in the session and, for the next visit, in a cookie. Without a
 * choice the browser's language decides.
 */
public final class LanguagePreference {

    public static final String COOKIE = "campuslab-language";

    private LanguagePreference() {
    }

    /** Applies a remembered choice to a new session. */
    public static void restore(VaadinSession session, VaadinRequest request) {
        Optional.ofNullable(request.getCookies()).flatMap(cookies -> Arrays.stream(cookies)
                        .filter(c -> COOKIE.equals(c.getName())).findFirst())
                .map(c -> Messages.supported(Locale.forLanguageTag(c.getValue())))
                .ifPresentOrElse(session::setLocale, () -> session.setLocale(Messages.supported(request.getLocale())));
    }

    /** The language of a plain servlet request: the remembered choice, else the browser's. */
    public static Locale of(jakarta.servlet.http.HttpServletRequest request) {
        return Optional.ofNullable(request.getCookies()).flatMap(cookies -> Arrays.stream(cookies)
                        .filter(c -> COOKIE.equals(c.getName())).findFirst())
                .map(c -> Messages.supported(Locale.forLanguageTag(c.getValue())))
                .orElseGet(() -> Messages.supported(request.getLocale()));
    }

    /**
     * The language of a request outside the servlets (the lab gateway): the remembered choice, else
     * the first language of the browser's list that CampusLab speaks, else English.
     */
    public static Locale of(String rememberedOrNull, String acceptLanguageOrNull) {
        if (rememberedOrNull != null && !rememberedOrNull.isBlank()) {
            return Messages.supported(Locale.forLanguageTag(rememberedOrNull));
        }
        if (acceptLanguageOrNull == null || acceptLanguageOrNull.length() > 500) {
            return Messages.ENGLISH;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguageOrNull)) {
                String language = range.getRange().split("-", 2)[0];
                if (Messages.SUPPORTED.stream().anyMatch(supported -> supported.getLanguage().equals(language))) {
                    return Messages.supported(Locale.forLanguageTag(range.getRange()));
                }
            }
        } catch (IllegalArgumentException malformed) {
            return Messages.ENGLISH;
        }
        return Messages.ENGLISH;
    }

    public static void choose(Locale locale) {
        Locale chosen = Messages.supported(locale);
        VaadinSession.getCurrent().setLocale(chosen);
        VaadinResponse response = VaadinResponse.getCurrent();
        if (response != null) {
            Cookie cookie = new Cookie(COOKIE, chosen.toLanguageTag());
            cookie.setPath("/");
            cookie.setMaxAge(365 * 24 * 3600);
            cookie.setHttpOnly(true);
            response.addCookie(cookie);
        }
    }
}

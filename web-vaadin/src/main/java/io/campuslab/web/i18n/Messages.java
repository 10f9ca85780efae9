package io.campuslab.web.i18n;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The message bundles {@code i18n/messages*.properties} (UTF-8), for the UI and the REST API alike. */
public final class Messages {

    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale SIMPLIFIED_CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final List<Locale> SUPPORTED = List.of(ENGLISH, SIMPLIFIED_CHINESE);

    private static final String BUNDLE = "i18n.messages";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Messages() {
    }

    /** The supported locale closest to the given one: Chinese for any zh, else English. */
    public static Locale supported(Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage()) ? SIMPLIFIED_CHINESE : ENGLISH;
    }

    public static String get(Locale locale, String key, Object... arguments) {
        String pattern;
        try {
            pattern = ResourceBundle.getBundle(BUNDLE, supported(locale), Messages.class.getClassLoader(), NO_FALLBACK)
                    .getString(key);
        } catch (MissingResourceException e) {
            return "!" + key;
        }
        if (arguments.length == 0) {
            return pattern;
        }
        // The bundles are plain text with {0}-style arguments: an apostrophe is an apostrophe, and
        // a brace around anything but a number ({tenant}) is text, not MessageFormat syntax.
        String plain = pattern.replace("'", "''").replaceAll("\\{(?![0-9])", "'{'");
        return new MessageFormat(plain, supported(locale)).format(arguments);
    }
}

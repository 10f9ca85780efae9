package io.campuslab.domain.catalog;

import java.util.regex.Pattern;

/**
 * A container image reference as the container runtime reads it:
 * {@code [registry[:port]/]path[:tag][@sha256:digest]}, path components in lower case.
 */
public final class ImageReference {

    private static final String COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
    private static final String REGISTRY = "(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]+)?/)?";
    private static final Pattern REFERENCE = Pattern.compile(REGISTRY + COMPONENT + "(?:/" + COMPONENT + ")*"
            + "(?::[\\w][\\w.-]{0,127})?(?:@sha256:[a-f0-9]{64})?");
    private static final int MAX_LENGTH = 255;

    private ImageReference() {
    }

    public static boolean isValid(String reference) {
        return reference != null && !reference.isEmpty() && reference.length() <= MAX_LENGTH
                && REFERENCE.matcher(reference).matches();
    }
}

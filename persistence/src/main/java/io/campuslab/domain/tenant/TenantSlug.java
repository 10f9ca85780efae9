package io.campuslab.domain.tenant;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The short, stable name of a school, as it appears in the {@code tenant} claim of a token, in URLs
 * and in the Kubernetes namespace {@code cl-<slug>}. A DNS-1123 label of at most 40 characters, so
 * that every name derived from it stays within Kubernetes' 63-character limit.
 */
public record TenantSlug(String value) {

    public static final int MAX_LENGTH = 40;
    private static final Pattern DNS_1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

    public TenantSlug {
        Objects.requireNonNull(value, "slug");
        if (value.isEmpty() || value.length() > MAX_LENGTH || !DNS_1123_LABEL.matcher(value).matches()) {
            throw new IllegalArgumentException("Not a valid school slug: '" + value
                    + "' (lower-case letters, digits and '-', at most " + MAX_LENGTH + " characters)");
        }
    }

    public static boolean isValid(String value) {
        return value != null && !value.isEmpty() && value.length() <= MAX_LENGTH
                && DNS_1123_LABEL.matcher(value).matches();
    }

    /** The namespace that holds this school's labs on the cluster. */
    public String namespace() {
        return "cl-" + value;
    }

    @Override
    public String toString() {
        return value;
    }
}

package io.campuslab.domain.catalog;

import java.util.regex.Pattern;

/**
 * An extra folder a template's labs see, read from its source: {@code course:<name>} (the material of
 * one of the lab's school's courses), {@code dataset:<name>} (one of the school's datasets, or a global
 * one), always read-only and chosen by name, never by path; or — in the platform admin's global
 * templates only — a host folder inside the platform's storage roots, which may name the lab's school,
 * user and template as {@code {tenant}}, {@code {user}} and {@code {template}}.
 */
public record MountSpec(String name, String hostPath, String mountPath, boolean readOnly) implements java.io.Serializable {

    private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9]{0,30}[a-z0-9])?");
    private static final Pattern CONTAINER_PATH = Pattern.compile("(/[\\w.-]+)+");

    /** What a mount reads from. */
    public enum Kind {
        COURSE("course:"), DATASET("dataset:"), HOST_FOLDER("");

        private final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }
    }

    /** What this mount reads from, by the form of its source. */
    public Kind kind() {
        if (hostPath != null && hostPath.startsWith(Kind.COURSE.prefix)) {
            return Kind.COURSE;
        }
        return hostPath != null && hostPath.startsWith(Kind.DATASET.prefix) ? Kind.DATASET : Kind.HOST_FOLDER;
    }

    /** The course's or dataset's name of a named source; empty for a host folder. */
    public String sourceName() {
        Kind kind = kind();
        return kind == Kind.HOST_FOLDER ? "" : hostPath.substring(kind.prefix.length());
    }

    /** The host path with its placeholders filled in. */
    public String hostPathFor(String tenant, String user, String template) {
        return hostPath.replace("{tenant}", tenant).replace("{user}", user).replace("{template}", template);
    }

    static boolean isValidName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    static boolean isValidContainerPath(String path) {
        return path != null && path.length() <= 255 && CONTAINER_PATH.matcher(path).matches()
                && !path.matches(".*/\\.{1,2}(/.*)?");
    }
}

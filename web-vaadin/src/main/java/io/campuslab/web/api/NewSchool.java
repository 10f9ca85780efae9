package io.campuslab.web.api;

/**
 * A school to onboard: its short name (slug, e.g. {@code north-high}), its display name and,
 * optionally, its first school admin.
 */
public record NewSchool(String slug, String name, FirstAdmin firstAdmin) {

    /** The school's first admin: user name, full name and e-mail (optional). */
    public record FirstAdmin(String username, String name, String email) {
    }
}

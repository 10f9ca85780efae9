package io.campuslab.web.api;

/** A school to onboard: its short name (slug, e.g. {@code north-high}) and its display name. */
public record NewSchool(String slug, String name) {
}

package io.campuslab.web.api;

/** A change to a school: a new display name and/or a new status ({@code ACTIVE} or {@code SUSPENDED}). */
public record SchoolChange(String name, String status) {
}

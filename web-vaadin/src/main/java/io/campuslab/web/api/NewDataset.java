package io.campuslab.web.api;

/** A dataset to create: its name (a DNS label), display name and description. */
public record NewDataset(String name, String displayName, String description) {
}

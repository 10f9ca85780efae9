package io.campuslab.core.storage;

import java.io.Serializable;

/** A stored file: its path inside its folder (a dataset, a course) and its size. */
public record StoredFile(String path, long bytes) implements Serializable {
}

package io.campuslab.core.dataset;

import java.io.Serializable;

/** A file of a dataset: its path inside the dataset and its size. */
public record StoredFile(String path, long bytes) implements Serializable {
}

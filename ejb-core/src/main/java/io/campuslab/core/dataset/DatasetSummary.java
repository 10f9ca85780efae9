package io.campuslab.core.dataset;

import io.campuslab.domain.dataset.Dataset;
import java.io.Serializable;
import java.time.Instant;

/** A dataset as the portal shows it. */
public record DatasetSummary(String name, String displayName, String description, boolean global, int files,
                             long bytes, Instant filesUpdatedAt) implements Serializable {

    static DatasetSummary of(Dataset dataset) {
        return new DatasetSummary(dataset.name(), dataset.displayName(), dataset.description().orElse(""),
                dataset.isGlobal(), dataset.fileCount(), dataset.sizeBytes(), dataset.filesUpdatedAt().orElse(null));
    }
}

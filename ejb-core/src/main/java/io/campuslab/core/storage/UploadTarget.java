package io.campuslab.core.storage;

import java.nio.file.Path;

/** Where an upload goes, how many bytes the school may still store there, and what an archive may hold. */
public record UploadTarget(Path folder, long bytesAvailable, UploadLimits limits) {
}

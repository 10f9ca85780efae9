package io.campuslab.core.storage;

import java.nio.file.Path;

/** Where an upload goes and how many bytes the school may still store there. */
public record UploadTarget(Path folder, long bytesAvailable) {
}

package io.campuslab.core.storage;

import java.util.List;

/** What an upload put in place: the number of files, their total size and their relative paths. */
public record ImportedFiles(int files, long bytes, List<String> paths) {

    public ImportedFiles {
        paths = List.copyOf(paths);
    }
}

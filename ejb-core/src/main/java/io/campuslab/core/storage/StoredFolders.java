package io.campuslab.core.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Folders of stored files (a dataset, a course's material): what they hold, and removing them. */
public final class StoredFolders {

    private StoredFolders() {
    }

    /** The files below a folder, with their sizes, sorted by path; none if the folder does not exist. */
    public static List<StoredFile> files(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> all = Files.walk(folder)) {
            return all.filter(Files::isRegularFile)
                    .map(file -> new StoredFile(folder.relativize(file).toString(), sizeOf(file)))
                    .sorted(Comparator.comparing(StoredFile::path))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + folder, e);
        }
    }

    /** Removes a folder and everything in it; a folder that does not exist is fine. */
    public static void delete(Path folder) {
        ZipImport.deleteRecursively(folder);
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }
}

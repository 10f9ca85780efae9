package io.campuslab.core.storage;

import io.campuslab.core.storage.UploadRejectedException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Puts the contents of an uploaded zip in place of a folder, or refuses it and leaves everything as
 * it was. Every entry is checked (name, type, count) and every byte counted while it is written
 * (sizes in the archive's headers are not trusted); the archive is extracted into a temporary
 * sibling folder and only a complete extraction replaces the previous version.
 */
public final class ZipImport {

    private static final int UNIX_FILE_TYPE = 0170000;
    private static final int UNIX_REGULAR_FILE = 0100000;
    private static final int UNIX_DIRECTORY = 0040000;
    /** Below this the compression ratio says nothing: tiny archives of repetitive text compress well. */
    private static final long RATIO_FLOOR_BYTES = 1L << 20;

    private final UploadLimits limits;

    public ZipImport(UploadLimits limits) {
        this.limits = limits;
    }

    /**
     * Replaces the contents of {@code target} by the archive's.
     *
     * @param storageAvailableBytes what the school may still store, counting the space the previous
     *                              version frees
     */
    public ImportedFiles replace(Path archive, Path target, long storageAvailableBytes) throws UploadRejectedException {
        long archiveBytes = sizeOf(archive);
        if (archiveBytes > limits.maxUploadBytes()) {
            throw new UploadRejectedException(Reason.TOO_LARGE, Sizes.human(archiveBytes), Sizes.human(limits.maxUploadBytes()));
        }
        Path staging = createStaging(target);
        try {
            ImportedFiles imported = extract(archive, archiveBytes, staging, storageAvailableBytes);
            swap(staging, target);
            return imported;
        } catch (IOException e) {
            throw new UploadRejectedException(Reason.STORAGE_FAILED, e.getMessage());
        } finally {
            deleteRecursively(staging);
        }
    }

    private ImportedFiles extract(Path archive, long archiveBytes, Path staging, long storageAvailable)
            throws UploadRejectedException, IOException {
        try (ZipFile zip = open(archive)) {
            Budget budget = new Budget(archiveBytes, storageAvailable);
            Set<Path> written = new HashSet<>();
            List<String> paths = new ArrayList<>();
            int entries = 0;
            for (Enumeration<ZipArchiveEntry> all = zip.getEntriesInPhysicalOrder(); all.hasMoreElements(); ) {
                ZipArchiveEntry entry = all.nextElement();
                if (++entries > limits.maxEntries()) {
                    throw new UploadRejectedException(Reason.TOO_MANY_ENTRIES, limits.maxEntries());
                }
                String name = EntryName.decode(entry.getRawName(), entry.getGeneralPurposeBit().usesUTF8ForNames());
                requirePlainFileOrFolder(entry, name);
                Path destination = resolve(staging, EntryName.segments(name), name);
                if (entry.isDirectory()) {
                    createFolders(destination, name);
                    continue;
                }
                if (!written.add(destination)) {
                    throw new UploadRejectedException(Reason.DUPLICATE_NAME, EntryName.printable(name));
                }
                createFolders(destination.getParent(), name);
                try (InputStream in = zip.getInputStream(entry);
                     OutputStream out = Files.newOutputStream(destination, StandardOpenOption.CREATE_NEW)) {
                    budget.copy(in, out);
                } catch (FileAlreadyExistsException e) {
                    throw new UploadRejectedException(Reason.DUPLICATE_NAME, EntryName.printable(name));
                }
                paths.add(staging.relativize(destination).toString());
            }
            paths.sort(Comparator.naturalOrder());
            return new ImportedFiles(paths.size(), budget.written, paths);
        }
    }

    private static ZipFile open(Path archive) throws UploadRejectedException {
        try {
            return ZipFile.builder().setPath(archive).setUseUnicodeExtraFields(false).get();
        } catch (IOException e) {
            throw new UploadRejectedException(Reason.NOT_A_ZIP);
        }
    }

    private static void requirePlainFileOrFolder(ZipArchiveEntry entry, String name) throws UploadRejectedException {
        if (entry.isUnixSymlink()) {
            throw new UploadRejectedException(Reason.LINK, EntryName.printable(name));
        }
        int type = entry.getPlatform() == ZipArchiveEntry.PLATFORM_UNIX ? entry.getUnixMode() & UNIX_FILE_TYPE : 0;
        if (type != 0 && type != UNIX_REGULAR_FILE && type != UNIX_DIRECTORY) {
            throw new UploadRejectedException(Reason.SPECIAL_FILE, EntryName.printable(name));
        }
    }

    /** Joins the checked segments; the prefix check guards against anything the segment check missed. */
    private static Path resolve(Path staging, List<String> segments, String name) throws UploadRejectedException {
        Path destination = staging;
        for (String segment : segments) {
            destination = destination.resolve(segment);
        }
        if (!destination.normalize().startsWith(staging)) {
            throw new UploadRejectedException(Reason.PARENT_PATH, EntryName.printable(name));
        }
        return destination;
    }

    private static void createFolders(Path folder, String name) throws UploadRejectedException, IOException {
        try {
            Files.createDirectories(folder);
        } catch (FileAlreadyExistsException e) {
            // a file of that name came first
            throw new UploadRejectedException(Reason.DUPLICATE_NAME, EntryName.printable(name));
        }
    }

    private static Path createStaging(Path target) throws UploadRejectedException {
        try {
            Path parent = target.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            return Files.createTempDirectory(parent, "." + target.getFileName() + ".upload-");
        } catch (IOException e) {
            throw new UploadRejectedException(Reason.STORAGE_FAILED, e.getMessage());
        }
    }

    /**
     * Moves the complete new version in place. The previous version is moved aside first and put back
     * if the second move fails, so the folder always holds one whole version.
     */
    private static void swap(Path staging, Path target) throws IOException {
        if (!Files.exists(target)) {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            return;
        }
        Path previous = Files.createTempDirectory(target.toAbsolutePath().getParent(), "." + target.getFileName() + ".previous-");
        Files.delete(previous);
        Files.move(target, previous, StandardCopyOption.ATOMIC_MOVE);
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.move(previous, target, StandardCopyOption.ATOMIC_MOVE);
            throw e;
        }
        deleteRecursively(previous);
    }

    private static long sizeOf(Path archive) throws UploadRejectedException {
        try {
            return Files.size(archive);
        } catch (IOException e) {
            throw new UploadRejectedException(Reason.NOT_A_ZIP);
        }
    }

    static void deleteRecursively(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("Cannot clean up " + folder, e);
        }
    }

    /** Counts what is written against the limits, the school's storage and the compression ratio. */
    private final class Budget {

        private final long archiveBytes;
        private final long storageAvailable;
        private long written;

        Budget(long archiveBytes, long storageAvailable) {
            this.archiveBytes = archiveBytes;
            this.storageAvailable = storageAvailable;
        }

        void copy(InputStream in, OutputStream out) throws IOException, UploadRejectedException {
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                written += n;
                check();
                out.write(buffer, 0, n);
            }
        }

        private void check() throws UploadRejectedException {
            if (written > limits.maxUncompressedBytes()) {
                throw new UploadRejectedException(Reason.UNCOMPRESSED_TOO_LARGE, Sizes.human(limits.maxUncompressedBytes()));
            }
            if (written > storageAvailable) {
                throw new UploadRejectedException(Reason.QUOTA_EXCEEDED, Sizes.human(Math.max(0, storageAvailable)));
            }
            if (written > RATIO_FLOOR_BYTES && written > archiveBytes * limits.maxCompressionRatio()) {
                throw new UploadRejectedException(Reason.COMPRESSION_RATIO, limits.maxCompressionRatio());
            }
        }
    }
}

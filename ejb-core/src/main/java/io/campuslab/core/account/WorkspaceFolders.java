package io.campuslab.core.account;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A student's workspace folders on host storage: {@code <school's workspaces>/<template>/<user>}, one
 * per template they ran. Written into a zip for the student, measured for a preview, deleted with the
 * account. What a lab wrote is never trusted: symbolic links are neither followed nor copied (a link
 * to another student's folder or to the server's files stays a link in the lab and nothing in the
 * archive), and only regular files are read, opened without following a link.
 */
public final class WorkspaceFolders {

    private final Path schoolRoot;
    private final String username;

    /**
     * @param schoolRoot the school's folder below the workspace root
     * @param username   the member's user name: a single folder name, or no folders at all
     */
    public WorkspaceFolders(Path schoolRoot, String username) {
        this.schoolRoot = schoolRoot;
        this.username = username;
    }

    /** The zip's file name: {@code workspace-<user name>.zip}, with anything but letters, digits, dot, dash and underscore as an underscore. */
    public String archiveName() {
        return "workspace-" + String.valueOf(username).replaceAll("[^A-Za-z0-9._-]", "_") + ".zip";
    }

    /** The member's folders, one per template; none for a name that is not a plain folder name. */
    List<Path> folders() throws IOException {
        if (username == null || username.isEmpty() || username.contains("/") || username.contains("\\")
                || username.equals(".") || username.equals("..") || username.indexOf('\0') >= 0
                || !Files.isDirectory(schoolRoot, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        List<Path> folders = new ArrayList<>();
        try (DirectoryStream<Path> templates = Files.newDirectoryStream(schoolRoot)) {
            for (Path template : templates) {
                Path folder = template.resolve(username);
                if (Files.isDirectory(template, LinkOption.NOFOLLOW_LINKS) && Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
                    folders.add(folder);
                }
            }
        }
        folders.sort(null);
        return folders;
    }

    /** Bytes in regular files of the member's folders. */
    public long size() throws IOException {
        long[] total = {0};
        for (Path folder : folders()) {
            walk(folder, (file, attributes) -> total[0] += attributes.size());
        }
        return total[0];
    }

    /**
     * Writes every regular file of the member's folders into a zip, as {@code <template>/<path>}.
     *
     * @return how many files were written
     */
    public int writeZip(OutputStream out) throws IOException {
        int[] files = {0};
        ZipOutputStream zip = new ZipOutputStream(out);
        for (Path folder : folders()) {
            String template = folder.getParent().getFileName().toString();
            walk(folder, (file, attributes) -> {
                String name = template + "/" + folder.relativize(file).toString().replace('\\', '/');
                InputStream in;
                try {
                    in = Files.newInputStream(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
                } catch (java.nio.file.FileSystemException gone) {
                    return; // removed, or swapped for a link, since it was listed
                }
                try (in) {
                    ZipEntry entry = new ZipEntry(name);
                    entry.setTime(attributes.lastModifiedTime().toMillis());
                    zip.putNextEntry(entry);
                    in.transferTo(zip);
                    zip.closeEntry();
                    files[0]++;
                }
            });
        }
        zip.finish();
        zip.flush();
        return files[0];
    }

    /** Deletes the member's folders; links inside are deleted as links, never followed. */
    public void delete() throws IOException {
        for (Path folder : folders()) {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                    if (failure != null) {
                        throw failure;
                    }
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        }
    }

    private interface FileAction {
        void accept(Path file, BasicFileAttributes attributes) throws IOException;
    }

    /** Visits the regular files below a folder, following no link. */
    private static void walk(Path folder, FileAction action) throws IOException {
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                if (attributes.isRegularFile()) {
                    action.accept(file, attributes);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException failure) {
                return FileVisitResult.CONTINUE; // unreadable: left out rather than ending the archive
            }
        });
    }
}

package io.campuslab.core.storage;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/** Builds test archives, friendly and hostile, entry by entry. */
final class Archives {

    private record Entry(String name, byte[] content, int unixMode, boolean directory) {
    }

    private final List<Entry> entries = new ArrayList<>();
    private String encoding = "UTF-8";
    private boolean utf8Flag = true;

    static Archives zip() {
        return new Archives();
    }

    Archives file(String name, String content) {
        return file(name, content.getBytes(StandardCharsets.UTF_8));
    }

    Archives file(String name, byte[] content) {
        entries.add(new Entry(name, content, 0100644, false));
        return this;
    }

    Archives folder(String name) {
        entries.add(new Entry(name.endsWith("/") ? name : name + "/", new byte[0], 040755, true));
        return this;
    }

    Archives symlink(String name, String target) {
        entries.add(new Entry(name, target.getBytes(StandardCharsets.UTF_8), 0120777, false));
        return this;
    }

    Archives characterDevice(String name) {
        entries.add(new Entry(name, new byte[0], 0020644, false));
        return this;
    }

    /** Names in another charset and without the UTF-8 flag, as Windows' own zip tool writes them. */
    Archives namesIn(String charset) {
        this.encoding = charset;
        this.utf8Flag = false;
        return this;
    }

    Path writeTo(Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file);
             ZipArchiveOutputStream zip = new ZipArchiveOutputStream(out)) {
            zip.setEncoding(encoding);
            zip.setUseLanguageEncodingFlag(utf8Flag);
            zip.setCreateUnicodeExtraFields(ZipArchiveOutputStream.UnicodeExtraFieldPolicy.NEVER);
            for (Entry entry : entries) {
                ZipArchiveEntry zipEntry = new ZipArchiveEntry(entry.name());
                zipEntry.setUnixMode(entry.unixMode());
                zip.putArchiveEntry(zipEntry);
                if (!entry.directory()) {
                    zip.write(entry.content());
                }
                zip.closeArchiveEntry();
            }
        }
        return file;
    }
}

package io.campuslab.core.storage;

import io.campuslab.core.storage.UploadRejectedException.Reason;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * The name of an archive entry, decoded and checked: a relative path of plain segments that stays
 * inside the folder it is extracted to.
 */
final class EntryName {

    private static final int MAX_LENGTH = 1024;

    private EntryName() {
    }

    /**
     * Decodes the raw name: UTF-8 when the entry says so or when the bytes are valid UTF-8 (many
     * tools write UTF-8 without the flag), otherwise GB18030.
     */
    static String decode(byte[] raw, boolean flaggedUtf8) {
        return flaggedUtf8 ? new String(raw, StandardCharsets.UTF_8) : TextDecoding.decode(raw);
    }

    /** The path segments of a safe relative name; the name itself is what the user sees in errors. */
    static List<String> segments(String name) throws UploadRejectedException {
        if (name.isEmpty() || name.length() > MAX_LENGTH || name.indexOf('\0') >= 0) {
            throw new UploadRejectedException(Reason.INVALID_NAME, printable(name));
        }
        String path = name.replace('\\', '/');
        if (path.startsWith("/") || path.matches("^[A-Za-z]:.*")) {
            throw new UploadRejectedException(Reason.ABSOLUTE_PATH, printable(name));
        }
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (segment.equals("..")) {
                throw new UploadRejectedException(Reason.PARENT_PATH, printable(name));
            }
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.codePoints().anyMatch(EntryName::unsafe) || !Normalizer.isNormalized(segment, Normalizer.Form.NFC)) {
                throw new UploadRejectedException(Reason.INVALID_NAME, printable(name));
            }
            segments.add(segment);
        }
        if (segments.isEmpty()) {
            throw new UploadRejectedException(Reason.INVALID_NAME, printable(name));
        }
        return segments;
    }

    /**
     * Characters no file name should hold: controls (C0 and C1), formatting characters that reorder or
     * hide text (right-to-left overrides, zero-width joiners), line and paragraph separators, and code
     * points that are unassigned or lone surrogates. A name whose letters change under Unicode
     * normalization (NFC) is refused too: two names that look alike would be different files.
     */
    private static boolean unsafe(int c) {
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || type == Character.UNASSIGNED || type == Character.SURROGATE
                || type == Character.PRIVATE_USE;
    }

    /** A name safe to show in a message: control characters replaced, long names shortened. */
    static String printable(String name) {
        String visible = name.codePoints()
                .map(c -> unsafe(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return visible.length() > 120 ? visible.substring(0, 117) + "..." : visible;
    }
}

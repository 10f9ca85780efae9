package io.campuslab.web.api;

import io.campuslab.core.storage.Sizes;
import io.campuslab.core.storage.UploadRejectedException;
import jakarta.ws.rs.core.HttpHeaders;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A request body taken into a temporary file with its limit: called once the caller's rights are
 * checked, it refuses a declared length over the limit before reading anything and stops reading as
 * soon as the limit is passed, deleting what it wrote.
 */
final class UploadBody {

    private UploadBody() {
    }

    static Path toTempFile(InputStream body, HttpHeaders headers, long limit, String prefix)
            throws UploadRejectedException, IOException {
        refuseDeclaredLength(headers, limit);
        Path file = Files.createTempFile(prefix, ".upload");
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            for (int read = body.read(buffer); read >= 0; read = body.read(buffer)) {
                total += read;
                if (total > limit) {
                    throw tooLarge(total, limit);
                }
                out.write(buffer, 0, read);
            }
        } catch (UploadRejectedException | IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return file;
    }

    /** A small body (a class list) read into memory with its limit. */
    static byte[] bytes(InputStream body, HttpHeaders headers, long limit) throws UploadRejectedException, IOException {
        refuseDeclaredLength(headers, limit);
        byte[] read = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        if (read.length > limit) {
            throw tooLarge(read.length, limit);
        }
        return read;
    }

    private static void refuseDeclaredLength(HttpHeaders headers, long limit) throws UploadRejectedException {
        String declared = headers == null ? null : headers.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && declared.matches("\\d{1,18}") && Long.parseLong(declared) > limit) {
            throw tooLarge(Long.parseLong(declared), limit);
        }
    }

    private static UploadRejectedException tooLarge(long size, long limit) {
        return new UploadRejectedException(UploadRejectedException.Reason.TOO_LARGE, Sizes.human(size), Sizes.human(limit));
    }
}

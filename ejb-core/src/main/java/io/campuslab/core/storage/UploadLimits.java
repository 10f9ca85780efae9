package io.campuslab.core.storage;

import io.campuslab.domain.platform.PlatformSettings;

/**
 * What an uploaded archive may hold.
 *
 * @param maxUploadBytes       size of the archive file itself
 * @param maxEntries           files and folders in it
 * @param maxUncompressedBytes all files together once extracted
 * @param maxCompressionRatio  extracted size over archive size; zip bombs compress far beyond
 *                             anything real (text compresses about 10:1)
 */
public record UploadLimits(long maxUploadBytes, int maxEntries, long maxUncompressedBytes, int maxCompressionRatio) {

    public UploadLimits {
        if (maxUploadBytes <= 0 || maxEntries <= 0 || maxUncompressedBytes <= 0 || maxCompressionRatio <= 0) {
            throw new IllegalArgumentException("Upload limits must be positive");
        }
    }

    /** Defaults for course material and datasets; the platform settings override them. */
    public static UploadLimits defaults() {
        return new UploadLimits(2L << 30, 100_000, 20L << 30, 100);
    }

    /** The limits under the platform settings: their sizes, with the fixed entry and ratio limits. */
    public static UploadLimits of(PlatformSettings settings) {
        return new UploadLimits(settings.maxUploadBytes(), 100_000, settings.maxExtractedBytes(), 100);
    }
}

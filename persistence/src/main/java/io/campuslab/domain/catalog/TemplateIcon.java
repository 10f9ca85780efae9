package io.campuslab.domain.catalog;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * A picture uploaded for a template's card, kept apart from the template so that lists of
 * templates never load it. Only raster images whose first bytes say what they are: SVG could carry
 * script, and a file's name or claimed type proves nothing.
 */
@Entity
@Table(name = "lab_template_icons")
public class TemplateIcon {

    public static final int MAX_BYTES = 256 * 1024;

    @Id
    @Column(name = "template_id")
    private Long templateId;

    @Column(name = "content_type", nullable = false, length = 40)
    private String contentType;

    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "image", nullable = false, length = MAX_BYTES)
    private byte[] image;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected TemplateIcon() {
        // for Jakarta Persistence
    }

    public TemplateIcon(LabTemplate template, String contentType, byte[] image, Instant now) {
        this.templateId = template.id();
        replace(contentType, image, now);
    }

    public void replace(String contentType, byte[] image, Instant now) {
        this.contentType = contentType;
        this.image = image.clone();
        this.updatedAt = now;
    }

    /** The image type these bytes begin with: PNG, JPEG, GIF or WebP; empty for anything else. */
    public static Optional<String> contentTypeOf(byte[] bytes) {
        if (startsWith(bytes, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of("image/png");
        }
        if (startsWith(bytes, 0, 0xFF, 0xD8, 0xFF)) {
            return Optional.of("image/jpeg");
        }
        if (startsWith(bytes, 0, 'G', 'I', 'F', '8')) {
            return Optional.of("image/gif");
        }
        if (startsWith(bytes, 0, 'R', 'I', 'F', 'F') && startsWith(bytes, 8, 'W', 'E', 'B', 'P')) {
            return Optional.of("image/webp");
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] bytes, int offset, int... expected) {
        if (bytes.length < offset + expected.length) {
            return false;
        }
        return Arrays.equals(Arrays.copyOfRange(bytes, offset, offset + expected.length),
                toBytes(expected));
    }

    private static byte[] toBytes(int[] values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    public Long templateId() {
        return templateId;
    }

    public String contentType() {
        return contentType;
    }

    public byte[] image() {
        return image.clone();
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}

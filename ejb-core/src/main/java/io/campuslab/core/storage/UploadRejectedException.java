package io.campuslab.core.storage;

import io.campuslab.core.platform.CampusLabException;
import java.util.Locale;

/** An upload that was refused, with the reason and, where it helps, the entry and the limit. */
public class UploadRejectedException extends CampusLabException {

    /** Each reason has the message key {@code error.upload.<reason in lower case, '-' for '_'>}. */
    public enum Reason {
        NOT_A_ZIP,
        TOO_LARGE,
        QUOTA_EXCEEDED,
        TOO_MANY_ENTRIES,
        UNCOMPRESSED_TOO_LARGE,
        COMPRESSION_RATIO,
        ABSOLUTE_PATH,
        PARENT_PATH,
        INVALID_NAME,
        DUPLICATE_NAME,
        LINK,
        SPECIAL_FILE,
        STORAGE_FAILED;

        public String messageKey() {
            return "error.upload." + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final Reason reason;

    public UploadRejectedException(Reason reason, Object... arguments) {
        super(reason.messageKey(), arguments);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}

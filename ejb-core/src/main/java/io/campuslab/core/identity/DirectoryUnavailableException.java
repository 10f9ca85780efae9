package io.campuslab.core.identity;

import io.campuslab.core.platform.CampusLabException;

/** The identity provider's directory did not answer as expected; nothing was changed by the caller. */
public class DirectoryUnavailableException extends CampusLabException {

    private final String detail;

    public DirectoryUnavailableException(String detail) {
        this("error.directory.unreachable", detail);
    }

    protected DirectoryUnavailableException(String messageKey, String detail, Object... arguments) {
        super(messageKey, arguments);
        this.detail = detail;
    }

    /** For the log and the operator. */
    public String detail() {
        return detail;
    }
}

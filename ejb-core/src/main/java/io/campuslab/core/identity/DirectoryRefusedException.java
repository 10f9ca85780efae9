package io.campuslab.core.identity;

/**
 * The directory answered, and said no (HTTP 4xx): an e-mail address another account has, a password
 * its policy refuses. Said as such, with the directory's own words, not as "cannot be reached".
 */
public class DirectoryRefusedException extends DirectoryUnavailableException {

    public DirectoryRefusedException(String detail, String reason) {
        super("error.directory.refused", detail, reason);
    }

    protected DirectoryRefusedException(String messageKey, String detail, Object... arguments) {
        super(messageKey, detail, arguments);
    }
}

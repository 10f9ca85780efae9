package io.campuslab.core.platform;

import jakarta.ejb.ApplicationException;
import java.util.List;

/**
 * An expected failure that a user can understand: it carries a message key of the UI's bundles and
 * its arguments; the transaction it happened in is rolled back.
 */
@ApplicationException(rollback = true)
public class CampusLabException extends Exception {

    private final String messageKey;
    private final List<Object> arguments;

    public CampusLabException(String messageKey, Object... arguments) {
        super(messageKey);
        this.messageKey = messageKey;
        this.arguments = List.of(arguments);
    }

    public String messageKey() {
        return messageKey;
    }

    public List<Object> arguments() {
        return arguments;
    }
}

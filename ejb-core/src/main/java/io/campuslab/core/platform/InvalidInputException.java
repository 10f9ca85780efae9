package io.campuslab.core.platform;

/** What the person entered cannot be used; the message key says what is wrong with which field. */
public class InvalidInputException extends CampusLabException {

    public InvalidInputException(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }
}

package io.campuslab.core.platform;

/** The change collides with what exists already, e.g. a school of that name. */
public class ConflictException extends CampusLabException {

    public ConflictException(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }
}

package io.campuslab.core.platform;

/** The caller holds the role for an operation but not for this school's data. */
public class NotPermittedException extends CampusLabException {

    public NotPermittedException() {
        super("error.not-permitted");
    }

    /** Not permitted for a reason the person should read, e.g. {@code error.membership.school-suspended}. */
    public NotPermittedException(String messageKey) {
        super(messageKey);
    }
}

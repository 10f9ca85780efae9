package io.campuslab.core.platform;

/** What was asked for does not exist (or is not visible to the caller, which looks the same). */
public class NotFoundException extends CampusLabException {

    public NotFoundException(String what, Object name) {
        super("error.not-found." + what, name);
    }
}

package io.campuslab.core.cluster;

import io.campuslab.core.platform.CampusLabException;

/**
 * The cluster refused one lab's objects for a reason that concerns that lab alone: its namespace's
 * quota is exceeded, or the API found an object invalid. Other labs go on.
 */
public class LabRefusedException extends CampusLabException {

    private final String detail;

    public LabRefusedException(String detail) {
        super("lab.reason.cluster-refused");
        this.detail = detail;
    }

    /** The API's own words, shown with the lab's failure. */
    public String detail() {
        return detail;
    }
}

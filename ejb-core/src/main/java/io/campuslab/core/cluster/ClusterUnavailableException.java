package io.campuslab.core.cluster;

import io.campuslab.core.platform.CampusLabException;

/** The Kubernetes API did not answer or answered with an error; the caller may try again later. */
public class ClusterUnavailableException extends CampusLabException {

    private final String detail;

    public ClusterUnavailableException(String detail) {
        super("error.cluster.unreachable");
        this.detail = detail;
    }

    /** What went wrong, for the log and the operator; never shown to students. */
    public String detail() {
        return detail;
    }
}

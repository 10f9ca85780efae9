package io.campuslab.core.cluster;

/**
 * The API server answered, and refused one of a school's objects (its quota exceeded, an admission
 * plugin's no, an invalid object): the cluster is there, the school's namespace is not as its policy
 * says. The scheduler goes on with the other schools and tries this one again next pass.
 */
public class SchoolRefusedException extends ClusterUnavailableException {

    public SchoolRefusedException(String detail) {
        super(detail);
    }
}

package io.campuslab.core.identity;

import java.io.Serializable;
import java.util.List;

/**
 * How a school's people sign in: its connected identity providers and directory, its e-mail domains,
 * and whether the operator lets schools connect directories at all.
 */
public record SchoolSignIn(String school, List<ProviderSummary> providers, List<String> emailDomains,
                           boolean directoriesEnabled) implements Serializable {

    /** The same, saying whether directories are enabled. */
    SchoolSignIn withDirectoriesEnabled(boolean enabled) {
        return new SchoolSignIn(school, providers, emailDomains, enabled);
    }
}

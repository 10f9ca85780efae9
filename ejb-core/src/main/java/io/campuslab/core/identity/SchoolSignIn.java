package io.campuslab.core.identity;

import java.io.Serializable;
import java.util.List;

/** How a school's people sign in: its connected identity providers and its e-mail domains. */
public record SchoolSignIn(String school, List<ProviderSummary> providers, List<String> emailDomains) implements Serializable {
}

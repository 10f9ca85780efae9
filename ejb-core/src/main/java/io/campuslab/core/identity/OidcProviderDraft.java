package io.campuslab.core.identity;

import io.campuslab.domain.identity.Role;

/**
 * A school's OpenID Connect provider as an admin enters it: the issuer, the client CampusLab is
 * registered as there, the claim that names a person, and how roles come from a claim (all optional
 * but the default role). Checked by {@link SchoolSignInService}.
 */
public record OidcProviderDraft(String displayName, String issuer, String clientId, String clientSecret,
                                String usernameClaim, String roleClaim, String teacherValue, String adminValue,
                                Role defaultRole) {

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "OidcProviderDraft[" + displayName + ", " + issuer + ", client " + clientId + "]";
    }
}

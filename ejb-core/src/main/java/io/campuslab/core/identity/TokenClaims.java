package io.campuslab.core.identity;

import io.campuslab.domain.identity.SignInIdentity;
import java.util.List;

/**
 * What a verified token says of its bearer, as the web layer reads it: the subject, the user name,
 * name and e-mail, the {@code tenant} claim, the realm roles the request holds and the {@code idp}
 * claim. The services decide what it makes of them ({@link #identity()}).
 */
public record TokenClaims(String subject, String username, String displayName, String email, String tenant,
                          List<String> realmRoles, String provider) {

    public TokenClaims {
        realmRoles = List.copyOf(realmRoles);
    }

    /** The person as CampusLab sees them: only CampusLab's roles, a member of a school in their highest school role. */
    SignInIdentity identity() {
        return SignInIdentity.fromClaims(subject, username, displayName, email, tenant, realmRoles, provider);
    }
}

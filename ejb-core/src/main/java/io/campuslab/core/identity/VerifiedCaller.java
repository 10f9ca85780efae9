package io.campuslab.core.identity;

import io.campuslab.domain.identity.SignInIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/**
 * Who the current request's verified token names, as the web layer read it before any service runs:
 * the stable subject, the school and the roles. {@link CurrentMember} finds the member by this subject
 * and school, never by the user name alone. Empty outside a signed-in request.
 */
@RequestScoped
public class VerifiedCaller {

    private TokenClaims claims;
    private SignInIdentity identity;

    /** Set once per request by the web layer, from the token the server verified for it. */
    public void verified(TokenClaims claims) {
        this.claims = claims;
        this.identity = claims.identity();
    }

    public Optional<SignInIdentity> identity() {
        return Optional.ofNullable(identity);
    }

    /** The token's claims as the web layer read them. */
    public Optional<TokenClaims> claims() {
        return Optional.ofNullable(claims);
    }
}

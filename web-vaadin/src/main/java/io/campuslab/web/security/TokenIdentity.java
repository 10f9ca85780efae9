package io.campuslab.web.security;

import io.campuslab.core.identity.TokenClaims;
import io.campuslab.domain.identity.Role;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.wildfly.security.http.oidc.JsonWebToken;
import org.wildfly.security.http.oidc.OidcPrincipal;
import org.wildfly.security.http.oidc.OidcSecurityContext;

/**
 * Reads who signed in from the token that elytron-oidc-client verified for this request: browser
 * sessions carry an ID token, API calls only a bearer access token.
 */
public final class TokenIdentity {

    /** The claim that names the school; Keycloak maps it from the school group's attribute. */
    public static final String TENANT_CLAIM = "tenant";

    /** The claim that names the school's identity provider a person came through (a user session note). */
    public static final String PROVIDER_CLAIM = "idp";

    private TokenIdentity() {
    }

    public static Optional<TokenClaims> of(HttpServletRequest request) {
        Principal principal = request.getUserPrincipal();
        if (!(principal instanceof OidcPrincipal<?> oidc)) {
            return Optional.empty();
        }
        OidcSecurityContext context = oidc.getOidcSecurityContext();
        JsonWebToken token = context.getIDToken() != null ? context.getIDToken() : context.getToken();
        String tenant = context.getToken().getClaimValueAsString(TENANT_CLAIM);
        List<String> roles = Arrays.stream(Role.values()).map(Role::realmName).filter(request::isUserInRole).toList();
        String provider = context.getToken().getClaimValueAsString(PROVIDER_CLAIM);
        return Optional.of(new TokenClaims(context.getToken().getSubject(), principal.getName(), token.getName(),
                token.getEmail(), tenant, roles, provider));
    }

    /** The raw ID token, needed as a hint when ending the session at the identity provider. */
    public static Optional<String> idToken(HttpServletRequest request) {
        return request.getUserPrincipal() instanceof OidcPrincipal<?> oidc
                ? Optional.ofNullable(oidc.getOidcSecurityContext().getIDTokenString())
                : Optional.empty();
    }
}

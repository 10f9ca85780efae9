package io.campuslab.core.identity;

import io.campuslab.domain.identity.RoleMapping;
import io.campuslab.domain.identity.SignInProvider;
import io.campuslab.domain.tenant.TenantSlug;
import java.util.Objects;

/**
 * What Keycloak needs to broker a school's identity provider: where it is (the OIDC issuer), the
 * client CampusLab is registered as there, how user names and roles come from its claims, and the
 * school whose group everyone who comes through it joins.
 */
public record ProviderSetup(String alias, SignInProvider.Kind kind, TenantSlug school, String displayName,
                            String location, String clientId, String clientSecret, String usernameClaim,
                            RoleMapping roles) {

    public ProviderSetup {
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(school, "school");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(usernameClaim, "usernameClaim");
        Objects.requireNonNull(roles, "roles");
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "ProviderSetup[" + alias + ", " + kind + ", " + school + ", " + location + ", client " + clientId + "]";
    }
}

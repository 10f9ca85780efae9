package io.campuslab.core.identity;

import io.campuslab.domain.identity.DirectoryEntries;
import io.campuslab.domain.identity.RoleMapping;
import io.campuslab.domain.identity.SignInProvider;
import io.campuslab.domain.tenant.TenantSlug;
import java.util.Objects;

/**
 * What Keycloak needs to broker a school's identity provider: where it is (the OIDC issuer, or the
 * SAML metadata's address), the client CampusLab is registered as there (OIDC) or the metadata itself
 * (SAML, when given as XML), how user names and roles come from its claims or attributes, and the
 * school whose group everyone who comes through it joins. A school's directory is brokered as an
 * OpenID provider too: the realm that reads it ({@code location} its issuer), with {@code directory}
 * saying where the directory itself is.
 */
public record ProviderSetup(String alias, SignInProvider.Kind kind, TenantSlug school, String displayName,
                            String location, String clientId, String clientSecret, String metadataXml,
                            String usernameClaim, RoleMapping roles, DirectoryEntries directory) {

    /** An OpenID Connect or SAML provider of the school's own. */
    public ProviderSetup(String alias, SignInProvider.Kind kind, TenantSlug school, String displayName, String location,
                         String clientId, String clientSecret, String metadataXml, String usernameClaim, RoleMapping roles) {
        this(alias, kind, school, displayName, location, clientId, clientSecret, metadataXml, usernameClaim, roles, null);
    }

    /** What a SAML provider's people sign in as when no attribute is named: the assertion's subject. */
    public static final String NAME_ID = "NAMEID";

    /** The SAML service provider's entity id CampusLab's Keycloak uses towards the school's provider. */
    public String serviceProviderEntityId() {
        return "urn:campuslab:" + alias;
    }

    public ProviderSetup {
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(school, "school");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(usernameClaim, "usernameClaim");
        Objects.requireNonNull(roles, "roles");
        if ((kind == SignInProvider.Kind.LDAP) != (directory != null)) {
            throw new IllegalArgumentException("A directory, and only a directory, says where its entries are: " + alias);
        }
    }

    /** What CampusLab records as where the provider is: the issuer or metadata, or the directory's address. */
    public String recordedLocation() {
        return directory == null ? location : directory.url();
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "ProviderSetup[" + alias + ", " + kind + ", " + school + ", " + location + ", client " + clientId + "]";
    }
}

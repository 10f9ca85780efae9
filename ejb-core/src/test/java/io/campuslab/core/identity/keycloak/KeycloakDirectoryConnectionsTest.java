package io.campuslab.core.identity.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import io.campuslab.core.identity.DirectorySetup;
import io.campuslab.core.identity.ProviderSetup;
import io.campuslab.domain.identity.DirectoryEntries;
import io.campuslab.domain.identity.Role;
import io.campuslab.domain.identity.RoleMapping;
import io.campuslab.domain.identity.SignInProvider;
import io.campuslab.domain.tenant.TenantSlug;
import jakarta.json.JsonObject;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KeycloakDirectoryConnectionsTest {

    private static final DirectoryEntries OPEN_LDAP = new DirectoryEntries("ldaps://ldap.east.example:636", false,
            "cn=reader,dc=east,dc=example", "ou=people,dc=east,dc=example", "uid", Optional.of("ou=groups,dc=east,dc=example"));

    private static DirectorySetup setup(DirectoryEntries entries, Optional<String> filter) {
        return new DirectorySetup("east-ldap", "East directory", entries, false, "reader-password", filter,
                "broker-secret", "https://sso.example/realms/campuslab/broker/east-ldap/endpoint");
    }

    @Test
    void aDirectoryIsReadOnlyCheckedAtEverySignInAndNeverCopiedInBulk() {
        Map<String, String> config = KeycloakDirectoryConnections.federationConfig(setup(OPEN_LDAP, Optional.empty()));

        assertThat(config).containsEntry("editMode", "READ_ONLY")
                .containsEntry("syncRegistrations", "false")
                .containsEntry("fullSyncPeriod", "-1")
                .containsEntry("changedSyncPeriod", "-1")
                .containsEntry("cachePolicy", "NO_CACHE")
                .containsEntry("trustEmail", "false")
                .containsEntry("allowKerberosAuthentication", "false")
                .containsEntry("vendor", "other")
                .containsEntry("uuidLDAPAttribute", "entryUUID")
                .containsEntry("connectionUrl", "ldaps://ldap.east.example:636")
                .containsEntry("bindDn", "cn=reader,dc=east,dc=example")
                .containsEntry("usersDn", "ou=people,dc=east,dc=example")
                .containsEntry("usernameLDAPAttribute", "uid")
                .doesNotContainKey("customUserSearchFilter");
    }

    @Test
    void activeDirectoryIsReadByItsOwnAttributesAndAFilterNarrowsWhoMaySignIn() {
        DirectoryEntries ad = new DirectoryEntries("ldaps://dc1.school.local:636", true, "CN=reader,DC=school,DC=local",
                "OU=Pupils,DC=school,DC=local", "sAMAccountName", Optional.empty());
        Map<String, String> config = KeycloakDirectoryConnections.federationConfig(
                setup(ad, Optional.of("(!(userAccountControl:1.2.840.113556.1.4.803:=2))")));

        assertThat(config).containsEntry("vendor", "ad")
                .containsEntry("uuidLDAPAttribute", "objectGUID")
                .containsEntry("rdnLDAPAttribute", "cn")
                .containsEntry("userObjectClasses", "person, organizationalPerson, user")
                .containsEntry("usernameLDAPAttribute", "sAMAccountName")
                .containsEntry("customUserSearchFilter", "(!(userAccountControl:1.2.840.113556.1.4.803:=2))");
    }

    @Test
    void theDirectorysRealmLetsInOnlyWhomTheDirectoryKnows() {
        JsonObject realm = KeycloakDirectoryConnections.realm("campuslab-east-ldap", setup(OPEN_LDAP, Optional.empty()));

        assertThat(realm.getString("realm")).isEqualTo("campuslab-east-ldap");
        assertThat(realm.getBoolean("registrationAllowed")).isFalse();
        assertThat(realm.getBoolean("resetPasswordAllowed")).isFalse();
        assertThat(realm.getBoolean("loginWithEmailAllowed")).isFalse();
        assertThat(realm.getBoolean("bruteForceProtected")).isTrue();
        assertThat(realm.getString("sslRequired")).isEqualTo("external");
        assertThat(KeycloakDirectoryConnections.realmOf("east-ldap")).isEqualTo("campuslab-east-ldap");
    }

    @Test
    void theDirectorysRealmIsBrokeredAsAnOpenIdProviderWithRolesFromGroups() {
        ProviderSetup provider = new ProviderSetup("east-ldap", SignInProvider.Kind.LDAP, new TenantSlug("east"), "East",
                "https://sso.example/realms/campuslab-east-ldap", DirectorySetup.BROKER_CLIENT, "broker-secret", null,
                "preferred_username", new RoleMapping(Optional.of(DirectorySetup.GROUPS_CLAIM), Optional.of("staff"),
                Optional.empty(), Role.STUDENT), OPEN_LDAP);

        JsonObject brokered = KeycloakProviderConnections.provider(provider, Map.of("issuer",
                "https://sso.example/realms/campuslab-east-ldap", "authorizationUrl", "https://sso.example/auth"));
        assertThat(brokered.getString("providerId")).isEqualTo("oidc");
        assertThat(brokered.getJsonObject("config").getString("clientId")).isEqualTo("campuslab-broker");
        assertThat(brokered.getJsonObject("config").getString("hideOnLoginPage")).isEqualTo("true");
        assertThat(KeycloakProviderConnections.mappers(provider).stream().map(JsonObject::toString).toList())
                .anySatisfy(mapper -> assertThat(mapper).contains("\"group\":\"/east\""))
                .anySatisfy(mapper -> assertThat(mapper).contains("${ALIAS}_${CLAIM.preferred_username}"))
                .anySatisfy(mapper -> assertThat(mapper).contains("\"claim\":\"groups\"", "\"claim.value\":\"staff\"",
                        "\"role\":\"teacher\""));
        assertThat(provider.recordedLocation()).isEqualTo("ldaps://ldap.east.example:636");
    }
}

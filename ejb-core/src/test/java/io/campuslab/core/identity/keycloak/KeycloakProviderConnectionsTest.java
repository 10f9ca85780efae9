package io.campuslab.core.identity.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import io.campuslab.core.identity.ProviderSetup;
import io.campuslab.domain.identity.Role;
import io.campuslab.domain.identity.RoleMapping;
import io.campuslab.domain.identity.SignInProvider;
import io.campuslab.domain.tenant.TenantSlug;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KeycloakProviderConnectionsTest {

    private static final ProviderSetup WEST = new ProviderSetup("west-side-oidc", SignInProvider.Kind.OIDC,
            new TenantSlug("west-side"), "West Side", "https://idp.westside.example", "campuslab", "s3cret", null,
            "email", new RoleMapping(Optional.of("groups"), Optional.of("staff"), Optional.of("it"), Role.STUDENT));

    @Test
    void everyoneWhoComesThroughJoinsTheSchoolsGroupWithANameNoLocalAccountHasAndTheRolesTheClaimsGive() {
        List<String> mappers = KeycloakProviderConnections.mappers(WEST).stream()
                .map(m -> m.getString("identityProviderMapper") + " " + m.getJsonObject("config").getString("syncMode")
                        + " " + m.getJsonObject("config").toString())
                .toList();
        assertThat(mappers).hasSize(5);
        assertThat(mappers.get(0)).startsWith("oidc-hardcoded-group-idp-mapper FORCE").contains("\"group\":\"/west-side\"");
        assertThat(mappers.get(1)).startsWith("oidc-username-idp-mapper FORCE")
                .contains("\"template\":\"${ALIAS}_${CLAIM.email}\"");
        assertThat(mappers.get(2)).startsWith("oidc-hardcoded-role-idp-mapper FORCE").contains("\"role\":\"student\"");
        assertThat(mappers.get(3)).contains("\"claim\":\"groups\"", "\"claim.value\":\"staff\"", "\"role\":\"teacher\"");
        assertThat(mappers.get(4)).contains("\"claim.value\":\"it\"", "\"role\":\"tenant-admin\"");
        assertThat(KeycloakProviderConnections.mappers(new ProviderSetup("w", SignInProvider.Kind.OIDC, new TenantSlug("west-side"),
                "W", "https://i", "c", "s", null, "preferred_username", RoleMapping.everyone(Role.TEACHER))))
                .as("no claim: the default role only").hasSize(3);
    }

    @Test
    void theProviderIsHiddenTrustsNoEmailAndTakesItsEndpointsFromDiscovery() {
        JsonObject provider = KeycloakProviderConnections.provider(WEST, Map.of(
                "issuer", "https://idp.westside.example", "authorizationUrl", "https://idp.westside.example/auth",
                "tokenUrl", "https://idp.westside.example/token", "jwksUrl", "https://idp.westside.example/jwks",
                "somethingElse", "ignored"));
        assertThat(provider.getString("alias")).isEqualTo("west-side-oidc");
        assertThat(provider.getBoolean("hideOnLogin")).isTrue();
        assertThat(provider.getBoolean("trustEmail")).isFalse();
        assertThat(provider.getBoolean("storeToken")).isFalse();
        JsonObject config = provider.getJsonObject("config");
        assertThat(config.getString("tokenUrl")).isEqualTo("https://idp.westside.example/token");
        assertThat(config.getString("validateSignature")).isEqualTo("true");
        assertThat(config.getString("pkceEnabled")).isEqualTo("true");
        assertThat(config.getString("syncMode")).isEqualTo("FORCE");
        assertThat(config.containsKey("somethingElse")).isFalse();
        assertThat(WEST.toString()).as("the secret never printed").doesNotContain("s3cret");
    }

    @Test
    void theIssuerMustBeTheOneTheDiscoveryDocumentNames() {
        assertThat(KeycloakProviderConnections.sameIssuer("https://idp.example/realms/a", "https://idp.example/realms/a/")).isTrue();
        assertThat(KeycloakProviderConnections.sameIssuer("https://evil.example/realms/a", "https://idp.example/realms/a")).isFalse();
        assertThat(KeycloakProviderConnections.sameIssuer("", "https://idp.example")).isFalse();
    }

    @Test
    void aSamlProviderNamesPeopleByTheirSubjectOrAnAttributeAndMustSignItsAssertions() {
        ProviderSetup saml = new ProviderSetup("east-saml", SignInProvider.Kind.SAML, new TenantSlug("east"), "East",
                "https://idp.east.example/metadata", null, null, null, ProviderSetup.NAME_ID,
                new RoleMapping(Optional.of("Role"), Optional.of("staff"), Optional.empty(), Role.STUDENT));
        List<JsonObject> mappers = KeycloakProviderConnections.mappers(saml);
        assertThat(mappers.get(1).getString("identityProviderMapper")).isEqualTo("saml-username-idp-mapper");
        assertThat(mappers.get(1).getJsonObject("config").getString("template")).isEqualTo("${ALIAS}_${NAMEID}");
        assertThat(mappers.get(3).getString("identityProviderMapper")).isEqualTo("saml-role-idp-mapper");
        assertThat(mappers.get(3).getJsonObject("config").getString("attribute.name")).isEqualTo("Role");
        assertThat(KeycloakProviderConnections.mappers(new ProviderSetup("east-saml", SignInProvider.Kind.SAML,
                new TenantSlug("east"), "East", "x", null, null, null, "mail", RoleMapping.everyone(Role.STUDENT)))
                .get(1).getJsonObject("config").getString("template")).isEqualTo("${ALIAS}_${ATTRIBUTE.mail}");

        JsonObject provider = KeycloakProviderConnections.provider(saml, Map.of("singleSignOnServiceUrl", "https://idp.east.example/sso",
                "signingCertificate", "MIIC...", "validateSignature", "false", "clientSecret", "smuggled"));
        JsonObject config = provider.getJsonObject("config");
        assertThat(provider.getString("providerId")).isEqualTo("saml");
        assertThat(config.getString("validateSignature")).as("whatever the metadata says").isEqualTo("true");
        assertThat(config.getString("entityId")).isEqualTo("urn:campuslab:east-saml");
        assertThat(config.containsKey("clientSecret")).isFalse();
        assertThat(config.getString("singleSignOnServiceUrl")).isEqualTo("https://idp.east.example/sso");
    }
}

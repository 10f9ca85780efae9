package io.campuslab.realm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.campuslab.domain.identity.Role;
import io.campuslab.domain.tenant.TenantSlug;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The realm import agrees with the application: role names, the tenant claim, the demo schools. */
class RealmImportTest {

    private static JsonNode realm;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = RealmImportTest.class.getResourceAsStream("/campuslab-realm.json")) {
            realm = new ObjectMapper().readTree(in);
        }
    }

    @Test
    void realmRolesAreExactlyCampusLabsRoles() {
        List<String> roles = new ArrayList<>();
        realm.path("roles").path("realm").forEach(r -> roles.add(r.path("name").asText()));
        assertThat(roles).containsExactlyInAnyOrderElementsOf(Arrays.stream(Role.values()).map(Role::realmName).toList());
    }

    @Test
    void everySchoolGroupNamesAValidTenant() {
        realm.path("groups").forEach(group -> {
            if (group.path("name").asText().equals("platform-operators")) {
                return;
            }
            String tenant = group.path("attributes").path("tenant").path(0).asText();
            assertThat(TenantSlug.isValid(tenant)).as(group.path("name").asText()).isTrue();
            assertThat(group.path("name").asText()).isEqualTo(tenant);
        });
    }

    @Test
    void demoUsersAsTheReadmePromises() {
        Map<String, String> users = new TreeMap<>();
        people().forEach(u -> users.put(u.path("username").asText(),
                u.path("realmRoles").path(0).asText("-") + "@" + u.path("groups").path(0).asText("-")));
        assertThat(users).containsExactlyInAnyOrderEntriesOf(Map.of(
                "operator", "-@/platform-operators",
                "alice", "tenant-admin@/north-high", "tom", "teacher@/north-high",
                "sam", "student@/north-high", "sue", "student@/north-high",
                "bob", "tenant-admin@/south-academy", "tina", "teacher@/south-academy",
                "stan", "student@/south-academy"));
        people().forEach(u -> assertThat(u.path("credentials").path(0).path("value").asText()).isEqualTo("campuslab"));
    }

    @Test
    void westSideSchoolSignsInThroughItsOwnProviderRealm() throws IOException {
        JsonNode provider = realm.path("identityProviders").path(0);
        assertThat(realm.path("identityProviders")).hasSize(1);
        assertThat(provider.path("alias").asText()).isEqualTo("west-side-oidc");
        assertThat(provider.path("hideOnLogin").asBoolean()).as("not offered to the other schools' people").isTrue();
        assertThat(provider.path("trustEmail").asBoolean()).isFalse();
        assertThat(provider.path("config").path("issuer").asText()).isEqualTo("${CAMPUSLAB_KEYCLOAK_URL}/realms/west-side-idp");
        Map<String, String> mappers = new TreeMap<>();
        realm.path("identityProviderMappers").forEach(mapper -> {
            assertThat(mapper.path("identityProviderAlias").asText()).isEqualTo("west-side-oidc");
            assertThat(mapper.path("config").path("syncMode").asText()).as("applied at every sign-in").isEqualTo("FORCE");
            mappers.put(mapper.path("identityProviderMapper").asText(), mapper.path("config").path("group").asText(
                    mapper.path("config").path("role").asText(mapper.path("config").path("template").asText())));
        });
        assertThat(mappers).containsExactlyInAnyOrderEntriesOf(Map.of(
                "oidc-hardcoded-group-idp-mapper", "/west-side",
                "oidc-hardcoded-role-idp-mapper", "student",
                "oidc-role-idp-mapper", "teacher",
                "oidc-username-idp-mapper", "${ALIAS}_${CLAIM.preferred_username}"));

        JsonNode idp;
        try (InputStream in = RealmImportTest.class.getResourceAsStream("/west-side-idp-realm.json")) {
            idp = new ObjectMapper().readTree(in);
        }
        assertThat(idp.path("realm").asText()).isEqualTo("west-side-idp");
        JsonNode client = idp.path("clients").path(0);
        assertThat(client.path("clientId").asText()).isEqualTo(provider.path("config").path("clientId").asText());
        assertThat(client.path("secret").asText()).isEqualTo(provider.path("config").path("clientSecret").asText());
        assertThat(client.path("redirectUris").toString()).contains("http://localhost:8180/realms/campuslab/broker/*");
        Map<String, String> users = new TreeMap<>();
        idp.path("users").forEach(u -> users.put(u.path("username").asText(), u.path("realmRoles").path(0).asText("-")));
        assertThat(users).containsExactlyInAnyOrderEntriesOf(Map.of("wendy", "-", "walt", "staff"));
        assertThat(client.toString()).as("the provider claims another school; CampusLab must not care")
                .contains("\"claim.value\":\"north-high\"");
    }

    @Test
    void platformAdminsHoldTheirRoleThroughTheOperatorsGroup() {
        JsonNode operators = null;
        for (JsonNode group : realm.path("groups")) {
            if (group.path("name").asText().equals("platform-operators")) {
                operators = group;
            }
        }
        assertThat(operators).isNotNull();
        assertThat(operators.path("realmRoles").toString()).isEqualTo("[\"platform-admin\"]");
        assertThat(operators.path("attributes").has("tenant")).as("no school").isFalse();
    }

    @Test
    void portalServiceAccountHoldsNoRealmManagementRoleBeyondQueriesAndSchoolProviders() {
        JsonNode account = null;
        for (JsonNode user : realm.path("users")) {
            if (user.has("serviceAccountClientId")) {
                account = user;
            }
        }
        assertThat(account).isNotNull();
        assertThat(account.path("serviceAccountClientId").asText()).isEqualTo("campuslab-portal");
        // Any other user or group role (view-users, manage-users…) would switch the fine-grained
        // permissions off for the account and open every user of the realm to it. Identity providers
        // have no fine-grained permissions: the portal connects the schools' providers with the realm-wide
        // role, and refuses any brokered person who is not of the provider's school or is a platform admin
        assertThat(account.path("clientRoles").path("realm-management").toString())
                .isEqualTo("[\"query-users\",\"query-groups\",\"manage-identity-providers\"]");
        assertThat(account.path("realmRoles").isMissingNode()).isTrue();
        assertThat(realm.path("adminPermissionsEnabled").asBoolean()).isTrue();
    }

    @Test
    void thePortalMayGiveTheSchoolRolesOnlyAndNeverReachesTheOperators() {
        Map<String, String> roleIds = new HashMap<>();
        realm.path("roles").path("realm").forEach(role -> roleIds.put(role.path("name").asText(), role.path("id").asText()));
        JsonNode settings = null;
        for (JsonNode client : realm.path("clients")) {
            if (client.path("clientId").asText().equals("admin-permissions")) {
                settings = client.path("authorizationSettings");
            }
        }
        assertThat(settings).isNotNull();
        Map<String, JsonNode> permissions = new HashMap<>();
        settings.path("policies").forEach(policy -> permissions.put(policy.path("name").asText(), policy));

        JsonNode roles = permissions.get("portal: school roles");
        assertThat(roles.path("config").path("resources").asText()).isEqualTo("[\"%s\", \"%s\", \"%s\"]".formatted(
                roleIds.get("tenant-admin"), roleIds.get("teacher"), roleIds.get("student")));
        assertThat(roles.path("config").path("resources").asText()).doesNotContain(roleIds.get("platform-admin"));

        String operatorsId = null;
        for (JsonNode group : realm.path("groups")) {
            if (group.path("name").asText().equals("platform-operators")) {
                operatorsId = group.path("id").asText();
            }
        }
        JsonNode shield = permissions.get("platform operators: out of the portal's reach");
        assertThat(shield.path("config").path("resources").asText()).isEqualTo("[\"" + operatorsId + "\"]");
        assertThat(shield.path("config").path("applyPolicies").asText()).isEqualTo("[\"anyone but the portal\"]");
        assertThat(permissions.get("anyone but the portal").path("logic").asText()).isEqualTo("NEGATIVE");
        permissions.values().stream().filter(p -> p.path("type").asText().equals("scope"))
                .forEach(p -> assertThat(p.path("config").path("scopes").asText()).as(p.path("name").asText())
                        .doesNotContain("impersonate\"").doesNotContain("reset-password"));
    }

    /** The clients people sign in with: all but admin-permissions, which only holds the permissions. */
    private static List<JsonNode> signInClients() {
        List<JsonNode> clients = new ArrayList<>();
        realm.path("clients").forEach(client -> {
            if (!client.path("clientId").asText().equals("admin-permissions")) {
                clients.add(client);
            }
        });
        assertThat(clients).hasSize(2);
        return clients;
    }

    @Test
    void thePermissionsClientIssuesNoTokens() {
        realm.path("clients").forEach(client -> {
            if (client.path("clientId").asText().equals("admin-permissions")) {
                assertThat(client.path("standardFlowEnabled").asBoolean()).isFalse();
                assertThat(client.path("directAccessGrantsEnabled").asBoolean()).isFalse();
                assertThat(client.path("serviceAccountsEnabled").asBoolean()).isFalse();
                assertThat(client.path("publicClient").asBoolean()).isFalse();
            }
        });
    }

    private static List<JsonNode> people() {
        List<JsonNode> people = new ArrayList<>();
        realm.path("users").forEach(u -> {
            if (!u.has("serviceAccountClientId")) {
                people.add(u);
            }
        });
        return people;
    }

    @Test
    void bothClientsPutTheTenantIntoTokens() {
        signInClients().forEach(client -> {
            JsonNode mapper = client.path("protocolMappers").path(0);
            assertThat(mapper.path("config").path("claim.name").asText()).isEqualTo("tenant");
            assertThat(mapper.path("config").path("aggregate.attrs").asText()).isEqualTo("true");
        });
    }

    @Test
    void bothClientsIssueTokensForThePortalOnly() {
        signInClients().forEach(client -> {
            List<String> audiences = new ArrayList<>();
            client.path("protocolMappers").forEach(mapper -> {
                if (mapper.path("protocolMapper").asText().equals("oidc-audience-mapper")) {
                    audiences.add(mapper.path("config").path("included.client.audience").asText());
                }
            });
            assertThat(audiences).as(client.path("clientId").asText()).containsExactly("campuslab-portal");
        });
    }

    @Test
    void passwordsHaveAPolicyAndGuessingIsSlowedDown() {
        assertThat(realm.path("passwordPolicy").asText()).contains("length(8)", "notUsername", "passwordHistory(");
        assertThat(realm.path("bruteForceProtected").asBoolean()).isTrue();
        assertThat(realm.path("failureFactor").asInt()).isBetween(3, 10);
        assertThat(realm.path("accessTokenLifespan").asInt()).isLessThanOrEqualTo(300);
        people().forEach(u -> assertThat(u.path("credentials").path(0).path("value").asText().length())
                .as("the demo password meets the policy").isGreaterThanOrEqualTo(8));
    }

    @Test
    void userProfileDeclaresTenantEditableByAdminsOnly() throws IOException {
        String config = realm.path("components").path("org.keycloak.userprofile.UserProfileProvider").path(0)
                .path("config").path("kc.user.profile.config").path(0).asText();
        JsonNode tenant = null;
        for (JsonNode attribute : new ObjectMapper().readTree(config).path("attributes")) {
            if (attribute.path("name").asText().equals("tenant")) {
                tenant = attribute;
            }
        }
        assertThat(tenant).isNotNull();
        assertThat(tenant.path("permissions").path("edit").toString()).isEqualTo("[\"admin\"]");
        assertThat(tenant.path("permissions").path("view").toString()).contains("user");
    }
}

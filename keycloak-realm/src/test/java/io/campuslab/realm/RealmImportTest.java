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
            String tenant = group.path("attributes").path("tenant").path(0).asText();
            assertThat(TenantSlug.isValid(tenant)).as(group.path("name").asText()).isTrue();
            assertThat(group.path("name").asText()).isEqualTo(tenant);
        });
    }

    @Test
    void demoUsersAsTheReadmePromises() {
        Map<String, String> users = new TreeMap<>();
        people().forEach(u -> users.put(u.path("username").asText(),
                u.path("realmRoles").path(0).asText() + "@" + u.path("groups").path(0).asText("-")));
        assertThat(users).containsExactlyInAnyOrderEntriesOf(Map.of(
                "operator", "platform-admin@-",
                "alice", "tenant-admin@/north-high", "tom", "teacher@/north-high",
                "sam", "student@/north-high", "sue", "student@/north-high",
                "bob", "tenant-admin@/south-academy", "tina", "teacher@/south-academy",
                "stan", "student@/south-academy"));
        people().forEach(u -> assertThat(u.path("credentials").path(0).path("value").asText()).isEqualTo("campuslab"));
    }

    @Test
    void portalServiceAccountManagesUsersAndGroupsOnly() {
        JsonNode account = null;
        for (JsonNode user : realm.path("users")) {
            if (user.has("serviceAccountClientId")) {
                account = user;
            }
        }
        assertThat(account).isNotNull();
        assertThat(account.path("serviceAccountClientId").asText()).isEqualTo("campuslab-portal");
        assertThat(account.path("clientRoles").path("realm-management").toString())
                .isEqualTo("[\"view-users\",\"query-users\",\"manage-users\",\"query-groups\"]");
        assertThat(account.path("realmRoles").isMissingNode()).isTrue();
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
        realm.path("clients").forEach(client -> {
            JsonNode mapper = client.path("protocolMappers").path(0);
            assertThat(mapper.path("config").path("claim.name").asText()).isEqualTo("tenant");
            assertThat(mapper.path("config").path("aggregate.attrs").asText()).isEqualTo("true");
        });
    }

    @Test
    void bothClientsIssueTokensForThePortalOnly() {
        realm.path("clients").forEach(client -> {
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

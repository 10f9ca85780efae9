package io.campuslab.system.tenant;

import static io.campuslab.system.PortalApi.database;
import static io.campuslab.system.PortalApi.send;
import static io.campuslab.system.PortalApi.signedIn;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.campuslab.system.KeycloakAdmin;
import io.campuslab.system.PortalApi;
import io.campuslab.system.SystemTest;
import io.campuslab.system.Tokens;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

/**
 * Onboarding schools against the real Keycloak: the group with its tenant attribute, the rows, the
 * audit record; refusals leave nothing behind in either place.
 */
@SystemTest
class OnboardingIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void operatorOnboardsASchoolWhoseMembersCanSignIn() throws Exception {
        String operator = signedIn("operator");

        HttpResponse<String> created = send("POST", "/api/v1/schools", operator,
                "{\"slug\": \"west-college\", \"name\": \"West College\"}");

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/api/v1/schools/west-college"));
        assertThat(JSON.readTree(created.body()).path("status").asText()).isEqualTo("ACTIVE");
        JsonNode group = KeycloakAdmin.group("west-college");
        assertThat(group.path("attributes").path("tenant").toString()).isEqualTo("[\"west-college\"]");
        assertThat(auditActions("west-college")).contains("school.onboarded by operator");

        KeycloakAdmin.createPerson("wendy", "tenant-admin", "west-college");
        HttpResponse<String> wendy = send("GET", "/api/v1/me", Tokens.of("wendy"), null);
        assertThat(JSON.readTree(wendy.body()).path("school").asText()).isEqualTo("West College");
        assertThat(send("GET", "/api/v1/schools/west-college", Tokens.of("wendy"), null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/api/v1/schools/north-high", Tokens.of("wendy"), null).statusCode()).isEqualTo(403);
    }

    @Test
    void onboardingCreatesTheFirstSchoolAdminWithAOneTimePassword() throws Exception {
        HttpResponse<String> created = send("POST", "/api/v1/schools", signedIn("operator"), """
                {"slug": "lake-school", "name": "Lake School",
                 "firstAdmin": {"username": "lena-lake", "name": "Lena Lake", "email": "lena@lake.test"}}
                """);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode answer = JSON.readTree(created.body());
        assertThat(answer.path("slug").asText()).isEqualTo("lake-school");
        assertThat(answer.path("firstAdmin").path("initialPassword").asText()).hasSize(12);
        JsonNode lena = KeycloakAdmin.get("/users?exact=true&username=lena-lake").path(0);
        assertThat(lena.path("requiredActions").toString()).contains("UPDATE_PASSWORD");
        assertThat(KeycloakAdmin.get("/users/" + lena.path("id").asText() + "/groups").toString()).contains("lake-school");
        assertThat(KeycloakAdmin.get("/users/" + lena.path("id").asText() + "/role-mappings/realm").toString())
                .contains("tenant-admin");
        assertThat(auditActions("lake-school")).contains("member.created by operator");

        HttpResponse<String> takenAdmin = send("POST", "/api/v1/schools", signedIn("operator"), """
                {"slug": "hill-school", "name": "Hill School", "firstAdmin": {"username": "sam", "name": "Sam Again"}}
                """);
        assertThat(takenAdmin.statusCode()).isEqualTo(409);
        assertThat(KeycloakAdmin.group("hill-school").isMissingNode()).as("nothing was made").isTrue();
        assertThat(schoolRows("hill-school")).isZero();
    }

    @Test
    void schoolAdminsCannotOnboardAndLeaveNoTrace() throws Exception {
        HttpResponse<String> bob = send("POST", "/api/v1/schools", signedIn("bob"), "{\"slug\": \"bobs-school\", \"name\": \"Bob's\"}");

        assertThat(bob.statusCode()).isEqualTo(403);
        assertThat(KeycloakAdmin.group("bobs-school").isMissingNode()).isTrue();
        assertThat(schoolRows("bobs-school")).isZero();
    }

    @Test
    void invalidAndDuplicateSchoolsAreRefused() throws Exception {
        String operator = signedIn("operator");

        HttpResponse<String> invalid = send("POST", "/api/v1/schools", operator, "{\"slug\": \"East School!\", \"name\": \"East\"}");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(invalid.body()).path("key").asText()).isEqualTo("error.school.slug-invalid");

        HttpResponse<String> duplicate = send("POST", "/api/v1/schools", operator, "{\"slug\": \"north-high\", \"name\": \"Again\"}");
        assertThat(duplicate.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(duplicate.body()).path("key").asText()).isEqualTo("error.school.exists");
    }

    @Test
    void groupThatExistsInKeycloakAlreadyLeavesNoSchoolRow() throws Exception {
        assertThat(KeycloakAdmin.post("/groups", "{\"name\": \"east-school\"}")).isEqualTo(201);

        HttpResponse<String> response = send("POST", "/api/v1/schools", signedIn("operator"),
                "{\"slug\": \"east-school\", \"name\": \"East School\"}");

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(response.body()).path("key").asText()).isEqualTo("error.school.exists-in-directory");
        assertThat(schoolRows("east-school")).isZero();
    }

    @Test
    void operatorRenamesSuspendsAndResumesASchool() throws Exception {
        String operator = signedIn("operator");
        assertThat(send("POST", "/api/v1/schools", operator, "{\"slug\": \"south-lab\", \"name\": \"South Lab\"}").statusCode()).isEqualTo(201);

        HttpResponse<String> renamed = send("PATCH", "/api/v1/schools/south-lab", operator, "{\"name\": \"South Laboratory School\"}");
        assertThat(JSON.readTree(renamed.body()).path("name").asText()).isEqualTo("South Laboratory School");
        HttpResponse<String> suspended = send("PATCH", "/api/v1/schools/south-lab", operator, "{\"status\": \"SUSPENDED\"}");
        assertThat(JSON.readTree(suspended.body()).path("status").asText()).isEqualTo("SUSPENDED");

        KeycloakAdmin.createPerson("lara", "student", "south-lab");
        HttpResponse<String> refused = send("GET", "/api/v1/me", Tokens.of("lara"), null);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(refused.body()).path("key").asText()).isEqualTo("error.membership.school-suspended");

        HttpResponse<String> resumed = send("PATCH", "/api/v1/schools/south-lab", operator, "{\"status\": \"ACTIVE\"}");
        assertThat(JSON.readTree(resumed.body()).path("status").asText()).isEqualTo("ACTIVE");
        assertThat(send("GET", "/api/v1/me", Tokens.of("lara"), null).statusCode()).isEqualTo(200);
        assertThat(auditActions("south-lab")).contains("school.renamed by operator", "school.suspended by operator",
                "school.resumed by operator");

        assertThat(send("PATCH", "/api/v1/schools/north-high", signedIn("alice"), "{\"status\": \"SUSPENDED\"}").statusCode())
                .isEqualTo(403);
        assertThat(send("PATCH", "/api/v1/schools/south-lab", operator, "{\"status\": \"CLOSED\"}").statusCode()).isEqualTo(400);
    }

    @Test
    void auditLogIsScopedToTheCallersSchool() throws Exception {
        String operator = signedIn("operator");
        assertThat(send("PATCH", "/api/v1/schools/north-high", operator, "{\"name\": \"North High School\"}").statusCode()).isEqualTo(200);
        assertThat(send("PATCH", "/api/v1/schools/south-academy", operator, "{\"name\": \"South Academy\"}").statusCode()).isEqualTo(200);

        JsonNode alice = JSON.readTree(send("GET", "/api/v1/audit", signedIn("alice"), null).body());
        assertThat(alice.findValuesAsText("tenant")).contains("north-high").containsOnly("north-high");
        assertThat(alice.findValuesAsText("action")).contains("school.renamed");

        JsonNode bob = JSON.readTree(send("GET", "/api/v1/audit", signedIn("bob"), null).body());
        assertThat(bob.findValuesAsText("tenant")).contains("south-academy").containsOnly("south-academy");

        JsonNode all = JSON.readTree(send("GET", "/api/v1/audit?max=500", operator, null).body());
        assertThat(all.findValuesAsText("tenant")).contains("north-high", "south-academy");

        assertThat(send("GET", "/api/v1/audit", signedIn("sam"), null).statusCode()).isEqualTo(403);
        assertThat(send("GET", "/api/v1/audit", signedIn("tom"), null).statusCode()).isEqualTo(403);
    }

    private static int schoolRows(String slug) throws Exception {
        return (int) PortalApi.queryLong("select count(*) from tenants where slug = ?", slug);
    }

    private static java.util.List<String> auditActions(String slug) throws Exception {
        java.util.List<String> actions = new java.util.ArrayList<>();
        try (Connection db = database();
             PreparedStatement query = db.prepareStatement("select action, actor from audit_events where tenant_slug = ? order by id")) {
            query.setString(1, slug);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    actions.add(rows.getString(1) + " by " + rows.getString(2));
                }
            }
        }
        return actions;
    }

}

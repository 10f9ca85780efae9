package io.campuslab.system.identity;

import static io.campuslab.system.PortalApi.send;
import static io.campuslab.system.PortalApi.signedIn;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.campuslab.system.KeycloakAdmin;
import io.campuslab.system.StackExtension;
import io.campuslab.system.SystemTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** A school's members through the API, against the real Keycloak: import, roles, isolation. */
@SystemTest
class MembersIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aClassListWithOneBadRowImportsNobody() throws Exception {
        String alice = signedIn("alice");
        String csv = "username,name,email,class\ngood-one,Good One,good1@north.test,7A\nx,Bad Row,nope,7A\nsam,Taken Name,,7A\n";

        JsonNode preview = JSON.readTree(importCsv(alice, csv, true).body());
        assertThat(preview.path(0).path("problems")).isEmpty();
        assertThat(preview.path(1).path("problems").toString()).contains("error.import.username-invalid", "error.import.email-invalid");
        assertThat(preview.path(2).path("problems").toString()).contains("error.import.username-taken");

        HttpResponse<String> refused = importCsv(alice, csv, false);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(refused.body()).path("key").asText()).isEqualTo("error.import.has-problems");
        assertThat(KeycloakAdmin.get("/users?exact=true&username=good-one")).isEmpty();
    }

    @Test
    void aSchoolAdminAddsOneTeacherByHand() throws Exception {
        String alice = signedIn("alice");
        HttpResponse<String> added = send("POST", "/api/v1/members", alice,
                "{\"username\": \"tina-t\", \"name\": \"Tina Turing\", \"email\": \"tina@north.test\", \"role\": \"teacher\"}");

        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        assertThat(JSON.readTree(added.body()).path("initialPassword").asText()).hasSize(12);
        JsonNode tina = KeycloakAdmin.get("/users?exact=true&username=tina-t").path(0);
        assertThat(KeycloakAdmin.get("/users/" + tina.path("id").asText() + "/groups").toString()).contains("north-high");
        assertThat(KeycloakAdmin.get("/users/" + tina.path("id").asText() + "/role-mappings/realm").toString()).contains("teacher");
        JsonNode page = JSON.readTree(send("GET", "/api/v1/members?search=tina", alice, null).body());
        assertThat(page.path("members").path(0).path("role").asText()).isEqualTo("TEACHER");
        assertThat(send("GET", "/api/v1/members?search=tina", signedIn("bob"), null).body()).doesNotContain("tina-t");

        HttpResponse<String> again = send("POST", "/api/v1/members", alice, "{\"username\": \"tina-t\", \"name\": \"Tina Again\"}");
        assertThat(again.statusCode()).isEqualTo(409);
        HttpResponse<String> platformRole = send("POST", "/api/v1/members", alice,
                "{\"username\": \"root-ann\", \"name\": \"Ann Root\", \"role\": \"platform-admin\"}");
        assertThat(JSON.readTree(platformRole.body()).path("key").asText()).isEqualTo("error.member.role-invalid");
        assertThat(KeycloakAdmin.get("/users?exact=true&username=root-ann")).isEmpty();
        assertThat(send("POST", "/api/v1/members", signedIn("tom"), "{\"username\": \"toms-pal\", \"name\": \"Pal\"}")
                .statusCode()).isEqualTo(403);
        assertThat(KeycloakAdmin.get("/users?exact=true&username=toms-pal")).isEmpty();
    }

    @Test
    void aGoodClassListCreatesStudentsInKeycloakAndHere() throws Exception {
        String alice = signedIn("alice");
        HttpResponse<String> imported = importCsv(alice,
                "username,name,email,class\nlin-wei,林 伟,lin@north.test,初二(3)班\nmaya-k,Maya Kaur,,8B\n", false);

        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        JsonNode people = JSON.readTree(imported.body());
        assertThat(people.path(0).path("initialPassword").asText()).hasSize(12);
        JsonNode lin = KeycloakAdmin.get("/users?exact=true&username=lin-wei").path(0);
        assertThat(lin.path("firstName").asText()).isEqualTo("林");
        assertThat(KeycloakAdmin.get("/users/" + lin.path("id").asText() + "/groups").toString()).contains("north-high");
        assertThat(KeycloakAdmin.get("/users/" + lin.path("id").asText() + "/role-mappings/realm").toString()).contains("student");

        JsonNode page = JSON.readTree(send("GET", "/api/v1/members?search=lin", alice, null).body());
        assertThat(page.path("total").asLong()).isEqualTo(1);
        assertThat(page.path("members").path(0).path("className").asText()).isEqualTo("初二(3)班");
        assertThat(page.path("members").path(0).path("lastSignIn").isNull()).isTrue();

        HttpResponse<String> promoted = send("PUT", "/api/v1/members/maya-k/role", alice, "{\"role\": \"teacher\"}");
        assertThat(promoted.statusCode()).as(promoted.body()).isEqualTo(200);
        String mayaId = KeycloakAdmin.get("/users?exact=true&username=maya-k").path(0).path("id").asText();
        String mayaRoles = KeycloakAdmin.get("/users/" + mayaId + "/role-mappings/realm").toString();
        assertThat(mayaRoles).contains("teacher").doesNotContain("\"student\"");
    }

    @Test
    void membersStayInsideTheirSchool() throws Exception {
        signedIn("sam");
        JsonNode bobSearch = JSON.readTree(send("GET", "/api/v1/members?search=sam", signedIn("bob"), null).body());
        assertThat(bobSearch.path("total").asLong()).isZero();
        assertThat(send("PUT", "/api/v1/members/sam/role", signedIn("bob"), "{\"role\": \"teacher\"}").statusCode()).isEqualTo(404);
        assertThat(send("GET", "/api/v1/members", signedIn("sam"), null).statusCode()).isEqualTo(403);
        assertThat(send("GET", "/api/v1/members", signedIn("tom"), null).statusCode()).isEqualTo(403);

        HttpResponse<String> own = send("PUT", "/api/v1/members/alice/role", signedIn("alice"), "{\"role\": \"student\"}");
        assertThat(JSON.readTree(own.body()).path("key").asText()).isEqualTo("error.member.own-role");
        HttpResponse<String> platform = send("PUT", "/api/v1/members/sam/role", signedIn("alice"), "{\"role\": \"platform-admin\"}");
        assertThat(JSON.readTree(platform.body()).path("key").asText()).isEqualTo("error.member.role-invalid");
    }

    private static HttpResponse<String> importCsv(String token, String csv, boolean preview) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:"
                        + StackExtension.settings().portalPort() + "/api/v1/members/import?preview=" + preview))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv)).build(), HttpResponse.BodyHandlers.ofString());
    }
}

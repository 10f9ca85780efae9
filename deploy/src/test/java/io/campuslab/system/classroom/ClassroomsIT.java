package io.campuslab.system.classroom;

import static io.campuslab.system.PortalApi.send;
import static io.campuslab.system.PortalApi.signedIn;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.campuslab.system.KeycloakAdmin;
import io.campuslab.system.SystemTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** A teacher's classroom and its roster: the teacher and the school's admins see it, nobody else. */
@SystemTest
class ClassroomsIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void tomMakesAClassroomWithSamAndSueThatOnlyHisSchoolsAdminsAndHeSee() throws Exception {
        String tom = signedIn("tom");
        signedIn("sam");
        signedIn("sue");
        HttpResponse<String> created = send("POST", "/api/v1/classrooms", tom, "{\"name\": \"Physics 3B\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = JSON.readTree(created.body()).path("id").asLong();

        HttpResponse<String> stranger = send("PUT", "/api/v1/classrooms/" + id + "/roster", tom, "[\"sam\", \"stan\"]");
        assertThat(stranger.statusCode()).as("stan is of South Academy").isEqualTo(400);
        assertThat(stranger.body()).contains("stan");
        JsonNode roster = JSON.readTree(send("PUT", "/api/v1/classrooms/" + id + "/roster", tom, "[\"sue\", \"sam\", \"sam\"]").body());
        assertThat(roster.path("students").toString()).isEqualTo("[\"sam\",\"sue\"]");
        assertThat(roster.path("teacher").asText()).isEqualTo("tom");

        assertThat(send("POST", "/api/v1/classrooms", tom, "{\"name\": \"Physics 3B\"}").statusCode()).isEqualTo(409);
        assertThat(send("POST", "/api/v1/classrooms", signedIn("sam"), "{\"name\": \"Mine\"}").statusCode()).isEqualTo(403);
        assertThat(send("GET", "/api/v1/classrooms/" + id, signedIn("bob"), null).statusCode())
                .as("another school's admin").isEqualTo(404);
        assertThat(JSON.readTree(send("GET", "/api/v1/classrooms", signedIn("tina"), null).body())).isEmpty();
        assertThat(JSON.readTree(send("GET", "/api/v1/classrooms", signedIn("alice"), null).body()).toString())
                .contains("Physics 3B");

        assertThat(send("DELETE", "/api/v1/classrooms/" + id, tom, null).statusCode()).isEqualTo(204);
        assertThat(send("GET", "/api/v1/classrooms/" + id, tom, null).statusCode()).isEqualTo(404);
    }

    @Test
    void aRosterTakesTheStudentsOfAGroupUnderTheSchoolInTheDirectory() throws Exception {
        String north = KeycloakAdmin.group("north-high").path("id").asText();
        String south = KeycloakAdmin.group("south-academy").path("id").asText();
        assertThat(KeycloakAdmin.post("/groups/" + north + "/children", "{\"name\": \"chem-4a\"}")).isEqualTo(201);
        assertThat(KeycloakAdmin.post("/groups/" + south + "/children", "{\"name\": \"art-1\"}")).isEqualTo(201);
        KeycloakAdmin.createPerson("gwen", "student", "north-high/chem-4a");
        KeycloakAdmin.createPerson("gary", "teacher", "north-high/chem-4a");
        String tom = signedIn("tom");
        long id = JSON.readTree(send("POST", "/api/v1/classrooms", tom, "{\"name\": \"Chemistry 4A\"}").body()).path("id").asLong();

        JsonNode groups = JSON.readTree(send("GET", "/api/v1/classrooms/directory-groups", tom, null).body());
        assertThat(groups.findValuesAsText("path")).contains("chem-4a", "physics-3b").doesNotContain("art-1");
        String chem = groups.findParents("path").stream().filter(g -> g.path("path").asText().equals("chem-4a"))
                .findFirst().orElseThrow().path("id").asText();
        String art = KeycloakAdmin.get("/groups/" + south + "/children").path(0).path("id").asText();

        HttpResponse<String> added = send("POST", "/api/v1/classrooms/" + id + "/roster/group", tom,
                "{\"groupId\": \"" + chem + "\"}");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
        JsonNode answer = JSON.readTree(added.body());
        assertThat(answer.path("joined").findValuesAsText("username")).as("gwen has never signed in").containsExactly("gwen");
        assertThat(answer.path("passedOver").toString()).isEqualTo("[\"gary\"]");
        assertThat(answer.path("classroom").path("students").toString()).isEqualTo("[\"gwen\"]");
        assertThat(JSON.readTree(send("GET", "/api/v1/classrooms/" + id, tom, null).body()).path("students").toString())
                .isEqualTo("[\"gwen\"]");

        HttpResponse<String> physics = send("POST", "/api/v1/classrooms/" + id + "/roster/group", tom, "{\"groupId\": \""
                + groups.findParents("path").stream().filter(g -> g.path("path").asText().equals("physics-3b"))
                .findFirst().orElseThrow().path("id").asText() + "\"}");
        assertThat(JSON.readTree(physics.body()).path("classroom").path("students").toString())
                .as("the demo realm's physics-3b: sam and sue, added to gwen").isEqualTo("[\"gwen\",\"sam\",\"sue\"]");

        assertThat(send("POST", "/api/v1/classrooms/" + id + "/roster/group", tom, "{\"groupId\": \"" + art + "\"}").statusCode())
                .as("a group of South Academy").isEqualTo(404);
        assertThat(send("POST", "/api/v1/classrooms/" + id + "/roster/group", tom, "{\"groupId\": \"" + north + "\"}").statusCode())
                .as("the school's own group is not a class").isEqualTo(404);
        assertThat(JSON.readTree(send("GET", "/api/v1/classrooms/directory-groups", signedIn("bob"), null).body())
                .findValuesAsText("path")).containsExactly("art-1");
        assertThat(send("POST", "/api/v1/classrooms/" + id + "/roster/group", signedIn("bob"), "{\"groupId\": \"" + art + "\"}")
                .statusCode()).as("another school's classroom").isEqualTo(404);
        assertThat(send("DELETE", "/api/v1/classrooms/" + id, tom, null).statusCode()).isEqualTo(204);
    }
}

package io.campuslab.system;

import static io.campuslab.system.PortalApi.send;
import static io.campuslab.system.PortalApi.signedIn;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/** A teacher's classroom and its roster: the teacher and the school's admins see it, nobody else. */
@SystemTest
@RunAsClient
class ClassroomsIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.campuslabEar();
    }

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
}

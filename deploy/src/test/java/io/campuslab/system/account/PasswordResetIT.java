package io.campuslab.system.account;

import static io.campuslab.system.PortalApi.send;
import static io.campuslab.system.PortalApi.signedIn;
import static io.campuslab.system.PortalApi.queryLong;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.campuslab.system.KeycloakAdmin;
import io.campuslab.system.SystemTest;
import io.campuslab.system.Tokens;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * School admins reset any member's CampusLab password, teachers their own students': a one-time
 * password, shown once, that the member must change at the next sign-in; nobody else's.
 */
@SystemTest
class PasswordResetIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void people() throws Exception {
        KeycloakAdmin.createPerson("reset-rosa", "student", "north-high");
        KeycloakAdmin.createPerson("reset-rudi", "student", "north-high");
        KeycloakAdmin.createPerson("reset-ron", "teacher", "north-high");
        for (String person : new String[] {"reset-rosa", "reset-rudi", "reset-ron"}) {
            signedIn(person);
        }
    }

    @Test
    void aSchoolAdminGivesAMemberAOneTimePasswordThatMustBeChangedAtTheNextSignIn() throws Exception {
        String rosa = KeycloakAdmin.userId("reset-rosa");
        long before = KeycloakAdmin.get("/users/" + rosa + "/credentials").path(0).path("createdDate").asLong();
        HttpResponse<String> reset = send("POST", "/api/v1/members/reset-rosa/password-reset", signedIn("alice"), null);
        assertThat(reset.statusCode()).as(reset.body()).isEqualTo(200);
        String password = JSON.readTree(reset.body()).path("initialPassword").asText();
        assertThat(password).hasSize(12);

        JsonNode credential = KeycloakAdmin.get("/users/" + rosa + "/credentials").path(0);
        assertThat(credential.path("type").asText()).isEqualTo("password");
        assertThat(credential.path("createdDate").asLong()).as("a new password").isGreaterThan(before);
        assertThat(KeycloakAdmin.get("/users/" + rosa).path("requiredActions").toString()).as("to be changed at the next sign-in")
                .contains("UPDATE_PASSWORD");
        assertThat(Tokens.grant("reset-rosa", "campuslab", "campuslab-cli").body()).as("the old password").doesNotContain("access_token");
        assertThat(queryLong("SELECT COUNT(*) FROM audit_events WHERE action = 'member.password-reset' AND target = ?", "reset-rosa"))
                .isEqualTo(1);
    }

    @Test
    void aTeacherResetsTheStudentsOfHisClassroomsOnlyAndNobodyResetsAnotherSchoolsOrTheirOwn() throws Exception {
        String ron = signedIn("reset-ron");
        assertThat(send("POST", "/api/v1/members/reset-rudi/password-reset", ron, null).statusCode())
                .as("a student of the school, not on his rosters").isEqualTo(404);
        HttpResponse<String> classroom = send("POST", "/api/v1/classrooms", ron, "{\"name\": \"Reset 1a\"}");
        long id = JSON.readTree(classroom.body()).path("id").asLong();
        assertThat(send("PUT", "/api/v1/classrooms/" + id + "/roster", ron, "[\"reset-rudi\"]").statusCode()).isEqualTo(200);
        HttpResponse<String> own = send("POST", "/api/v1/members/reset-rudi/password-reset", ron, null);
        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
        assertThat(send("POST", "/api/v1/members/alice/password-reset", ron, null).statusCode()).as("his school's admin").isEqualTo(404);
        assertThat(send("POST", "/api/v1/members/tom/password-reset", ron, null).statusCode()).as("another teacher").isEqualTo(404);

        String alice = signedIn("alice");
        HttpResponse<String> herOwn = send("POST", "/api/v1/members/alice/password-reset", alice, null, "zh-CN");
        assertThat(herOwn.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(herOwn.body()).path("detail").asText()).contains("账号设置");
        assertThat(send("POST", "/api/v1/members/stan/password-reset", alice, null).statusCode()).as("another school's student")
                .isEqualTo(404);
        assertThat(send("POST", "/api/v1/members/operator/password-reset", alice, null).statusCode()).as("the operator")
                .isEqualTo(404);
        assertThat(send("POST", "/api/v1/members/no-such-" + "x".repeat(300) + "/password-reset", alice, null).statusCode())
                .isEqualTo(404);
        assertThat(send("POST", "/api/v1/members/reset-rosa/password-reset", signedIn("bob"), null).statusCode())
                .as("another school's admin").isEqualTo(404);
        assertThat(send("POST", "/api/v1/members/reset-rudi/password-reset", signedIn("sam"), null).statusCode())
                .as("a student").isEqualTo(403);
        assertThat(send("POST", "/api/v1/members/reset-rudi/password-reset", signedIn("operator"), null).statusCode())
                .as("the operator is no school's admin").isEqualTo(403);
        JsonNode audit = JSON.readTree(send("GET", "/api/v1/audit", alice, null).body());
        assertThat(audit.toString()).contains("member.password-reset");
    }
}

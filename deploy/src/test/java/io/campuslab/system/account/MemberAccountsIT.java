package io.campuslab.system.account;

import static io.campuslab.system.PortalApi.queryLong;
import static io.campuslab.system.PortalApi.send;
import static io.campuslab.system.PortalApi.signedIn;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.campuslab.system.KeycloakAdmin;
import io.campuslab.system.SystemTest;
import io.campuslab.system.Tokens;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A school admin suspends a member: no sign-in, no call, labs stopped, nothing deleted; and resumes
 * them. Nobody else may, and nobody suspends themselves.
 */
@SystemTest
class MemberAccountsIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aSuspendedMemberCanNeitherSignInNorActAndTheirLabStopsUntilResumed() throws Exception {
        KeycloakAdmin.createPerson("acct-amy", "student", "north-high");
        String amy = signedIn("acct-amy");
        HttpResponse<String> lab = send("POST", "/api/v1/labs", amy, "{\"template\": \"jupyterlab\"}");
        assertThat(lab.statusCode()).as(lab.body()).isIn(200, 201, 202);
        long labId = JSON.readTree(lab.body()).path("id").asLong();

        String alice = signedIn("alice");
        HttpResponse<String> suspended = send("POST", "/api/v1/members/acct-amy/suspend", alice, null);
        assertThat(suspended.statusCode()).as(suspended.body()).isEqualTo(200);
        assertThat(JSON.readTree(suspended.body()).path("suspended").asBoolean()).isTrue();

        HttpResponse<String> refused = send("GET", "/api/v1/me", amy, null);
        assertThat(refused.statusCode()).as("her token, still valid, is refused").isEqualTo(403);
        assertThat(refused.body()).contains("suspended your account");
        assertThat(Tokens.grant("acct-amy", "campuslab", "campuslab-cli").body()).as("no new sign-in").doesNotContain("access_token");
        assertThat(KeycloakAdmin.get("/users/" + KeycloakAdmin.userId("acct-amy")).path("enabled").asBoolean()).isFalse();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        String stopping = "SELECT COUNT(*) FROM labs WHERE id = CAST(? AS UNSIGNED) AND state IN ('STOPPING', 'STOPPED')";
        while (queryLong(stopping, String.valueOf(labId)) == 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
        }
        assertThat(queryLong(stopping, String.valueOf(labId))).as("her lab stops").isEqualTo(1);
        assertThat(queryLong("SELECT COUNT(*) FROM members WHERE username = ?", "acct-amy")).as("nothing deleted").isEqualTo(1);

        HttpResponse<String> resumed = send("POST", "/api/v1/members/acct-amy/resume", alice, null);
        assertThat(resumed.statusCode()).as(resumed.body()).isEqualTo(200);
        assertThat(send("GET", "/api/v1/me", Tokens.of("acct-amy"), null).statusCode()).as("signs in again").isEqualTo(200);
        JsonNode audit = JSON.readTree(send("GET", "/api/v1/audit", alice, null).body());
        assertThat(audit.toString()).contains("member.suspended", "member.resumed");
    }

    @Test
    void onlyTheSchoolsAdminSuspendsAndNeverThemselvesNorAnotherSchoolsMember() throws Exception {
        KeycloakAdmin.createPerson("acct-abe", "student", "north-high");
        signedIn("acct-abe");
        assertThat(send("POST", "/api/v1/members/acct-abe/suspend", signedIn("tom"), null).statusCode()).as("a teacher").isEqualTo(403);
        assertThat(send("POST", "/api/v1/members/acct-abe/suspend", signedIn("sam"), null).statusCode()).as("a student").isEqualTo(403);
        assertThat(send("POST", "/api/v1/members/acct-abe/suspend", signedIn("bob"), null).statusCode())
                .as("another school's admin").isEqualTo(404);
        assertThat(send("POST", "/api/v1/members/acct-abe/suspend", signedIn("operator"), null).statusCode())
                .as("the operator suspends schools, not their members").isEqualTo(403);
        String alice = signedIn("alice");
        HttpResponse<String> herself = send("POST", "/api/v1/members/alice/suspend", alice, null, "zh-CN");
        assertThat(herself.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(herself.body()).path("detail").asText()).contains("您自己的账号");
        assertThat(send("POST", "/api/v1/members/operator/suspend", alice, null).statusCode()).isEqualTo(404);
        assertThat(send("POST", "/api/v1/members/stan/suspend", alice, null).statusCode()).isEqualTo(404);
        assertThat(send("POST", "/api/v1/members/" + "x".repeat(300) + "/suspend", alice, null).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/api/v1/me", Tokens.of("acct-abe"), null).statusCode()).as("still a member").isEqualTo(200);
    }
}

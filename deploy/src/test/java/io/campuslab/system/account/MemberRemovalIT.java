package io.campuslab.system.account;

import static io.campuslab.system.PortalApi.fetchBytes;
import static io.campuslab.system.PortalApi.queryLong;
import static io.campuslab.system.PortalApi.send;
import static io.campuslab.system.PortalApi.signedIn;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.campuslab.system.KeycloakAdmin;
import io.campuslab.system.StackExtension;
import io.campuslab.system.SystemTest;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * A school admin removes a member after a preview: their lab stops, they leave the rosters, they may
 * only download their workspace, and after the grace period (20 s in the tests) their Keycloak
 * account, workspace and records are gone. A removal is taken back before that; nobody else removes,
 * nobody removes themselves, and a teacher of classrooms is not removed.
 */
@SystemTest
class MemberRemovalIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aRemovedStudentOnlyDownloadsTheirWorkspaceUntilTheGracePeriodEndsThenEverythingOfThemIsDeleted() throws Exception {
        KeycloakAdmin.createPerson("rm-ria", "student", "north-high");
        KeycloakAdmin.createPerson("rm-rex", "teacher", "north-high");
        String ria = signedIn("rm-ria");
        String rex = signedIn("rm-rex");
        HttpResponse<String> lab = send("POST", "/api/v1/labs", ria, "{\"template\": \"jupyterlab\"}");
        assertThat(lab.statusCode()).as(lab.body()).isIn(200, 201, 202);
        long labId = JSON.readTree(lab.body()).path("id").asLong();
        long classroom = JSON.readTree(send("POST", "/api/v1/classrooms", rex, "{\"name\": \"Removal 1a\"}").body()).path("id").asLong();
        assertThat(send("PUT", "/api/v1/classrooms/" + classroom + "/roster", rex, "[\"rm-ria\", \"sam\"]").statusCode()).isEqualTo(200);
        // what her labs kept, and a link her lab made to another student's folder and to a file of the server
        Path school = StackExtension.settings().home().resolve("storage/workspaces/north-high");
        Path folder = school.resolve("jupyterlab/rm-ria");
        Files.createDirectories(folder.resolve("project"));
        Files.writeString(folder.resolve("project/notes.md"), "# ria's notes\n");
        Files.createDirectories(school.resolve("jupyterlab/sam"));
        Files.writeString(school.resolve("jupyterlab/sam/private.txt"), "sam's");
        Files.createSymbolicLink(folder.resolve("sams"), school.resolve("jupyterlab/sam"));
        Files.createSymbolicLink(folder.resolve("passwd"), Path.of("/etc/passwd"));

        String alice = signedIn("alice");
        HttpResponse<String> preview = send("GET", "/api/v1/members/rm-ria/removal", alice, null);
        assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
        JsonNode said = JSON.readTree(preview.body());
        assertThat(said.path("activeLabs").asInt()).isEqualTo(1);
        assertThat(said.path("rosters").toString()).contains("Removal 1a");
        assertThat(said.path("workspaceBytes").asLong()).isEqualTo(14);
        assertThat(said.path("teachesClassrooms").isEmpty()).as("nothing blocks it").isTrue();
        assertThat(said.path("leaving").asBoolean()).isFalse();
        assertThat(queryLong("SELECT COUNT(*) FROM members WHERE username = ? AND leaving_since IS NULL", "rm-ria"))
                .as("a preview changes nothing").isEqualTo(1);

        HttpResponse<String> removed = send("POST", "/api/v1/members/rm-ria/removal", alice, null);
        assertThat(removed.statusCode()).as(removed.body()).isEqualTo(200);
        Instant deleteAfter = Instant.parse(JSON.readTree(removed.body()).path("deleteAfter").asText());
        assertThat(deleteAfter).isBetween(Instant.now().plusSeconds(5), Instant.now().plusSeconds(25));

        JsonNode me = JSON.readTree(send("GET", "/api/v1/me", ria, null).body());
        assertThat(me.path("leavingUntil").asText()).as("she still signs in, and is told until when").isNotEmpty();
        HttpResponse<String> refused = send("GET", "/api/v1/labs/mine", ria, null);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("removed your account");
        assertThat(send("POST", "/api/v1/labs", ria, "{\"template\": \"jupyterlab\"}").statusCode()).isEqualTo(403);
        JsonNode roster = JSON.readTree(send("GET", "/api/v1/classrooms/" + classroom, rex, null).body());
        assertThat(roster.toString()).as("off the roster").doesNotContain("rm-ria").contains("sam");
        assertThat(send("PUT", "/api/v1/classrooms/" + classroom + "/roster", rex, "[\"rm-ria\"]").statusCode())
                .as("and not to be put back on one").isEqualTo(400);

        waitFor(Duration.ofSeconds(30), () -> queryLong("SELECT COUNT(*) FROM labs WHERE id = CAST(? AS UNSIGNED) AND state IN ('STOPPED', 'FAILED')",
                String.valueOf(labId)) == 1, "her lab to end");
        HttpResponse<byte[]> zip = fetchBytes("/api/v1/me/workspace", ria);
        assertThat(zip.statusCode()).isEqualTo(200);
        assertThat(zip.headers().firstValue("Content-Disposition").orElse("")).contains("workspace-rm-ria.zip");
        assertThat(unzip(zip.body())).as("her files, no link followed").containsOnly(Map.entry("jupyterlab/project/notes.md", "# ria's notes\n"));
        assertThat(fetchBytes("/api/v1/me/workspace", signedIn("sam")).statusCode()).as("sam's own, not hers").isEqualTo(200);

        waitFor(Duration.ofSeconds(90), () -> queryLong("SELECT COUNT(*) FROM members WHERE username = ?", "rm-ria") == 0,
                "her records to be deleted after the grace period");
        assertThat(queryLong("SELECT COUNT(*) FROM labs WHERE id = CAST(? AS UNSIGNED)", String.valueOf(labId))).isZero();
        assertThat(KeycloakAdmin.userId("rm-ria")).as("her Keycloak account").isEmpty();
        assertThat(folder).doesNotExist();
        assertThat(school.resolve("jupyterlab/sam/private.txt")).as("what her links pointed at").hasContent("sam's");
        assertThat(Path.of("/etc/passwd")).exists();
        HttpResponse<String> oldToken = send("GET", "/api/v1/me", ria, null);
        assertThat(oldToken.statusCode()).as("her token from before, still unexpired").isEqualTo(403);
        assertThat(oldToken.body()).contains("was deleted");
        assertThat(queryLong("SELECT COUNT(*) FROM members WHERE username = ?", "rm-ria")).as("and not made anew by it").isZero();
        String audit = send("GET", "/api/v1/audit", alice, null).body();
        assertThat(audit).contains("member.removed", "member.deleted");
    }

    @Test
    void onlyTheSchoolsAdminRemovesNeverThemselvesNorATeacherOfClassroomsAndTakesItBackInTime() throws Exception {
        KeycloakAdmin.createPerson("rm-rob", "student", "north-high");
        KeycloakAdmin.createPerson("rm-rae", "teacher", "north-high");
        String rob = signedIn("rm-rob");
        String rae = signedIn("rm-rae");
        for (String method : new String[] {"GET", "POST", "DELETE"}) {
            String path = "/api/v1/members/rm-rob/removal";
            assertThat(send(method, path, signedIn("tom"), null).statusCode()).as(method + " by a teacher").isEqualTo(403);
            assertThat(send(method, path, signedIn("sam"), null).statusCode()).as(method + " by a student").isEqualTo(403);
            assertThat(send(method, path, signedIn("bob"), null).statusCode()).as(method + " by another school's admin").isEqualTo(404);
            assertThat(send(method, path, signedIn("operator"), null).statusCode()).as(method + " by the operator").isEqualTo(403);
        }
        String alice = signedIn("alice");
        HttpResponse<String> herself = send("POST", "/api/v1/members/alice/removal", alice, null, "zh-CN");
        assertThat(herself.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(herself.body()).path("detail").asText()).contains("自己的账号");
        assertThat(send("POST", "/api/v1/members/stan/removal", alice, null).statusCode()).as("another school's").isEqualTo(404);
        assertThat(send("POST", "/api/v1/members/" + "x".repeat(300) + "/removal", alice, null).statusCode()).isEqualTo(404);
        assertThat(send("POST", "/api/v1/members/rm-nobody/removal", alice, null).statusCode()).isEqualTo(404);

        send("POST", "/api/v1/classrooms", rae, "{\"name\": \"Removal 2b\"}");
        JsonNode blocked = JSON.readTree(send("GET", "/api/v1/members/rm-rae/removal", alice, null).body());
        assertThat(blocked.path("teachesClassrooms").toString()).contains("Removal 2b");
        HttpResponse<String> refused = send("POST", "/api/v1/members/rm-rae/removal", alice, null);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Removal 2b");
        assertThat(send("GET", "/api/v1/classrooms", rae, null).statusCode()).as("she teaches on").isEqualTo(200);

        assertThat(send("POST", "/api/v1/members/rm-rob/removal", alice, null).statusCode()).isEqualTo(200);
        assertThat(send("POST", "/api/v1/members/rm-rob/removal", alice, null).statusCode()).as("twice is once").isEqualTo(200);
        assertThat(send("GET", "/api/v1/labs/mine", rob, null).statusCode()).isEqualTo(403);
        assertThat(send("GET", "/api/v1/members", rob, null).statusCode()).isEqualTo(403);
        HttpResponse<String> kept = send("DELETE", "/api/v1/members/rm-rob/removal", alice, null);
        assertThat(kept.statusCode()).as(kept.body()).isEqualTo(200);
        assertThat(JSON.readTree(kept.body()).path("deleteAfter").isNull()).isTrue();
        assertThat(send("GET", "/api/v1/labs/mine", rob, null).statusCode()).as("he belongs to the school again").isEqualTo(200);
        Thread.sleep(Duration.ofSeconds(36).toMillis()); // past the grace period and two rounds of the deletions
        assertThat(queryLong("SELECT COUNT(*) FROM members WHERE username = ?", "rm-rob")).as("kept, not deleted").isEqualTo(1);
        assertThat(KeycloakAdmin.userId("rm-rob")).isNotEmpty();
        assertThat(send("GET", "/api/v1/audit", alice, null).body()).contains("member.kept");
    }

    private interface Check {
        boolean holds() throws Exception;
    }

    private static void waitFor(Duration patience, Check check, String what) throws Exception {
        Instant deadline = Instant.now().plus(patience);
        while (!check.holds()) {
            assertThat(Instant.now()).as("waiting for " + what).isBefore(deadline);
            Thread.sleep(500);
        }
    }

    private static Map<String, String> unzip(byte[] zip) throws Exception {
        Map<String, String> entries = new TreeMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return entries;
    }
}

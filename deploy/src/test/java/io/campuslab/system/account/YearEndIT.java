package io.campuslab.system.account;

import static io.campuslab.system.PortalApi.queryLong;
import static io.campuslab.system.PortalApi.send;
import static io.campuslab.system.PortalApi.signedIn;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.campuslab.system.KeycloakAdmin;
import io.campuslab.system.PortalApi;
import io.campuslab.system.SystemTest;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/**
 * A school admin ends the school year in a school of its own (the year's end touches every classroom
 * and student of a school): a preview that changes nothing, then the classes moved up all at once,
 * the graduating class leaving the school, the classrooms archived with their sessions cancelled.
 * Only the school's admin, only the school's classes, and bad plans change nothing.
 */
@SystemTest
class YearEndIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theYearEndsAfterAPreviewClassesMoveUpGraduatesLeaveAndClassroomsAreArchived() throws Exception {
        String operator = signedIn("operator");
        assertThat(send("POST", "/api/v1/schools", operator, "{\"slug\": \"year-end-academy\", \"name\": \"Year End Academy\"}")
                .statusCode()).isEqualTo(201);
        KeycloakAdmin.createPerson("ye-ada", "tenant-admin", "year-end-academy");
        KeycloakAdmin.createPerson("ye-tia", "teacher", "year-end-academy");
        String ada = signedIn("ye-ada");
        String tia = signedIn("ye-tia");
        addStudent(ada, "ye-s1", "7a");
        addStudent(ada, "ye-s2", "7a");
        addStudent(ada, "ye-s3", "8a");
        addStudent(ada, "ye-s4", "9c");
        addStudent(ada, "ye-s5", "");
        long classroom = JSON.readTree(send("POST", "/api/v1/classrooms", tia, "{\"name\": \"Computing 7a\"}").body()).path("id").asLong();
        assertThat(send("PUT", "/api/v1/classrooms/" + classroom + "/roster", tia, "[\"ye-s1\", \"ye-s2\", \"ye-s4\"]").statusCode())
                .isEqualTo(200);
        LocalDateTime start = LocalDateTime.now(ZoneOffset.UTC).plusDays(2).truncatedTo(ChronoUnit.HOURS);
        HttpResponse<String> session = send("POST", "/api/v1/classrooms/" + classroom + "/sessions", tia, """
                {"template": "jupyterlab", "start": "%s", "minutes": 45, "prepareMinutes": 10, "gpus": 0, "zone": "UTC",
                 "cpuMillis": 500, "memoryMib": 1024, "weeklyUntil": null}""".formatted(start));
        assertThat(session.statusCode()).as(session.body()).isEqualTo(201);

        JsonNode classes = JSON.readTree(send("GET", "/api/v1/school/year-end", ada, null).body());
        assertThat(classes.path("classes").toString()).contains("\"className\":\"7a\",\"students\":2", "\"className\":\"\",\"students\":1");
        String plan = """
                {"label": "2025/26", "archiveClassrooms": true, "classes": [
                  {"className": "7a", "nextClass": "8a"}, {"className": "8a", "nextClass": "9a"},
                  {"className": "9c", "graduates": true}]}""";
        JsonNode preview = JSON.readTree(send("POST", "/api/v1/school/year-end/preview", ada, plan).body());
        assertThat(preview.path("studentsMoved").asInt()).isEqualTo(3);
        assertThat(preview.path("graduates").asInt()).isEqualTo(1);
        assertThat(preview.path("classroomsArchived").toString()).contains("Computing 7a (2025/26)");
        assertThat(preview.path("sessionsEnded").asInt()).isEqualTo(1);
        assertThat(queryLong("SELECT COUNT(*) FROM members WHERE username LIKE 'ye-s%' AND class_name = ?", "8a"))
                .as("a preview changes nothing").isEqualTo(1);

        HttpResponse<String> done = send("POST", "/api/v1/school/year-end", ada, plan);
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        assertThat(queryLong("SELECT COUNT(*) FROM members WHERE username LIKE 'ye-s%' AND class_name = ?", "8a"))
                .as("7a moved up, 8a too: at once").isEqualTo(2);
        assertThat(queryLong("SELECT COUNT(*) FROM members WHERE username LIKE 'ye-s%' AND class_name = ?", "9a")).isEqualTo(1);
        assertThat(queryLong("SELECT COUNT(*) FROM members WHERE username = ? AND delete_after IS NOT NULL", "ye-s4"))
                .as("the graduate leaves").isEqualTo(1);
        assertThat(queryLong("SELECT COUNT(*) FROM members WHERE username = ? AND delete_after IS NULL", "ye-s5"))
                .as("a student without a class stays").isEqualTo(1);
        JsonNode archived = JSON.readTree(send("GET", "/api/v1/classrooms/" + classroom, tia, null).body());
        assertThat(archived.path("name").asText()).isEqualTo("Computing 7a (2025/26)");
        assertThat(archived.path("archived").asBoolean()).isTrue();
        assertThat(archived.path("students").toString()).contains("ye-s1").doesNotContain("ye-s4");
        assertThat(queryLong("SELECT COUNT(*) FROM class_sessions WHERE classroom_id = CAST(? AS UNSIGNED) AND cancelled_at IS NOT NULL",
                String.valueOf(classroom))).as("its coming session cancelled").isEqualTo(1);
        HttpResponse<String> readOnly = send("PUT", "/api/v1/classrooms/" + classroom + "/roster", tia, "[\"ye-s1\"]");
        assertThat(readOnly.statusCode()).isEqualTo(400);
        assertThat(readOnly.body()).contains("is archived");
        assertThat(send("POST", "/api/v1/classrooms", tia, "{\"name\": \"Computing 7a\"}").statusCode())
                .as("next year's classroom takes the name").isEqualTo(201);
        assertThat(send("POST", "/api/v1/members/ye-tia/removal", ada, null).statusCode())
                .as("she teaches the new classroom").isEqualTo(400);
        String audit = send("GET", "/api/v1/audit", ada, null).body();
        assertThat(audit).contains("school.year-ended", "member.graduated", "classroom.archived");
    }

    @Test
    void onlyTheSchoolsAdminEndsItsYearAndABadPlanChangesNothing() throws Exception {
        String plan = "{\"label\": \"2025/26\", \"archiveClassrooms\": true, \"classes\": []}";
        assertThat(send("POST", "/api/v1/school/year-end", signedIn("tom"), plan).statusCode()).as("a teacher").isEqualTo(403);
        assertThat(send("POST", "/api/v1/school/year-end", signedIn("sam"), plan).statusCode()).as("a student").isEqualTo(403);
        assertThat(send("POST", "/api/v1/school/year-end", signedIn("operator"), plan).statusCode()).as("the operator").isEqualTo(403);
        assertThat(send("GET", "/api/v1/school/year-end", signedIn("tom"), null).statusCode()).isEqualTo(403);

        String alice = signedIn("alice");
        addStudent(alice, "ye-nh1", "NH 10b");
        long before = queryLong("SELECT COUNT(*) FROM classrooms WHERE archived_at IS NULL AND name <> ?", "");
        String[] bad = {
            "{\"label\": \"\", \"archiveClassrooms\": true, \"classes\": []}",
            "{\"label\": \"" + "9".repeat(21) + "\", \"archiveClassrooms\": true, \"classes\": []}",
            "{\"label\": \"25\\u0000\", \"archiveClassrooms\": true, \"classes\": []}",
            "{\"archiveClassrooms\": false, \"classes\": [{\"className\": \"no-such-class\", \"nextClass\": \"x\"}]}",
            "{\"archiveClassrooms\": false, \"classes\": [{\"className\": \"" + "x".repeat(5000) + "\", \"nextClass\": \"x\"}]}",
            "{\"archiveClassrooms\": false, \"classes\": [{\"className\": \"NH 10b\", \"nextClass\": \"" + "y".repeat(101) + "\"}]}",
            "{\"archiveClassrooms\": false, \"classes\": [{\"className\": \"NH 10b\", \"nextClass\": \"x\", \"graduates\": true}]}",
            "{\"archiveClassrooms\": false, \"classes\": [{\"className\": \"NH 10b\", \"nextClass\": \"x\"},"
                    + " {\"className\": \"NH 10b\", \"graduates\": true}]}",
            "{\"archiveClassrooms\": false, \"classes\": [null]}",
            "null",
        };
        for (String body : bad) {
            HttpResponse<String> refused = send("POST", "/api/v1/school/year-end", alice, body);
            assertThat(refused.statusCode()).as(body.length() > 200 ? body.substring(0, 200) : body).isEqualTo(400);
        }
        HttpResponse<String> unknown = send("POST", "/api/v1/school/year-end/preview", alice,
                "{\"classes\": [{\"className\": \"7a\", \"nextClass\": \"8a\"}]}", "zh-CN");
        assertThat(JSON.readTree(unknown.body()).path("detail").asText()).as("another school's class is none of hers")
                .contains("没有学生");
        assertThat(queryLong("SELECT COUNT(*) FROM classrooms WHERE archived_at IS NULL AND name <> ?", "")).isEqualTo(before);
        assertThat(queryLong("SELECT COUNT(*) FROM members WHERE username = ? AND class_name = 'NH 10b'", "ye-nh1"))
                .as("nothing moved").isEqualTo(1);
    }

    @Test
    void nextYearsClassListGivesTheListedStudentsTheirClassAllOrNothing() throws Exception {
        String operator = signedIn("operator");
        assertThat(send("POST", "/api/v1/schools", operator, "{\"slug\": \"class-list-college\", \"name\": \"Class List College\"}")
                .statusCode()).isEqualTo(201);
        KeycloakAdmin.createPerson("cl-ada", "tenant-admin", "class-list-college");
        String ada = signedIn("cl-ada");
        addStudent(ada, "cl-s1", "5a");
        addStudent(ada, "cl-s2", "5a");
        addStudent(ada, "cl-s3", "5b");
        String path = "/api/v1/school/year-end/class-list";

        byte[] strangers = "username,name,class\ncl-s1,S1,6a\nsam,Sam,6a\ncl-s2,S2,\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        JsonNode checked = JSON.readTree(PortalApi.sendBytes("POST", path + "?preview=true", ada, "text/csv", strangers).body());
        assertThat(checked.path("rows").path(1).path("problems").toString()).as("another school's student")
                .contains("error.year-end.not-a-student");
        assertThat(checked.path("rows").path(2).path("problems").toString()).contains("error.year-end.class-missing");
        assertThat(PortalApi.sendBytes("POST", path, ada, "text/csv", strangers).statusCode()).isEqualTo(400);
        assertThat(queryLong("SELECT COUNT(*) FROM members WHERE username LIKE 'cl-s%' AND class_name = ?", "6a"))
                .as("all or nothing").isZero();

        byte[] list = "username,name,class\ncl-s1,S1,6a\ncl-s2,S2,6b\ncl-s3,S3,5b\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        JsonNode preview = JSON.readTree(PortalApi.sendBytes("POST", path + "?preview=true", ada, "text/csv", list).body());
        assertThat(preview.path("moved").asInt()).isEqualTo(2);
        assertThat(preview.path("rows").path(0).path("currentClass").asText()).isEqualTo("5a");
        assertThat(queryLong("SELECT COUNT(*) FROM members WHERE username LIKE 'cl-s%' AND class_name = ?", "5a"))
                .as("a preview changes nothing").isEqualTo(2);
        HttpResponse<String> applied = PortalApi.sendBytes("POST", path, ada, "text/csv", list);
        assertThat(applied.statusCode()).as(applied.body()).isEqualTo(200);
        assertThat(queryLong("SELECT COUNT(*) FROM members WHERE username = ? AND class_name = '6b'", "cl-s2")).isEqualTo(1);
        assertThat(queryLong("SELECT COUNT(*) FROM members WHERE username = ? AND class_name = '5b'", "cl-s3")).isEqualTo(1);

        assertThat(PortalApi.sendBytes("POST", path, signedIn("tom"), "text/csv", list).statusCode()).as("a teacher").isEqualTo(403);
        assertThat(PortalApi.sendBytes("POST", path, signedIn("alice"), "text/csv", list).statusCode())
                .as("another school's admin: its students are none of hers").isEqualTo(400);
        byte[] huge = new byte[(1 << 20) + 10];
        java.util.Arrays.fill(huge, (byte) 'a');
        assertThat(PortalApi.sendBytes("POST", path, ada, "text/csv", huge).statusCode()).isEqualTo(413);
        assertThat(send("GET", "/api/v1/audit", ada, null).body()).contains("school.classes-moved");
    }

    private static void addStudent(String admin, String username, String className) throws Exception {
        HttpResponse<String> added = send("POST", "/api/v1/members", admin,
                "{\"username\": \"%s\", \"name\": \"%s\", \"className\": \"%s\"}".formatted(username, username, className));
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
    }
}

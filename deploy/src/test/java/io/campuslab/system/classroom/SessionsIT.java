package io.campuslab.system.classroom;

import static io.campuslab.system.PortalApi.database;
import static io.campuslab.system.PortalApi.send;
import static io.campuslab.system.PortalApi.signedIn;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.campuslab.system.KeycloakAdmin;
import io.campuslab.system.LabWatch;
import io.campuslab.system.PortalApi;
import io.campuslab.system.StackExtension;
import io.campuslab.system.SystemTest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Class sessions through the API on the real server: a session prepares its students' labs before
 * it starts, is extended and ended; bookings beyond capacity are refused before anything is saved;
 * a student's own GPU lab cannot take a session's seats; another school's teacher sees nothing.
 */
@SystemTest
class SessionsIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void tomsSessionPreparesSamsAndSuesLabsBeforeItStartsIsExtendedAndEnds() throws Exception {
        String tom = signedIn("tom");
        String sam = signedIn("sam");
        signedIn("sue");
        long classroom = classroom(tom, "Chemistry 2A", "sam", "sue");
        LocalDateTime start = LocalDateTime.now(ZoneOffset.UTC).plusMinutes(3).truncatedTo(ChronoUnit.MINUTES);
        String draft = draft(start, 45, 10, "vscode", 0, null);

        JsonNode answer = JSON.readTree(send("POST", "/api/v1/classrooms/" + classroom + "/sessions/check", tom, draft).body());
        assertThat(answer.path("fits").asBoolean()).as(answer.toString()).isTrue();
        assertThat(answer.path("message").asText()).startsWith("2 students × 1 CPU, 2 GiB on ").endsWith(": fits.");
        HttpResponse<String> scheduled = send("POST", "/api/v1/classrooms/" + classroom + "/sessions", tom, draft);
        assertThat(scheduled.statusCode()).as(scheduled.body()).isEqualTo(201);
        long session = JSON.readTree(scheduled.body()).path(0).path("id").asLong();

        JsonNode console = waitForConsole(tom, session, c -> c.path("students").findValuesAsText("state").stream()
                .filter("RUNNING"::equals).count() == 2);
        assertThat(console.path("session").path("phase").asText()).as("both labs run before the start").isEqualTo("PREPARING");

        JsonNode card = JSON.readTree(send("GET", "/api/v1/sessions/today", sam, null).body()).path(0);
        assertThat(card.path("session").path("classroom").asText()).isEqualTo("Chemistry 2A");
        assertThat(card.path("labOrNull").path("state").asText()).isEqualTo("RUNNING");
        long samsLab = card.path("labOrNull").path("id").asLong();
        assertThat(JSON.readTree(send("POST", "/api/v1/sessions/" + session + "/open", sam, null).body()).path("id").asLong())
                .as("opening gives the prepared lab, not a second one").isEqualTo(samsLab);
        assertThat(send("POST", "/api/v1/labs/" + samsLab + "/keep", sam, null).statusCode()).isEqualTo(200);

        Instant endsAt = Instant.parse(console.path("session").path("endsAt").asText());
        JsonNode extended = JSON.readTree(send("POST", "/api/v1/sessions/" + session + "/extend", tom, "{\"minutes\": 15}").body());
        assertThat(Instant.parse(extended.path("endsAt").asText())).isEqualTo(endsAt.plus(Duration.ofMinutes(15)));
        Instant labsStop = Instant.parse(extended.path("labsStopAt").asText());
        assertThat(send("POST", "/api/v1/sessions/" + session + "/keep", tom, "{\"usernames\": [\"sue\"], \"minutes\": 3}")
                .statusCode()).isEqualTo(400);
        HttpResponse<String> kept = send("POST", "/api/v1/sessions/" + session + "/keep", tom,
                "{\"usernames\": [\"sue\"], \"minutes\": 20}");
        assertThat(kept.statusCode()).as(kept.body()).isEqualTo(200);
        JsonNode rows = JSON.readTree(send("GET", "/api/v1/sessions/" + session + "/console", tom, null).body()).path("students");
        for (JsonNode row : rows) {
            assertThat(Instant.parse(row.path("stopsAt").asText())).as(row.path("username").asText())
                    .isEqualTo(row.path("username").asText().equals("sue") ? labsStop.plus(Duration.ofMinutes(20)) : labsStop);
        }

        HttpResponse<byte[]> download = PortalApi.fetchBytes("/api/v1/sessions/" + session + "/attendance", tom);
        assertThat(download.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        String csv = new String(download.body(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(csv).as("a byte order mark for spreadsheet programs").startsWith("\uFEFFusername,name,attended,first_opened,minutes_in_lab").contains("\r\nsam,").contains("\r\nsue,");
        assertThat(csv.lines().filter(l -> l.startsWith("sam,")).findFirst().orElseThrow()).contains(",yes,");
        assertThat(csv.lines().filter(l -> l.startsWith("sue,")).findFirst().orElseThrow()).contains(",no,");

        JsonNode ended = JSON.readTree(send("POST", "/api/v1/sessions/" + session + "/end", tom, null).body());
        assertThat(ended.path("phase").asText()).as("ended before its start: cancelled, its labs stop at once")
                .isEqualTo("CANCELLED");
        JsonNode after = waitForConsole(tom, session, c -> c.path("students").findValuesAsText("state").stream()
                .allMatch("STOPPED"::equals));
        assertThat(after.path("students").findValuesAsText("reasonKey")).containsOnly("lab.reason.session-cancelled");
        assertThat(send("POST", "/api/v1/sessions/" + session + "/open", sam, null).statusCode())
                .as("a cancelled session gives no new lab").isEqualTo(409);
    }

    @Test
    void aSessionBeyondTheGpusLeftIsRefusedBeforeAnythingIsSaved() throws Exception {
        String teacher = schoolWithTeacher("reserve-academy", "rs-teacher", 16, "rs-1", "rs-2", "rs-3", "rs-4", "rs-5", "rs-6");
        long first = classroom(teacher, "Deep learning A", "rs-1", "rs-2", "rs-3");
        long second = classroom(teacher, "Deep learning B", "rs-4", "rs-5", "rs-6");
        LocalDateTime tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(2).atTime(10, 0);

        HttpResponse<String> fits = send("POST", "/api/v1/classrooms/" + first + "/sessions", teacher,
                draft(tomorrow, 90, 10, "jupyterlab", 2, null));
        assertThat(fits.statusCode()).as(fits.body()).isEqualTo(201);

        String overlapping = draft(tomorrow.plusMinutes(30), 90, 10, "jupyterlab", 2, null);
        JsonNode answer = JSON.readTree(send("POST", "/api/v1/classrooms/" + second + "/sessions/check", teacher, overlapping).body());
        assertThat(answer.path("fits").asBoolean()).isFalse();
        assertThat(answer.path("message").asText()).contains("6 GPUs").contains("2 free").contains("Deep learning A");
        HttpResponse<String> refused = send("POST", "/api/v1/classrooms/" + second + "/sessions", teacher, overlapping, "zh-CN");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("无法安排").contains("Deep learning A");
        assertThat(JSON.readTree(send("GET", "/api/v1/classrooms/" + second + "/sessions", teacher, null).body())).isEmpty();

        String later = draft(tomorrow.plusHours(3), 60, 10, "jupyterlab", 2, tomorrow.toLocalDate().plusWeeks(3));
        JsonNode inChinese = JSON.readTree(send("POST", "/api/v1/classrooms/" + second + "/sessions/check", teacher, later, "zh-CN").body());
        assertThat(inChinese.path("fits").asBoolean()).as(inChinese.toString()).isTrue();
        assertThat(inChinese.path("message").asText()).as("the size in the teacher's language too")
                .startsWith("3 名学生 × ").contains(" 核 CPU、").contains(" GiB 内存、2 块 ").contains("共 4 次").endsWith("全部可以安排。");
        HttpResponse<String> weekly = send("POST", "/api/v1/classrooms/" + second + "/sessions", teacher, later);
        assertThat(weekly.statusCode()).as("later the same day, and weekly: every occurrence fits").isEqualTo(201);
        assertThat(JSON.readTree(weekly.body())).hasSize(4);
    }

    @Test
    void aStudentsOwnGpuLabCannotTakeTheSeatsASessionHoldsForItsStudents() throws Exception {
        String teacher = schoolWithTeacher("seat-academy", "st-teacher", 2, "st-1", "st-2", "st-3");
        long classroom = classroom(teacher, "Vision", "st-1", "st-2");
        HttpResponse<String> scheduled = send("POST", "/api/v1/classrooms/" + classroom + "/sessions", teacher,
                draft(LocalDateTime.now(ZoneOffset.UTC).plusMinutes(60), 60, 120, "jupyterlab", 1, null));
        assertThat(scheduled.statusCode()).as(scheduled.body()).isEqualTo(201);
        long session = JSON.readTree(scheduled.body()).path(0).path("id").asLong();
        waitForConsole(teacher, session, c -> c.path("students").findValues("labId").stream().filter(id -> !id.isNull()).count() == 2);
        assertThat(send("POST", "/api/v1/sessions/" + session + "/stop", teacher, "{\"usernames\": [\"st-1\", \"st-2\"]}")
                .statusCode()).isEqualTo(200);

        String outsider = signedIn("st-3");
        HttpResponse<String> asked = send("POST", "/api/v1/labs", outsider, "{\"template\": \"jupyterlab\", \"gpus\": 1}");
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(201);
        long lab = JSON.readTree(asked.body()).path("id").asLong();
        JsonNode waiting = LabWatch.waitFor(outsider, lab, l -> "lab.wait.reserved".equals(l.path("reasonKey").asText()));
        assertThat(waiting.path("state").asText()).isEqualTo("QUEUED");
        assertThat(waiting.path("reasonDetail").asText()).isEqualTo("Vision");

        String student = signedIn("st-1");
        JsonNode own = JSON.readTree(send("POST", "/api/v1/sessions/" + session + "/open", student, null).body());
        assertThat(own.path("sessionId").asLong()).as("a student of the session gets a lab in their seat").isEqualTo(session);
        send("DELETE", "/api/v1/labs/" + lab, outsider, null);

        assertThat(send("DELETE", "/api/v1/classrooms/" + classroom, teacher, null).statusCode()).isEqualTo(204);
        JsonNode gone = LabWatch.waitFor(student, own.path("id").asLong(), l -> l.path("state").asText().startsWith("STOP"));
        assertThat(gone.path("reasonKey").asText()).as("deleting the classroom stops its sessions' labs")
                .isEqualTo("lab.reason.session-cancelled");
    }

    @Test
    void aTeacherOfAnotherSchoolSeesNoneOfTheSessions() throws Exception {
        String tom = signedIn("tom");
        signedIn("sam");
        long classroom = classroom(tom, "Biology 1C", "sam");
        HttpResponse<String> scheduled = send("POST", "/api/v1/classrooms/" + classroom + "/sessions", tom,
                draft(LocalDate.now(ZoneOffset.UTC).plusDays(3).atTime(8, 0), 90, 10, "vscode", 0, null));
        long session = JSON.readTree(scheduled.body()).path(0).path("id").asLong();

        String tina = signedIn("tina");
        assertThat(send("GET", "/api/v1/sessions/" + session, tina, null).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/api/v1/sessions/" + session + "/console", tina, null).statusCode()).isEqualTo(404);
        assertThat(send("POST", "/api/v1/sessions/" + session + "/extend", tina, "{\"minutes\": 10}").statusCode()).isEqualTo(404);
        assertThat(send("POST", "/api/v1/sessions/" + session + "/end", tina, null).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/api/v1/classrooms/" + classroom + "/sessions", tina, null).statusCode()).isEqualTo(404);
        assertThat(PortalApi.fetchBytes("/api/v1/sessions/" + session + "/attendance", signedIn("bob")).statusCode()).isEqualTo(404);
        assertThat(send("POST", "/api/v1/sessions/" + session + "/open", signedIn("stan"), null).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/api/v1/sessions/" + session + "/console", signedIn("sam"), null).statusCode())
                .as("a student does not run the console").isEqualTo(403);
        assertThat(send("GET", "/api/v1/sessions/" + session, signedIn("alice"), null).statusCode())
                .as("the school's admin sees the school's sessions").isEqualTo(200);
        send("POST", "/api/v1/sessions/" + session + "/end", tom, null);
    }

    @Test
    void aTeacherRaisesTheAllowanceOfTheirOwnStudentsOnly() throws Exception {
        KeycloakAdmin.createPerson("nell", "student", "north-high");
        signedIn("nell");
        String tom = signedIn("tom");
        signedIn("sam");
        classroom(tom, "Astronomy 5E", "sam");

        HttpResponse<String> raised = send("PUT", "/api/v1/allowances/members/sam", tom, "{\"gpuHoursPerMonth\": 60}");
        assertThat(raised.statusCode()).as(raised.body()).isEqualTo(200);
        assertThat(JSON.readTree(raised.body()).path("members").findValuesAsText("username")).containsExactly("sam");
        try {
            assertThat(send("PUT", "/api/v1/allowances/members/sam", tom, "{\"gpuHoursPerMonth\": 100000}").statusCode())
                    .as("beyond the school's quota").isEqualTo(400);
            assertThat(send("PUT", "/api/v1/allowances/members/nell", tom, "{\"gpuHoursPerMonth\": 60}").statusCode())
                    .as("a student of the school on none of tom's rosters").isEqualTo(404);
            assertThat(send("PUT", "/api/v1/allowances/members/alice", tom, "{\"labsAtOnce\": 3}").statusCode())
                    .as("not a student").isEqualTo(404);
            assertThat(send("PUT", "/api/v1/allowances/members/stan", tom, "{\"labsAtOnce\": 3}").statusCode()).isEqualTo(404);
            assertThat(send("PUT", "/api/v1/allowances/members/sam", signedIn("tina"), "{\"labsAtOnce\": 3}").statusCode())
                    .as("another school's teacher").isEqualTo(404);
            assertThat(send("PUT", "/api/v1/allowances/roles/student", tom, "{\"labsAtOnce\": 3}").statusCode())
                    .as("the students' default stays the school admin's").isEqualTo(403);
        } finally {
            send("DELETE", "/api/v1/allowances/members/sam", signedIn("alice"), null);
        }
    }

    @Test
    void aStudentWhoseTermBudgetIsSpentGetsNoGpuLabOfTheirOwnButKeepsTheSessionsLab() throws Exception {
        String teacher = schoolWithTeacher("term-academy", "tm-teacher", 4, "tm-1");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        HttpResponse<String> term = send("PUT", "/api/v1/schools/term-academy/term", signedIn("operator"),
                "{\"starts\": \"" + today.minusDays(10) + "\", \"ends\": \"" + today.plusDays(60) + "\"}");
        assertThat(term.statusCode()).as(term.body()).isEqualTo(200);
        assertThat(send("PUT", "/api/v1/schools/term-academy/term", signedIn("operator"),
                "{\"starts\": \"" + today + "\", \"ends\": \"" + today.minusDays(1) + "\"}").statusCode()).isEqualTo(400);
        assertThat(send("PUT", "/api/v1/schools/term-academy/term", teacher, "{\"starts\": null, \"ends\": null}").statusCode())
                .as("the term is the school admin's").isEqualTo(403);
        long classroom = classroom(teacher, "Robot vision", "tm-1");
        assertThat(send("PUT", "/api/v1/allowances/members/tm-1", teacher, "{\"gpuHoursPerTerm\": 0}").statusCode()).isEqualTo(200);

        String student = signedIn("tm-1");
        HttpResponse<String> refused = send("POST", "/api/v1/labs", student, "{\"template\": \"jupyterlab\", \"gpus\": 1}");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("GPU-hours for this term (until " + today.plusDays(60) + ") are spent");
        JsonNode usage = JSON.readTree(send("GET", "/api/v1/labs/usage", student, null).body());
        assertThat(usage.path("termGpuHoursBudgetOrNull").asInt(-1)).isZero();
        assertThat(usage.path("termOrNull").path("ends").asText()).isEqualTo(today.plusDays(60).toString());

        HttpResponse<String> scheduled = send("POST", "/api/v1/classrooms/" + classroom + "/sessions", teacher,
                draft(LocalDateTime.now(ZoneOffset.UTC).plusMinutes(60), 60, 120, "jupyterlab", 1, null));
        long session = JSON.readTree(scheduled.body()).path(0).path("id").asLong();
        JsonNode own = JSON.readTree(send("POST", "/api/v1/sessions/" + session + "/open", student, null).body());
        assertThat(own.path("sessionId").asLong()).as("the session's GPU lab is the session's, not the student's budget")
                .isEqualTo(session);
        assertThat(own.path("gpus").asInt()).isEqualTo(1);

        waitForConsole(teacher, session, c -> c.path("students").findValuesAsText("state").contains("RUNNING"));
        Thread.sleep(1500);
        JsonNode running = JSON.readTree(send("GET", "/api/v1/labs/usage", student, null).body());
        assertThat(running.path("sessionGpuHours").asDouble()).as("the session's GPU-hours are shown: " + running).isPositive();
        assertThat(running.path("gpuHours").asDouble()).isEqualTo(running.path("sessionGpuHours").asDouble());
        assertThat(running.path("termGpuHours").asDouble()).as("and spend nothing of the student's term budget").isZero();
        send("POST", "/api/v1/sessions/" + session + "/end", teacher, null);
    }

    @Test
    void aSessionsLabsMountItsCourseMaterialAndDatasetsOnly() throws Exception {
        String alice = signedIn("alice");
        assertThat(send("POST", "/api/v1/courses", alice, "{\"name\": \"optics\", \"title\": \"Optics\"}").statusCode())
                .isEqualTo(201);
        assertThat(send("POST", "/api/v1/datasets", alice, "{\"name\": \"spectra\", \"displayName\": \"Spectra\"}")
                .statusCode()).isEqualTo(201);
        KeycloakAdmin.createPerson("orla", "student", "north-high");
        signedIn("orla");
        String tom = signedIn("tom");
        long classroom = classroom(tom, "Optics 1", "orla");
        LocalDateTime start = LocalDateTime.now(ZoneOffset.UTC).plusMinutes(3).truncatedTo(ChronoUnit.MINUTES);
        String plain = draft(start, 30, 10, "vscode", 0, null);
        String unknown = plain.replace("\"weeklyUntil\"", "\"course\": \"optics\", \"datasets\": [\"weather-of-mars\"], \"weeklyUntil\"");
        HttpResponse<String> refused = send("POST", "/api/v1/classrooms/" + classroom + "/sessions", tom, unknown);
        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(refused.body()).contains("weather-of-mars");

        String withMaterial = plain.replace("\"weeklyUntil\"", "\"course\": \"optics\", \"datasets\": [\"spectra\"], \"weeklyUntil\"");
        HttpResponse<String> scheduled = send("POST", "/api/v1/classrooms/" + classroom + "/sessions", tom, withMaterial);
        assertThat(scheduled.statusCode()).as(scheduled.body()).isEqualTo(201);
        JsonNode summary = JSON.readTree(scheduled.body()).path(0);
        assertThat(summary.path("course").asText()).isEqualTo("Optics");
        assertThat(summary.path("datasets").toString()).isEqualTo("[\"spectra\"]");
        long session = summary.path("id").asLong();
        JsonNode console = waitForConsole(tom, session, c -> "RUNNING".equals(c.path("students").path(0).path("state").asText()));
        String lab = console.path("students").path(0).path("labId").asText();

        try (var cluster = StackExtension.devCluster().client()) {
            var pod = cluster.pods().inAnyNamespace().withLabel("campuslab.io/lab", lab).list().getItems().get(0);
            var mounts = pod.getSpec().getContainers().get(0).getVolumeMounts().stream()
                    .map(m -> m.getMountPath()).toList();
            assertThat(mounts).anyMatch(m -> m.endsWith("/courses/optics")).anyMatch(m -> m.endsWith("/datasets/spectra"))
                    .noneMatch(m -> m.endsWith("/courses")).noneMatch(m -> m.endsWith("/datasets"))
                    .noneMatch(m -> m.endsWith("/datasets-global"));
            assertThat(pod.getSpec().getVolumes().stream().filter(v -> v.getHostPath() != null)
                    .map(v -> v.getHostPath().getPath()).toList())
                    .anyMatch(p -> p.endsWith("north-high/optics")).anyMatch(p -> p.endsWith("north-high/spectra"));
        }
        send("POST", "/api/v1/sessions/" + session + "/end", tom, null);
    }

    private static String draft(LocalDateTime start, int minutes, int prepare, String template, int gpus, LocalDate weeklyUntil) {
        return """
                {"template": "%s", "start": "%s", "minutes": %d, "prepareMinutes": %d, "gpus": %d, "zone": "UTC",
                 "cpuMillis": %s, "memoryMib": %s, "weeklyUntil": %s}
                """.formatted(template, start, minutes, prepare, gpus, gpus == 0 ? "1000" : "null", gpus == 0 ? "2048" : "null",
                weeklyUntil == null ? "null" : "\"" + weeklyUntil + "\"");
    }

    private static long classroom(String teacher, String name, String... students) throws Exception {
        HttpResponse<String> created = send("POST", "/api/v1/classrooms", teacher, "{\"name\": \"" + name + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = JSON.readTree(created.body()).path("id").asLong();
        HttpResponse<String> roster = send("PUT", "/api/v1/classrooms/" + id + "/roster", teacher, JSON.writeValueAsString(students));
        assertThat(roster.statusCode()).as(roster.body()).isEqualTo(200);
        return id;
    }

    /** A new school with a GPU quota, a teacher and students who signed in once; the teacher's token. */
    private static String schoolWithTeacher(String slug, String teacher, int gpus, String... students) throws Exception {
        assertThat(send("POST", "/api/v1/schools", signedIn("operator"),
                "{\"slug\": \"" + slug + "\", \"name\": \"" + slug + "\"}").statusCode()).isEqualTo(201);
        try (Connection db = database()) {
            db.createStatement().executeUpdate("UPDATE tenants SET quota_gpus = " + gpus
                    + ", quota_concurrent_labs = 50, quota_cpu_cores = 200, quota_memory_gib = 800 WHERE slug = '" + slug + "'");
        }
        KeycloakAdmin.createPerson(teacher, "teacher", slug);
        for (String student : students) {
            KeycloakAdmin.createPerson(student, "student", slug);
            signedIn(student);
        }
        return signedIn(teacher);
    }

    private static JsonNode waitForConsole(String teacher, long session, Predicate<JsonNode> condition) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        JsonNode console = null;
        while (Instant.now().isBefore(deadline)) {
            console = JSON.readTree(send("GET", "/api/v1/sessions/" + session + "/console", teacher, null).body());
            if (condition.test(console)) {
                return console;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("The console did not get there in 60 s; last seen: " + console);
    }
}

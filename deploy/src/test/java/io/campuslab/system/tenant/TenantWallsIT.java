package io.campuslab.system.tenant;

import static io.campuslab.system.PortalApi.database;
import static io.campuslab.system.PortalApi.send;
import static io.campuslab.system.PortalApi.signedIn;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.campuslab.system.KeycloakAdmin;
import io.campuslab.system.LabWatch;
import io.campuslab.system.PortalApi;
import io.campuslab.system.StackExtension;
import io.campuslab.system.SystemTest;
import io.campuslab.system.Tokens;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The walls between schools and people, tried as an attacker from another school would: who a call
 * is, which tokens count, what the API reads before it knows the caller may, rosters, the realm's
 * defences, and what a flood of refused calls leaves in the log.
 */
@SystemTest
class TenantWallsIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aPersonsFirstCallWhicheverItIsRecordsThem() throws Exception {
        KeycloakAdmin.createPerson("wall-first", "student", "north-high");

        HttpResponse<String> labs = send("GET", "/api/v1/labs/mine", Tokens.of("wall-first"), null);

        assertThat(labs.statusCode()).as(labs.body()).isEqualTo(200);
        assertThat(memberCount("wall-first")).isEqualTo(1);
    }

    @Test
    void aRecycledUserNameNeverActsAsTheOldAccount() throws Exception {
        long north = PortalApi.queryLong("select id from tenants where slug = ?", "north-high");
        try (Connection db = database();
             PreparedStatement member = db.prepareStatement("insert into members (subject, username, display_name, tenant_id,"
                     + " created_at, last_sign_in_at, version) values ('deleted-wall-rex', 'wall-rex', 'Former admin', ?, now(6),"
                     + " now(6), 0)", Statement.RETURN_GENERATED_KEYS)) {
            member.setLong(1, north);
            member.executeUpdate();
            try (ResultSet keys = member.getGeneratedKeys(); Statement role = db.createStatement()) {
                keys.next();
                role.executeUpdate("insert into member_roles (member_id, role) values (" + keys.getLong(1) + ", 'TENANT_ADMIN')");
            }
        }
        KeycloakAdmin.createPerson("wall-rex", "tenant-admin", "south-academy");
        String token = Tokens.of("wall-rex");

        HttpResponse<String> north_ = send("GET", "/api/v1/schools/north-high", token, null);
        assertThat(north_.statusCode()).as("the first call, and not /me: " + north_.body()).isEqualTo(403);
        assertThat(north_.body()).doesNotContain("North High School");
        assertThat(send("GET", "/api/v1/schools/south-academy", token, null).statusCode()).isEqualTo(200);
    }

    @Test
    void aMemberTakenOutOfTheSchoolLosesAccessWithTheNextCall() throws Exception {
        KeycloakAdmin.createPerson("wall-ruth", "student", "north-high");
        assertThat(send("GET", "/api/v1/labs/mine", Tokens.of("wall-ruth"), null).statusCode()).isEqualTo(200);

        String group = KeycloakAdmin.group("north-high").path("id").asText();
        assertThat(KeycloakAdmin.delete("/users/" + KeycloakAdmin.userId("wall-ruth") + "/groups/" + group)).isEqualTo(204);
        String fresh = Tokens.of("wall-ruth");

        HttpResponse<String> labs = send("GET", "/api/v1/labs/mine", fresh, null);
        assertThat(labs.statusCode()).as(labs.body()).isEqualTo(403);
        assertThat(JSON.readTree(labs.body()).path("key").asText()).isEqualTo("error.membership.no-school");
        assertThat(send("GET", "/api/v1/datasets", fresh, null).statusCode()).isEqualTo(403);
        assertThat(send("GET", "/api/v1/me", fresh, null).statusCode()).isEqualTo(403);
    }

    @Test
    void onlyBearerTokensIssuedForThePortalInTheHeaderCount() throws Exception {
        String forAnotherClient = Tokens.of("sam", "admin-cli");
        assertThat(send("GET", "/api/v1/labs/mine", forAnotherClient, null).statusCode())
                .as("a token of the realm issued to another client").isEqualTo(401);

        String token = signedIn("sam");
        assertThat(send("GET", "/api/v1/labs/mine?access_token=" + token, null, null).statusCode())
                .as("a token in the query string").isEqualTo(401);
        assertThat(send("GET", "/api/v1/labs/mine", token, null).statusCode()).isEqualTo(200);
    }

    @Test
    void fiftyCallsOfOnePersonAtOnceAllAnswerAndReadsDoNotWrite() throws Exception {
        KeycloakAdmin.createPerson("wall-fifty", "teacher", "north-high");
        String token = Tokens.of("wall-fifty");

        assertThat(atOnce(50, () -> send("GET", "/api/v1/labs/mine", token, null).statusCode()))
                .as("fifty first calls").containsOnly(200);
        assertThat(memberCount("wall-fifty")).isEqualTo(1);
        long version = memberVersion("wall-fifty");

        assertThat(atOnce(50, () -> send("GET", "/api/v1/me", token, null).statusCode())).containsOnly(200);
        assertThat(memberVersion("wall-fifty")).as("reading changed nothing").isEqualTo(version);
    }

    @Test
    void answersCarryTheSecurityHeaders() throws Exception {
        HttpResponse<String> me = send("GET", "/api/v1/me", signedIn("sue"), null);

        assertThat(me.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(me.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(me.headers().firstValue("Referrer-Policy")).contains("same-origin");
        assertThat(me.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                csp -> assertThat(csp).contains("frame-ancestors 'none'", "object-src 'none'"));
    }

    @Test
    void rightsAreCheckedBeforeABodyIsRead() throws Exception {
        String sam = signedIn("sam");
        assertThat(statusWithoutSendingTheBody("PUT", "/api/v1/datasets/anything/files", sam, "application/zip", 50L << 20))
                .as("a student's 50 MiB upload is refused before it is read").isEqualTo(403);
        assertThat(statusWithoutSendingTheBody("POST", "/api/v1/members/import", sam, "text/csv", 12L << 20))
                .as("a student's class list").isEqualTo(403);

        String alice = signedIn("alice");
        assertThat(statusWithoutSendingTheBody("POST", "/api/v1/members/import?preview=true", alice, "text/csv", 12L << 20))
                .as("a 12 MiB class list is no class list").isEqualTo(413);
        byte[] big = new byte[(1 << 20) + 1];
        java.util.Arrays.fill(big, (byte) 'a');
        assertThat(statusWithoutSendingTheBody("POST", "/api/v1/classrooms", signedIn("tom"), "application/json", 1L << 30))
                .as("a gigabyte of JSON").isEqualTo(413);
        HttpResponse<String> chunked = PortalApi.sendStream("POST", "/api/v1/classrooms", signedIn("tom"), "application/json",
                ("{\"name\": \"" + "x".repeat(2 << 20) + "\"}").getBytes(StandardCharsets.UTF_8));
        assertThat(chunked.statusCode()).as("two MiB of JSON in chunks, without a length").isEqualTo(413);

        assertThat(send("POST", "/api/v1/courses", alice, """
                {"name": "walls-form", "title": "Walls", "level": "", "description": "", "defaultTemplate": "jupyterlab",
                 "teachers": ["tom"]}""").statusCode()).isEqualTo(201);
        String form = "multipart/form-data; boundary=walls";
        assertThat(statusWithoutSendingTheBody("POST", "/api/v1/courses/walls-form/material", signedIn("sam"), form, 50L << 20))
                .as("a student's form upload, before the form is parsed").isEqualTo(403);
        assertThat(statusWithoutSendingTheBody("POST", "/api/v1/courses/walls-form/material", signedIn("bob"), form, 50L << 20))
                .as("another school's admin, another school's course").isEqualTo(404);
        String operator = signedIn("operator");
        assertThat(send("PATCH", "/api/v1/settings", operator, "{\"upload.max-mib\": \"10\"}").statusCode()).isEqualTo(200);
        try {
            assertThat(statusWithoutSendingTheBody("POST", "/api/v1/courses/walls-form/material", alice, form, 50L << 20))
                    .as("a form past the upload limit").isEqualTo(413);
        } finally {
            send("PATCH", "/api/v1/settings", operator, "{\"upload.max-mib\": \"2048\"}");
        }

        HttpResponse<String> streamed = PortalApi.sendBytes("POST", "/api/v1/members/import?preview=true", alice, "text/csv", big);
        assertThat(streamed.statusCode()).as(streamed.body()).isEqualTo(413);
        assertThat(JSON.readTree(streamed.body()).path("key").asText()).isEqualTo("error.upload.too-large");
    }

    @Test
    void aGlobalDatasetNeverTakesTheNameOfASchools() throws Exception {
        assertThat(send("POST", "/api/v1/datasets", signedIn("alice"), "{\"name\": \"walls-data\", \"displayName\": \"Ours\"}")
                .statusCode()).isEqualTo(201);

        HttpResponse<String> global = send("POST", "/api/v1/datasets", signedIn("operator"),
                "{\"name\": \"walls-data\", \"displayName\": \"Everyone's\"}");
        assertThat(global.statusCode()).as("a lab of North High asking for walls-data would find two").isEqualTo(409);
        assertThat(send("POST", "/api/v1/datasets", signedIn("bob"), "{\"name\": \"walls-data\", \"displayName\": \"South's\"}")
                .statusCode()).as("another school may use the name").isEqualTo(201);
    }

    @Test
    void aRefusalOfTheDirectoryIsSaidAsSuchNotAsAnOutage() throws Exception {
        HttpResponse<String> added = send("POST", "/api/v1/members", signedIn("alice"), """
                {"username": "wall-dup", "name": "Dup Licate", "email": "sam@north-high.campuslab.test", "role": "student"}
                """);

        assertThat(added.statusCode()).as(added.body()).isEqualTo(400);
        assertThat(JSON.readTree(added.body()).path("key").asText()).isEqualTo("error.directory.refused");
        assertThat(JSON.readTree(added.body()).path("detail").asText()).containsIgnoringCase("email");
    }

    @Test
    void aRosterTakesStudentsOnly() throws Exception {
        signedIn("sam");
        signedIn("alice");
        String tom = signedIn("tom");
        long id = JSON.readTree(send("POST", "/api/v1/classrooms", tom, "{\"name\": \"Walls 1\"}").body()).path("id").asLong();

        HttpResponse<String> withAdmin = send("PUT", "/api/v1/classrooms/" + id + "/roster", tom, "[\"sam\", \"alice\"]");
        assertThat(withAdmin.statusCode()).as("a school admin on a roster would hand her session lab to the teacher")
                .isEqualTo(400);
        assertThat(withAdmin.body()).contains("alice");
        assertThat(JSON.readTree(send("GET", "/api/v1/classrooms/" + id, tom, null).body()).path("students")).isEmpty();
        assertThat(send("PUT", "/api/v1/classrooms/" + id + "/roster", tom, "[\"sam\", \"tom\"]").statusCode()).isEqualTo(400);
        assertThat(send("DELETE", "/api/v1/classrooms/" + id, tom, null).statusCode()).isEqualTo(204);
    }

    @Test
    void aTeacherNeverRaisesAStudentsAllowancePastTheSchoolAdmins() throws Exception {
        KeycloakAdmin.createPerson("wall-stu", "student", "north-high");
        signedIn("wall-stu");
        String tom = signedIn("tom");
        String alice = signedIn("alice");
        long id = JSON.readTree(send("POST", "/api/v1/classrooms", tom, "{\"name\": \"Walls 2\"}").body()).path("id").asLong();
        assertThat(send("PUT", "/api/v1/classrooms/" + id + "/roster", tom, "[\"wall-stu\"]").statusCode()).isEqualTo(200);
        try {
            assertThat(send("PUT", "/api/v1/allowances/members/wall-stu", alice, "{\"maxGpus\": 1, \"gpuHoursPerMonth\": 10}")
                    .statusCode()).isEqualTo(200);

            HttpResponse<String> raised = send("PUT", "/api/v1/allowances/members/wall-stu", tom,
                    "{\"maxGpus\": 2, \"gpuHoursPerMonth\": 10}");
            assertThat(raised.statusCode()).as(raised.body()).isEqualTo(400);
            assertThat(JSON.readTree(raised.body()).path("key").asText()).isEqualTo("error.allowance.gpus-beyond-admin");
            assertThat(send("PUT", "/api/v1/allowances/members/wall-stu", tom, "{\"maxGpus\": 1, \"gpuHoursPerMonth\": 5}")
                    .statusCode()).as("within the admin's").isEqualTo(200);
            assertThat(send("PUT", "/api/v1/allowances/members/wall-stu", tom, "{\"maxGpus\": 1, \"gpuHoursPerMonth\": 11}")
                    .statusCode()).as("past the admin's, even after the teacher's own change").isEqualTo(400);
            var members = JSON.readTree(send("GET", "/api/v1/allowances", alice, null).body()).path("members");
            var stu = java.util.stream.StreamSupport.stream(members.spliterator(), false)
                    .filter(m -> m.path("username").asText().equals("wall-stu")).findFirst().orElseThrow();
            assertThat(stu.path("allowance").path("gpuHoursPerMonth").asInt()).isEqualTo(5);
        } finally {
            send("DELETE", "/api/v1/classrooms/" + id, tom, null);
        }
    }

    @Test
    void thePortalsDirectoryAccountReachesNeitherTheOperatorsNorTheirRole() throws Exception {
        String operator = KeycloakAdmin.userId("operator");
        String sam = KeycloakAdmin.userId("sam");
        String operators = KeycloakAdmin.group("platform-operators").path("id").asText();
        String north = KeycloakAdmin.group("north-high").path("id").asText();
        String platformAdmin = "[" + KeycloakAdmin.get("/roles/platform-admin") + "]";

        assertThat(status(KeycloakAdmin.asPortal("GET", "/users/" + operator, null))).as("read the operator").isEqualTo(403);
        assertThat(status(KeycloakAdmin.asPortal("PUT", "/users/" + operator + "/reset-password",
                "{\"type\": \"password\", \"value\": \"Taken-0ver!\", \"temporary\": false}"))).as("take the operator's password").isEqualTo(403);
        assertThat(status(KeycloakAdmin.asPortal("DELETE", "/users/" + operator, null))).as("delete the operator").isEqualTo(403);
        assertThat(KeycloakAdmin.asPortal("GET", "/users?exact=true&username=operator", null).body()).as("find the operator").isEqualTo("[]");
        assertThat(status(KeycloakAdmin.asPortal("POST", "/users/" + sam + "/role-mappings/realm", platformAdmin)))
                .as("make sam a platform admin").isEqualTo(403);
        assertThat(status(KeycloakAdmin.asPortal("PUT", "/users/" + sam + "/groups/" + operators, null)))
                .as("put sam among the operators").isEqualTo(403);
        assertThat(status(KeycloakAdmin.asPortal("POST", "/groups/" + north + "/role-mappings/realm", platformAdmin)))
                .as("give a school's group the role").isEqualTo(403);
        assertThat(status(KeycloakAdmin.asPortal("POST", "/roles/student/composites", platformAdmin)))
                .as("hide the role inside student").isEqualTo(403);
        assertThat(status(KeycloakAdmin.asPortal("PUT", "", "{\"registrationAllowed\": true}"))).as("change the realm").isEqualTo(403);
        assertThat(status(KeycloakAdmin.asPortal("POST", "/clients", "{\"clientId\": \"wall-client\"}"))).as("add a client").isEqualTo(403);
        assertThat(status(KeycloakAdmin.asPortal("POST", "/authentication/flows",
                "{\"alias\": \"wall-flow\", \"providerId\": \"basic-flow\", \"topLevel\": true}"))).as("add a sign-in flow").isEqualTo(403);
        assertThat(status(KeycloakAdmin.asPortal("PUT", "/users/" + sam + "/federated-identity/west-side-oidc", null)))
                .as("link sam to another school's provider").isIn(403, 404, 405);
        // the portal connects the schools' identity providers, which Keycloak does not narrow: a provider's
        // mapper could give any role, so the portal refuses any brokered person who is a platform admin or
        // not of the provider's school (SchoolSignInBrowserIT)
        assertThat(KeycloakAdmin.get("/users/" + operator + "/role-mappings/realm/composite").toString()).contains("platform-admin");

        // what the portal's work needs still works: a school's member, and the school roles only
        assertThat(status(KeycloakAdmin.asPortal("GET", "/users/" + sam, null))).isEqualTo(200);
        String grantable = KeycloakAdmin.asPortal("GET", "/users/" + sam + "/role-mappings/realm/available", null).body();
        assertThat(grantable).contains("\"teacher\"").doesNotContain("platform-admin");
    }

    @Test
    void onAClusterLabsMountTheSchoolsClaimsOnlyAndTheNamespaceEnforcesRestricted() throws Exception {
        String operator = signedIn("operator");
        assertThat(send("POST", "/api/v1/schools", operator, "{\"slug\": \"claims-college\", \"name\": \"Claims College\"}")
                .statusCode()).isEqualTo(201);
        KeycloakAdmin.createPerson("wall-clara", "student", "claims-college");
        String clara = signedIn("wall-clara");
        // the cluster's operator made the storage class of the school files, as the settings name it
        StackExtension.devCluster().offerStorageClass("campuslab-files");
        assertThat(send("PATCH", "/api/v1/settings", operator,
                "{\"storage.workspace-mode\": \"CLAIM\", \"storage.school-files-class\": \"campuslab-files\"}").statusCode()).isEqualTo(200);
        try {
            HttpResponse<String> requested = send("POST", "/api/v1/labs", clara, "{\"template\": \"jupyterlab\"}");
            assertThat(requested.statusCode()).as(requested.body()).isEqualTo(201);
            long id = JSON.readTree(requested.body()).path("id").asLong();
            LabWatch.waitFor(clara, id, LabWatch.inState("RUNNING"));

            try (var client = StackExtension.devCluster().client()) {
                String ns = "cl-claims-college";
                assertThat(client.namespaces().withName(ns).get().getMetadata().getLabels())
                        .containsEntry("pod-security.kubernetes.io/enforce", "restricted");
                var claims = client.persistentVolumeClaims().inNamespace(ns).list().getItems();
                assertThat(claims).filteredOn(c -> c.getMetadata().getName().startsWith("campuslab-"))
                        .extracting(c -> c.getMetadata().getName() + " " + c.getSpec().getAccessModes() + " "
                                + c.getSpec().getStorageClassName() + " " + c.getMetadata().getAnnotations().get("campuslab.io/storage-path"))
                        .containsExactlyInAnyOrder("campuslab-courses [ReadWriteMany] campuslab-files courses/claims-college",
                                "campuslab-datasets [ReadWriteMany] campuslab-files datasets/claims-college",
                                "campuslab-datasets-global [ReadWriteMany] campuslab-files datasets/_global");
                var pod = client.pods().inNamespace(ns).withName("lab-" + id).get();
                assertThat(pod.getSpec().getVolumes()).as("no host folder on a cluster").allMatch(v -> v.getHostPath() == null);
                assertThat(pod.getSpec().getVolumes()).filteredOn(v -> v.getPersistentVolumeClaim() != null)
                        .extracting(v -> v.getPersistentVolumeClaim().getClaimName())
                        .contains("campuslab-courses", "campuslab-datasets", "campuslab-datasets-global")
                        .anyMatch(name -> name.startsWith("workspace-wall-clara"));
                assertThat(pod.getSpec().getContainers().get(0).getVolumeMounts())
                        .filteredOn(m -> m.getName().startsWith("courses") || m.getName().startsWith("datasets"))
                        .hasSize(3).allMatch(m -> Boolean.TRUE.equals(m.getReadOnly()));
            }
            send("DELETE", "/api/v1/labs/" + id, clara, null);
        } finally {
            send("PATCH", "/api/v1/settings", operator, "{\"storage.workspace-mode\": \"HOST_PATH\", \"storage.school-files-class\": \"\"}");
        }
    }

    private static int status(HttpResponse<String> response) {
        return response.statusCode();
    }

    @Test
    void theRealmLocksOutPasswordGuessingAndRefusesWeakPasswords() throws Exception {
        KeycloakAdmin.createPerson("wall-mona", "student", "north-high");
        for (int i = 0; i < 5; i++) {
            assertThat(Tokens.grant("wall-mona", "guess-" + i, "campuslab-cli").statusCode()).isNotEqualTo(200);
        }
        assertThat(Tokens.grant("wall-mona", "campuslab", "campuslab-cli").statusCode())
                .as("the right password after five wrong guesses waits").isNotEqualTo(200);

        assertThat(KeycloakAdmin.post("/users", """
                {"username": "wall-weak", "enabled": true, "groups": ["/north-high"],
                 "credentials": [{"type": "password", "value": "wall-weak", "temporary": false}]}
                """)).as("the user name as password").isEqualTo(400);
        assertThat(KeycloakAdmin.post("/users", """
                {"username": "wall-short", "enabled": true, "groups": ["/north-high"],
                 "credentials": [{"type": "password", "value": "abc123", "temporary": false}]}
                """)).as("six characters").isEqualTo(400);
    }

    @Test
    void aRefusedCallIsOneLineInTheLog() throws Exception {
        String sam = signedIn("sam");
        Path log = StackExtension.settings().home().resolve("wildfly").resolve("log").resolve("server.log");
        long before = Files.size(log);

        for (int i = 0; i < 1000; i++) {
            assertThat(send("GET", "/api/v1/schools", sam, null).statusCode()).isEqualTo(403);
        }

        String written = readFrom(log, before);
        long refusals = written.lines().filter(line -> line.contains("Refused sam of north-high: GET /api/v1/schools")).count();
        assertThat(refusals).isEqualTo(1000);
        assertThat(written).doesNotContain("\tat ").doesNotContain("ERROR");
        System.out.printf("Log written by 1,000 refused calls: %,d bytes (%,d lines)%n",
                written.getBytes(StandardCharsets.UTF_8).length, written.lines().count());
    }

    private static int statusWithoutSendingTheBody(String method, String path, String token, String type, long declared)
            throws Exception {
        try (Socket socket = new Socket("localhost", StackExtension.settings().portalPort())) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write((method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                    + "\r\nAccept: application/json\r\nContent-Type: " + type + "\r\nContent-Length: " + declared + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String status = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            return Integer.parseInt(status.split(" ")[1]);
        } catch (SocketTimeoutException e) {
            return -1;
        }
    }

    private static List<Integer> atOnce(int calls, Callable<Integer> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                answers.add(pool.submit(call));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    private static String readFrom(Path file, long offset) throws Exception {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            byte[] bytes = new byte[(int) (in.length() - offset)];
            in.seek(offset);
            in.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static long memberCount(String username) throws Exception {
        return PortalApi.queryLong("select count(*) from members where username = ?", username);
    }

    private static long memberVersion(String username) throws Exception {
        return PortalApi.queryLong("select version from members where username = ?", username);
    }
}

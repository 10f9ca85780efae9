package io.campuslab.system.gateway;

import static io.campuslab.system.LabWatch.inState;
import static io.campuslab.system.LabWatch.waitFor;
import static io.campuslab.system.PortalApi.database;
import static io.campuslab.system.PortalApi.send;
import static io.campuslab.system.PortalApi.signedIn;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.campuslab.system.GatewayVisitor;
import io.campuslab.system.KeycloakAdmin;
import io.campuslab.system.SystemTest;
import java.net.HttpCookie;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The lab gateway as an attacker meets it: every lab is reached at /labs/<key>/ through the portal,
 * only by whom it belongs to, with a pass nobody can guess, replay or carry to another lab; the lab
 * never sees the portal's credentials; a stopped lab closes its WebSockets; traffic is activity.
 */
@SystemTest
class GatewayIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A running lab of a new student of a school, and the address that enters it. */
    private record RunningLab(String token, long id, String entry) {

        String key() {
            return GatewayVisitor.key(entry);
        }

        String base() {
            return entry.substring(0, entry.indexOf("_campuslab"));
        }
    }

    private static RunningLab runningLab(String username, String school) throws Exception {
        return requestedLab(username, school).running();
    }

    /** A lab asked for by a new student of the school; {@link #running()} waits for it, so several start at once. */
    private record RequestedLab(String token, long id) {
        RunningLab running() throws Exception {
            waitFor(token, id, inState("RUNNING"));
            return new RunningLab(token, id, entry(token, id));
        }
    }

    private static RequestedLab requestedLab(String username, String school) throws Exception {
        KeycloakAdmin.createPerson(username, "student", school);
        String token = signedIn(username);
        HttpResponse<String> queued = send("POST", "/api/v1/labs", token, "{\"template\": \"jupyterlab\"}");
        assertThat(queued.statusCode()).as(queued.body()).isEqualTo(201);
        return new RequestedLab(token, JSON.readTree(queued.body()).path("id").asLong());
    }

    private static String entry(String token, long id) throws Exception {
        HttpResponse<String> access = send("GET", "/api/v1/labs/" + id + "/access", token, null);
        for (int tries = 0; access.statusCode() == 409 && tries < 40; tries++) {
            Thread.sleep(250);
            access = send("GET", "/api/v1/labs/" + id + "/access", token, null);
        }
        assertThat(access.statusCode()).as(access.body()).isEqualTo(200);
        return JSON.readTree(access.body()).path("url").asText();
    }

    @Test
    void theOwnerEntersOnceWithTheTicketAndTheLabSeesNoneOfThePortalsCredentials() throws Exception {
        RunningLab lab = runningLab("gw-sam", "north-high");
        GatewayVisitor sam = new GatewayVisitor();

        HttpResponse<String> page = sam.get(lab.entry());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("jupyterlab", "gw-sam", "/labs/" + lab.key() + "/");
        assertThat(page.uri().toString()).isEqualTo(lab.base());
        HttpCookie pass = sam.cookies().stream().filter(c -> c.getName().equals("cl_" + lab.key())).findFirst().orElseThrow();
        assertThat(pass.isHttpOnly()).isTrue();
        assertThat(pass.getPath()).isEqualTo("/labs/");

        sam.plant(lab.base(), "JSESSIONID", "the-portal-session");
        HttpResponse<String> again = sam.get(lab.base() + "tree");
        assertThat(again.statusCode()).isEqualTo(200);
        String seenByLab = again.body().replaceAll("(?s).*<p id=\"lab-cookies\">(.*?)</p>.*", "$1");
        assertThat(seenByLab).as("the lab never sees the gateway's pass or the portal's session")
                .doesNotContain("cl_").doesNotContain("JSESSIONID");
        assertThat(sam.cookies()).filteredOn(c -> c.getName().equals("lab-visit"))
                .as("what a lab sets stays below its own path").allMatch(c -> c.getPath().equals("/labs/" + lab.key() + "/"));

        assertThat(new GatewayVisitor().get(lab.entry()).statusCode()).as("a ticket opens the door once").isEqualTo(403);
        assertThat(new GatewayVisitor().get(lab.base()).statusCode()).as("no pass").isEqualTo(403);
        send("DELETE", "/api/v1/labs/" + lab.id(), lab.token(), null);
    }

    @Test
    void sueReachesNoneOfSamsLabsByAnyAddress() throws Exception {
        RequestedLab samAsked = requestedLab("gw-sam2", "north-high");
        RequestedLab sueAsked = requestedLab("gw-sue2", "north-high");
        RequestedLab stanAsked = requestedLab("gw-stan2", "south-academy");
        RunningLab sams = samAsked.running();
        RunningLab sues = sueAsked.running();
        RunningLab stans = stanAsked.running();
        GatewayVisitor sue = new GatewayVisitor();
        assertThat(sue.get(sues.entry()).statusCode()).isEqualTo(200);
        String suesPass = sue.cookies().stream().filter(c -> c.getName().equals("cl_" + sues.key())).findFirst().orElseThrow().getValue();

        assertThat(send("GET", "/api/v1/labs/" + sams.id() + "/access", sues.token(), null).statusCode())
                .as("an entry to another student's lab").isEqualTo(404);
        sue.plant(sams.base(), "cl_" + sams.key(), suesPass);
        assertThat(sue.get(sams.base()).statusCode()).as("her own pass under his lab's name").isEqualTo(403);
        assertThat(sue.get(sams.base().replace(sams.key(), sues.key()) + "../" + sams.key() + "/").statusCode())
                .as("a path that climbs out of her lab").isIn(403, 404);
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < 20; i++) {
            StringBuilder guess = new StringBuilder();
            for (int c = 0; c < 26; c++) {
                guess.append("abcdefghijklmnopqrstuvwxyz234567".charAt(random.nextInt(32)));
            }
            assertThat(sue.get(sams.base().replace(sams.key(), guess)).statusCode()).as("a guessed key").isEqualTo(404);
        }
        assertThat(sue.get(sams.base().replace(sams.key(), "lab-" + sams.id())).statusCode()).as("the lab's id").isEqualTo(404);

        GatewayVisitor sam = new GatewayVisitor();
        assertThat(sam.get(sams.entry()).statusCode()).isEqualTo(200);
        String samsPass = sam.cookies().stream().filter(c -> c.getName().equals("cl_" + sams.key())).findFirst().orElseThrow().getValue();
        GatewayVisitor thief = new GatewayVisitor();
        thief.plant(stans.base(), "cl_" + stans.key(), samsPass);
        assertThat(thief.get(stans.base()).statusCode()).as("his pass on a lab of another school").isEqualTo(403);

        send("DELETE", "/api/v1/labs/" + sams.id(), sams.token(), null);
        waitFor(sams.token(), sams.id(), inState("STOPPED"));
        HttpResponse<String> requeued = send("POST", "/api/v1/labs", sams.token(), "{\"template\": \"jupyterlab\"}");
        long restarted = JSON.readTree(requeued.body()).path("id").asLong();
        waitFor(sams.token(), restarted, inState("RUNNING"));
        String newEntry = entry(sams.token(), restarted);
        assertThat(GatewayVisitor.key(newEntry)).as("a restarted lab has a new key").isNotEqualTo(sams.key());
        assertThat(sam.get(sams.base()).statusCode()).as("the old address after the restart").isEqualTo(404);
        GatewayVisitor old = new GatewayVisitor();
        old.plant(newEntry, "cl_" + GatewayVisitor.key(newEntry), samsPass);
        assertThat(old.get(newEntry.substring(0, newEntry.indexOf("_campuslab"))).statusCode())
                .as("the old pass on the restarted lab").isEqualTo(403);

        send("DELETE", "/api/v1/labs/" + restarted, sams.token(), null);
        send("DELETE", "/api/v1/labs/" + sues.id(), sues.token(), null);
        send("DELETE", "/api/v1/labs/" + stans.id(), stans.token(), null);
    }

    @Test
    void aStoppedLabClosesItsWebSocketsAndTrafficIsTheLabsActivity() throws Exception {
        RunningLab lab = runningLab("gw-wes", "north-high");
        try (Connection db = database(); PreparedStatement old = db.prepareStatement(
                "UPDATE labs SET last_activity_at = ?, version = version + 1 WHERE id = ?")) {
            // half an hour ago: well within the idle timeout (an hour), or the scheduler would stop the lab as idle
            old.setTimestamp(1, Timestamp.from(Instant.now().minus(Duration.ofMinutes(30))));
            old.setLong(2, lab.id());
            old.executeUpdate();
        }
        GatewayVisitor wes = new GatewayVisitor();
        assertThat(wes.get(lab.entry()).statusCode()).isEqualTo(200);
        GatewayVisitor.Socket socket = wes.socket(lab.base().replaceFirst("^http", "ws") + "api/kernels/echo");
        assertThat(socket.echo("print(1)")).isEqualTo("print(1)");

        Instant deadline = Instant.now().plus(Duration.ofSeconds(40));
        Instant recorded = lastActivity(lab.id());
        while (recorded.isBefore(Instant.now().minus(Duration.ofMinutes(5))) && Instant.now().isBefore(deadline)) {
            assertThat(socket.echo("still working")).isEqualTo("still working");
            Thread.sleep(1000);
            recorded = lastActivity(lab.id());
        }
        assertThat(recorded).as("the WebSocket's frames were recorded as the lab's activity")
                .isAfter(Instant.now().minus(Duration.ofMinutes(5)));

        send("DELETE", "/api/v1/labs/" + lab.id(), lab.token(), null);
        socket.closed.get(30, TimeUnit.SECONDS);
        // the lab's side may close its socket before this node's directory drops the route (it is read every 3 s):
        // meanwhile the lab's address no longer answers (503), and never does the lab
        Instant forgotten = Instant.now().plus(Duration.ofSeconds(10));
        int status = wes.get(lab.base()).statusCode();
        while (status != 404 && Instant.now().isBefore(forgotten)) {
            assertThat(status).as("a stopping lab is not reached").isEqualTo(503);
            Thread.sleep(250);
            status = wes.get(lab.base()).statusCode();
        }
        assertThat(status).as("a stopped lab is no longer reached").isEqualTo(404);
    }

    @Test
    void anAdminsVisitIsShownToTheStudentAuditedAndEndsWithTheRight() throws Exception {
        RunningLab lab = runningLab("gw-vic", "north-high");
        String alice = signedIn("alice");
        assertThat(send("GET", "/api/v1/labs/" + lab.id() + "/access", alice, null).statusCode())
                .as("school admins do not open labs unless the school lets them").isEqualTo(404);
        assertThat(send("PUT", "/api/v1/school/lab-access", signedIn("tom"), "{\"adminsOpenLabs\": true}").statusCode())
                .as("a teacher does not decide it").isEqualTo(403);
        assertThat(send("PUT", "/api/v1/school/lab-access", signedIn("bob"), "{\"adminsOpenLabs\": true}").statusCode())
                .as("South Academy's admin decides for South Academy").isEqualTo(200);
        assertThat(send("GET", "/api/v1/labs/" + lab.id() + "/access", alice, null).statusCode())
                .as("another school's choice changes nothing here").isEqualTo(404);
        assertThat(send("PUT", "/api/v1/school/lab-access", alice, "{\"adminsOpenLabs\": true}").statusCode()).isEqualTo(200);
        try {
            assertThat(send("GET", "/api/v1/labs/" + lab.id() + "/access", signedIn("bob"), null).statusCode())
                    .as("another school's admin").isEqualTo(404);
            GatewayVisitor owner = new GatewayVisitor();
            assertThat(owner.get(lab.entry()).statusCode()).isEqualTo(200);
            GatewayVisitor.Socket ownersSocket = owner.socket(lab.base().replaceFirst("^http", "ws") + "terminals/1/echo");

            GatewayVisitor admin = new GatewayVisitor();
            assertThat(admin.get(entry(alice, lab.id())).statusCode()).isEqualTo(200);
            GatewayVisitor.Socket adminsSocket = admin.socket(lab.base().replaceFirst("^http", "ws") + "terminals/1/echo");
            assertThat(adminsSocket.echo("ls")).isEqualTo("ls");

            String mine = send("GET", "/api/v1/labs/mine", lab.token(), null).body();
            assertThat(mine).as("the student sees who opened the lab").contains("\"visitedBy\":\"Alice Admin\"");
            assertThat(send("GET", "/api/v1/audit", alice, null).body()).contains("lab.entered-by-admin", "gw-vic",
                    "school.admins-open-labs");

            // another admin of the school, suspended while she is in the lab: her socket closes, her pass is refused
            KeycloakAdmin.createPerson("gw-ada", "tenant-admin", "north-high");
            GatewayVisitor ada = new GatewayVisitor();
            assertThat(ada.get(entry(signedIn("gw-ada"), lab.id())).statusCode()).isEqualTo(200);
            GatewayVisitor.Socket adasSocket = ada.socket(lab.base().replaceFirst("^http", "ws") + "terminals/1/echo");
            assertThat(adasSocket.echo("pwd")).isEqualTo("pwd");
            assertThat(send("POST", "/api/v1/members/gw-ada/suspend", alice, null).statusCode()).isEqualTo(200);
            adasSocket.closed.get(20, TimeUnit.SECONDS);
            assertThat(ada.get(lab.base()).statusCode()).as("a suspended admin's pass").isEqualTo(403);

            assertThat(send("PUT", "/api/v1/school/lab-access", alice, "{\"adminsOpenLabs\": false}").statusCode()).isEqualTo(200);
            adminsSocket.closed.get(20, TimeUnit.SECONDS);
            assertThat(admin.get(lab.base()).statusCode()).as("her pass no longer opens the lab").isEqualTo(403);
            assertThat(ownersSocket.closed).as("the owner's WebSocket stays open").isNotDone();
            assertThat(ownersSocket.echo("still mine")).isEqualTo("still mine");
        } finally {
            send("PUT", "/api/v1/school/lab-access", alice, "{\"adminsOpenLabs\": false}");
            send("PUT", "/api/v1/school/lab-access", signedIn("bob"), "{\"adminsOpenLabs\": false}");
            send("DELETE", "/api/v1/labs/" + lab.id(), lab.token(), null);
        }
    }

    private static Instant lastActivity(long id) throws Exception {
        try (Connection db = database(); PreparedStatement read = db.prepareStatement("SELECT last_activity_at FROM labs WHERE id = ?")) {
            read.setLong(1, id);
            try (ResultSet row = read.executeQuery()) {
                row.next();
                return row.getTimestamp(1).toInstant();
            }
        }
    }
}

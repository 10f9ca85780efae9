package io.campuslab.system.lab;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import io.campuslab.devcluster.ControlPlane;
import io.campuslab.devstack.PortalNode;
import io.campuslab.system.Chromium;
import io.campuslab.system.InParallel;
import io.campuslab.system.KeycloakAdmin;
import io.campuslab.system.PortalApi;
import io.campuslab.system.Tokens;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two portal nodes on one database, as {@code ./campuslab run --nodes 2} starts them: a page on one
 * node shows a change made through the other within two seconds; the node that runs the scheduler is
 * killed with {@code kill -9} while it provisions a burst of 300 labs, the other takes the lease over
 * within one term, the killed node comes back, and every lab ends with exactly one pod; then the
 * database and the cluster's API go away in the middle of another burst.
 */
@ExtendWith(TwoNodeStack.class)
@Tag("system")
@Tag("browser")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int STUDENTS = 300;
    private static final String SCHOOL = "twin-college";
    private static final String NAMESPACE = "cl-" + SCHOOL;
    /** The scheduler's interval and lease term of the server's defaults (CoreSettings, LabScheduler). */
    private static final Duration INTERVAL = Duration.ofSeconds(5);
    private static final Duration TERM = INTERVAL.multipliedBy(6);

    /**
     * The page is on the node that does not run the scheduler, the change is made through the one
     * that does: only the change counter can tell the page within two seconds (its own poll is every
     * ten).
     */
    @Test
    @Order(1)
    void aLabAskedForThroughOneNodeShowsOnAPageOfTheOtherWithinTwoSeconds() throws Exception {
        String sam = PortalApi.signedIn("sam");
        waitUntil(Duration.ofSeconds(30), () -> leaseHolder() != 0, "a node to hold the lease");
        PortalNode scheduling = TwoNodeStack.node(leaseHolder());
        PortalNode watching = TwoNodeStack.node(3 - scheduling.number());
        BrowserContext browser = Chromium.browser().newContext(new Browser.NewContextOptions().setLocale("en-US"));
        Page page = browser.newPage();
        try {
            Chromium.signIn(page, watching.url(), "sam", "campuslab");
            page.locator("#nav-lab").click();
            assertThat(page.locator("#lab-choices")).isVisible();

            HttpResponse<String> asked = PortalApi.send(scheduling.httpPort(), "POST", "/api/v1/labs", sam,
                    "{\"template\": \"jupyterlab\"}", "en");
            org.assertj.core.api.Assertions.assertThat(asked.statusCode()).as(asked.body()).isEqualTo(201);
            long shown = millisUntil(() -> page.locator("#lab-card").isVisible());
            System.out.printf("[two nodes] a lab asked for on %s showed on %s's page after %d ms%n", scheduling.name(),
                    watching.name(), shown);
            org.assertj.core.api.Assertions.assertThat(shown).as("ms until the other node's page showed the lab")
                    .isLessThanOrEqualTo(2000);

            assertThat(page.locator("#lab-state")).hasText("Running", new LocatorAssertions.HasTextOptions().setTimeout(60_000));
            long id = JSON.readTree(asked.body()).path("id").asLong();
            org.assertj.core.api.Assertions.assertThat(PortalApi.send(scheduling.httpPort(), "DELETE",
                    "/api/v1/labs/" + id, sam, null, "en").statusCode()).isBetween(200, 204);
            long stopped = millisUntil(() -> !page.locator("#lab-card").isVisible()
                    || !"Running".equals(page.locator("#lab-state").textContent()));
            System.out.printf("[two nodes] a lab stopped on %s changed on %s's page after %d ms%n", scheduling.name(),
                    watching.name(), stopped);
            org.assertj.core.api.Assertions.assertThat(stopped).as("ms until the other node's page showed the stop")
                    .isLessThanOrEqualTo(2000);
        } finally {
            Chromium.screenshot(page, "two-nodes-sam");
            browser.close();
        }
    }

    /**
     * A class of 120 is prepared while every process of the stack is killed with {@code -9} in turn:
     * the portal node a teacher's browser is on (through the front door, which keeps a browser on one
     * node), then the database, Keycloak, the API server and etcd. Each is started again by what
     * watches it; the teacher's page signs in again by itself on the other node, without a password;
     * every student's lab runs with exactly one pod, service and token, nothing is left that no lab
     * owns, and ending the session removes them all.
     */
    @Test
    @Order(2)
    void everyProcessOfTheStackKilledInTurnWhileAClassOf120IsPreparedLosesNothing() throws Exception {
        String school = "turn-college";
        String namespace = "cl-" + school;
        int students = 120;
        roomySchool(school, "Turn College");
        KeycloakAdmin.createPerson("turn-teacher", "teacher", school);
        KeycloakAdmin.createStudents("turn", students, school);
        Map<String, String> tokens = signInAll("turn", students);
        String teacher = Tokens.of("turn-teacher");
        org.assertj.core.api.Assertions.assertThat(PortalApi.send(TwoNodeStack.node(1).httpPort(), "GET", "/api/v1/me",
                teacher, null, "en").statusCode()).isEqualTo(200);
        HttpResponse<String> created = PortalApi.send(TwoNodeStack.node(1).httpPort(), "POST", "/api/v1/classrooms", teacher,
                "{\"name\": \"Turns\"}", "en");
        org.assertj.core.api.Assertions.assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long classroom = JSON.readTree(created.body()).path("id").asLong();
        org.assertj.core.api.Assertions.assertThat(PortalApi.send(TwoNodeStack.node(2).httpPort(), "PUT",
                "/api/v1/classrooms/" + classroom + "/roster", teacher, JSON.writeValueAsString(tokens.keySet()), "en")
                .statusCode()).isEqualTo(200);
        String draft = """
                {"template": "jupyterlab", "start": "%s", "minutes": 60, "prepareMinutes": 10, "gpus": 0, "zone": "UTC",
                 "cpuMillis": 500, "memoryMib": 1024}
                """.formatted(java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).plusMinutes(3).withNano(0));

        BrowserContext browser = Chromium.browser().newContext(new Browser.NewContextOptions().setLocale("en-US"));
        Page page = browser.newPage();
        try {
            String frontDoor = TwoNodeStack.stack().settings().frontDoorUrl();
            List<String> seen = java.util.Collections.synchronizedList(new ArrayList<>());
            page.onResponse(response -> {
                if (response.status() >= 300) {
                    seen.add(Instant.now() + " " + response.status() + " " + response.request().method() + " " + response.url());
                }
            });
            java.util.concurrent.atomic.AtomicReference<Instant> pageLoaded = new java.util.concurrent.atomic.AtomicReference<>();
            page.onResponse(response -> {
                if (response.request().isNavigationRequest() && response.status() == 200 && response.url().startsWith(frontDoor)) {
                    pageLoaded.set(Instant.now());
                }
            });
            page.onRequestFailed(request -> seen.add(Instant.now() + " failed " + request.method() + " " + request.url() + " " + request.failure()));
            page.onConsoleMessage(message -> seen.add(Instant.now() + " console " + message.type() + " " + message.text()));
            pageEvents = seen;
            Chromium.signIn(page, frontDoor, "turn-teacher", "campuslab");
            // every call to the cluster's API answers a second late while the processes are killed, so that the
            // preparation of the 120 labs is still under way at each kill, however fast the machine
            TwoNodeStack.stack().devCluster().orElseThrow().faults().inject(io.campuslab.devcluster.Fault.slow(Duration.ofSeconds(1)));
            HttpResponse<String> booked = PortalApi.send(TwoNodeStack.node(1).httpPort(), "POST",
                    "/api/v1/classrooms/" + classroom + "/sessions", teacher, draft, "en");
            org.assertj.core.api.Assertions.assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);
            long session = JSON.readTree(booked.body()).path(0).path("id").asLong();
            bookedSession = session;
            page.navigate(frontDoor + "sessions/" + session);
            assertThat(page.locator("#console-status")).isVisible();
            int browsersNode = routeOf(browser);

            waitUntil(Duration.ofSeconds(60), () -> count(school, "state IN ('PROVISIONING', 'RUNNING')") > 0,
                    "the session's preparation to be under way");
            ControlPlane plane = TwoNodeStack.stack().devCluster().orElseThrow().controlPlane().orElseThrow();
            Instant firstKill = Instant.now();
            String[] victims = {"node-" + browsersNode, "MariaDB", "Keycloak", "kube-apiserver", "etcd"};
            for (String victim : victims) {
                int running = runningOrUnknown(school);
                System.out.printf("[two nodes] %s killed with %d of %d labs running%n", victim, running, students);
                org.assertj.core.api.Assertions.assertThat(running).as("the preparation still under way when " + victim + " is killed")
                        .isLessThan(students);
                switch (victim) {
                    case "MariaDB" -> TwoNodeStack.stack().killDatabase();
                    case "Keycloak" -> TwoNodeStack.stack().killKeycloak();
                    case "kube-apiserver", "etcd" -> ProcessHandle.of(plane.pid(victim)).ifPresent(ProcessHandle::destroyForcibly);
                    default -> {
                        Instant killedAt = Instant.now();
                        TwoNodeStack.stack().killPortalNode(browsersNode);
                        // the page moves to the other node and, loaded anew, signs in there by itself through Keycloak's session
                        long back = millisUntil(Duration.ofSeconds(60), () -> {
                            try {
                                Instant loaded = pageLoaded.get();
                                return routeOf(browser) == 3 - browsersNode && loaded != null && loaded.isAfter(killedAt)
                                        && page.locator("#console-status").isVisible();
                            } catch (com.microsoft.playwright.PlaywrightException navigating) {
                                return false;
                            }
                        });
                        System.out.printf("[two nodes] the teacher's page was back on node-%d, loaded anew and signed in, %d ms after the kill%n",
                                3 - browsersNode, back);
                        org.assertj.core.api.Assertions.assertThat(pageLoaded.get()).as("the page loaded anew after the kill").isAfter(killedAt);
                        org.assertj.core.api.Assertions.assertThat(page.locator("#username").isVisible())
                                .as("no password asked for").isFalse();
                        org.assertj.core.api.Assertions.assertThat(routeOf(browser)).as("the page's node").isEqualTo(3 - browsersNode);
                        assertThat(page.locator("#console-status")).isVisible();
                    }
                }
                Thread.sleep(2_000);
            }
            TwoNodeStack.stack().devCluster().orElseThrow().faults().clear();

            waitUntil(Duration.ofMinutes(3), () -> TwoNodeStack.stack().servicesRunning(), "the database and Keycloak to run again");
            System.out.printf("[two nodes] the database and Keycloak ran again %.1f s after the first kill%n",
                    Duration.between(firstKill, Instant.now()).toMillis() / 1000.0);
            org.assertj.core.api.Assertions.assertThat(plane.restarts()).containsEntry("kube-apiserver", 1).containsEntry("etcd", 1);
            waitUntil(Duration.ofMinutes(5), () -> count(school, "state = 'RUNNING'") == students, "every student's lab to run");
            System.out.printf("[two nodes] all %d labs of the session running %.1f s after the first kill%n", students,
                    Duration.between(firstKill, Instant.now()).toMillis() / 1000.0);
            org.assertj.core.api.Assertions.assertThat(count(school, "state <> 'RUNNING'")).as("no lab failed or doubled").isZero();
            Set<String> ids = new HashSet<>();
            try (Connection db = PortalApi.database();
                 ResultSet rows = db.createStatement().executeQuery("SELECT l.id FROM labs l JOIN tenants t ON t.id = l.tenant_id"
                         + " WHERE t.slug = '" + school + "' AND l.session_id = " + session)) {
                while (rows.next()) {
                    ids.add(Long.toString(rows.getLong(1)));
                }
            }
            org.assertj.core.api.Assertions.assertThat(ids).as("one lab per student of the session").hasSize(students);
            try (KubernetesClient cluster = TwoNodeStack.stack().devCluster().orElseThrow().client()) {
                assertOnePerLab("pods", cluster.pods().inNamespace(namespace).list().getItems(), ids);
                assertOnePerLab("services", cluster.services().inNamespace(namespace).list().getItems(), ids);
                assertOnePerLab("secrets", cluster.secrets().inNamespace(namespace).list().getItems().stream()
                        .filter(s -> s.getMetadata().getLabels() != null && s.getMetadata().getLabels().containsKey("campuslab.io/lab"))
                        .toList(), ids);
            }
            assertThat(page.locator("#console-state-turn-1[data-state=RUNNING]"))
                    .isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(30_000));

            // a new sign-in works against the Keycloak started again, and ending the session removes everything
            String again = Tokens.of("turn-teacher");
            HttpResponse<String> ended = PortalApi.send(TwoNodeStack.node(3 - browsersNode).httpPort(), "POST",
                    "/api/v1/sessions/" + session + "/end", again, null, "en");
            org.assertj.core.api.Assertions.assertThat(ended.statusCode()).as(ended.body()).isEqualTo(200);
            waitUntil(Duration.ofMinutes(2), () -> count(school, "state NOT IN ('STOPPED')") == 0, "every lab of the session to stop");
            try (KubernetesClient cluster = TwoNodeStack.stack().devCluster().orElseThrow().client()) {
                waitUntil(Duration.ofMinutes(1), () -> cluster.pods().inNamespace(namespace).list().getItems().isEmpty()
                        && cluster.services().inNamespace(namespace).list().getItems().isEmpty(), "the session's pods and services to go");
            }
            int killed = browsersNode;
            waitUntil(Duration.ofMinutes(4), () -> TwoNodeStack.stack().portalNodeReady(killed), "node-" + killed + " to run again");
            pageEvents = null;
        } finally {
            TwoNodeStack.stack().devCluster().orElseThrow().faults().clear();
            Chromium.screenshot(page, "two-nodes-every-process-killed");
            browser.close();
            endQuietly(bookedSession);
            if (pageEvents != null) {
                // only when the test failed: its requests, their failures and the console
                System.out.println("[two nodes] what the teacher's page saw:\n  " + String.join("\n  ", pageEvents));
            }
        }
    }

    private static List<String> pageEvents;
    private static long bookedSession;

    /** Ends a session a failed test left running, so that the tests after it find the cluster's room free. */
    private static void endQuietly(long session) {
        if (session == 0) {
            return;
        }
        try {
            PortalApi.send(TwoNodeStack.node(1).httpPort(), "POST", "/api/v1/sessions/" + session + "/end",
                    Tokens.of("turn-teacher"), null, "en");
            PortalApi.send(TwoNodeStack.node(2).httpPort(), "POST", "/api/v1/sessions/" + session + "/end",
                    Tokens.of("turn-teacher"), null, "en");
        } catch (Exception e) {
            System.out.println("[two nodes] the session could not be ended: " + e);
        }
    }

    /** The node the front door keeps this browser on, by its affinity cookie (0 before it has one). */
    private static int routeOf(BrowserContext browser) {
        return browser.cookies().stream().filter(cookie -> cookie.name.equals("CL_ROUTE"))
                .map(cookie -> Integer.parseInt(cookie.value.substring("node-".length()))).findFirst().orElse(0);
    }

    /** Running labs of the school, or -1 while the database cannot say. */
    private static int runningOrUnknown(String school) {
        try {
            return count(school, "state = 'RUNNING'");
        } catch (java.sql.SQLException e) {
            return -1;
        }
    }

    @Test
    @Order(3)
    void killingTheSchedulersNodeInABurstOf300LosesNothingAndDoublesNothing() throws Exception {
        String operator = roomySchool(SCHOOL, "Twin College");
        org.assertj.core.api.Assertions.assertThat(PortalApi.send("PATCH", "/api/v1/settings", operator,
                "{\"overcommit.cpu-ratio\": \"4.0\"}").statusCode()).isEqualTo(200);
        KeycloakAdmin.createStudents("twin", STUDENTS, SCHOOL);
        Map<String, String> tokens = signInAll();

        List<Long> labs = requestAtOnce(tokens);
        org.assertj.core.api.Assertions.assertThat(labs).as("every request accepted").hasSize(STUDENTS).doesNotHaveDuplicates();

        String killedHolder = leaseHolderId();
        int holder = nodeOf(killedHolder);
        waitUntil(Duration.ofSeconds(60), () -> count("state IN ('PROVISIONING', 'RUNNING')") > 0, "the burst to be under way");
        int underWay = count("state IN ('PROVISIONING', 'RUNNING')");
        Instant killed = Instant.now();
        TwoNodeStack.stack().killPortalNode(holder);
        System.out.printf("[two nodes] node-%d, the lease holder, killed with %d of %d labs admitted%n", holder, underWay, STUDENTS);

        // the surviving node, or the killed one once the launcher has started it again, whichever asks first
        try {
            waitUntil(TERM.plus(INTERVAL).plusSeconds(10), () -> {
                String now = leaseHolderId();
                return now != null && !now.equals(killedHolder);
            }, "a live node to take the lease over");
        } catch (AssertionError stuck) {
            dumpThreads(3 - holder);
            throw new AssertionError(stuck.getMessage() + "; the database says:\n" + databaseState()
                    + "the nodes' logs say:\n" + schedulerLog(1) + schedulerLog(2), stuck);
        }
        Duration takeover = Duration.between(killed, Instant.now());
        int successor = nodeOf(leaseHolderId());
        System.out.printf("[two nodes] %s took the lease over %.1f s after the kill%n",
                successor == holder ? "node-" + holder + ", started again," : "node-" + successor, takeover.toMillis() / 1000.0);
        org.assertj.core.api.Assertions.assertThat(takeover).as("taken over within one lease term and a pass")
                .isLessThanOrEqualTo(TERM.plus(INTERVAL).plusSeconds(2));

        waitUntil(Duration.ofMinutes(4), () -> count("state = 'RUNNING'") == STUDENTS, "all labs to run");
        System.out.printf("[two nodes] all %d labs running %.1f s after the kill%n", STUDENTS,
                Duration.between(killed, Instant.now()).toMillis() / 1000.0);
        org.assertj.core.api.Assertions.assertThat(count("state NOT IN ('RUNNING')")).as("no lab failed or stopped").isZero();

        try (KubernetesClient cluster = TwoNodeStack.stack().devCluster().orElseThrow().client()) {
            Set<String> ids = new HashSet<>();
            labs.forEach(id -> ids.add(Long.toString(id)));
            assertOnePerLab("pods", cluster.pods().inNamespace(NAMESPACE).list().getItems(), ids);
            assertOnePerLab("services", cluster.services().inNamespace(NAMESPACE).list().getItems(), ids);
            assertOnePerLab("secrets", cluster.secrets().inNamespace(NAMESPACE).list().getItems().stream()
                    .filter(s -> s.getMetadata().getLabels() != null && s.getMetadata().getLabels().containsKey("campuslab.io/lab"))
                    .toList(), ids);
        }

        PortalNode restarted = TwoNodeStack.node(holder);
        waitUntil(Duration.ofMinutes(4), () -> TwoNodeStack.stack().portalNodeReady(holder),
                "node-" + holder + " to be started again by the launcher");
        HttpResponse<String> mine = PortalApi.send(restarted.httpPort(), "GET", "/api/v1/labs/mine", tokens.get("twin-1"), null, "en");
        org.assertj.core.api.Assertions.assertThat(mine.statusCode()).isEqualTo(200);
        org.assertj.core.api.Assertions.assertThat(JSON.readTree(mine.body()).path(0).path("state").asText()).isEqualTo("RUNNING");
    }

    /**
     * A burst of 100 small labs (they fit beside the 300 of the test before), and in the middle of it
     * the database stops for 30 s, then the cluster's
     * API answers nothing for 60 s: people are told clearly while the database is away, the labs wait
     * with a reason while the cluster is, and then every lab runs with exactly one pod.
     */
    @Test
    @Order(4)
    void theDatabaseAndTheClusterDownInABurstLoseNothingAndDoubleNothing() throws Exception {
        String school = "still-college";
        String namespace = "cl-" + school;
        int students = 100;
        roomySchool(school, "Still College");
        KeycloakAdmin.createStudents("still", students, school);
        Map<String, String> tokens = signInAll("still", students);
        List<Long> labs = new ArrayList<>();
        for (Map.Entry<String, String> student : tokens.entrySet()) {
            int node = Integer.parseInt(student.getKey().substring("still-".length())) % 2 + 1;
            HttpResponse<String> asked = PortalApi.send(TwoNodeStack.node(node).httpPort(), "POST", "/api/v1/labs",
                    student.getValue(), "{\"template\": \"jupyterlab\", \"cpuMillis\": 500, \"memoryMib\": 512}", "en");
            org.assertj.core.api.Assertions.assertThat(asked.statusCode()).as(asked.body()).isEqualTo(201);
            labs.add(JSON.readTree(asked.body()).path("id").asLong());
        }

        String anyone = tokens.get("still-1");
        Thread outage = new Thread(() -> {
            try {
                TwoNodeStack.stack().interruptDatabase(Duration.ofSeconds(30));
            } catch (io.campuslab.devstack.StackException e) {
                throw new IllegalStateException(e);
            }
        }, "database-outage");
        outage.start();
        Thread.sleep(5_000);
        for (int node = 1; node <= 2; node++) {
            HttpResponse<String> meanwhile = PortalApi.send(TwoNodeStack.node(node).httpPort(), "GET", "/api/v1/labs/mine",
                    anyone, null, "en");
            org.assertj.core.api.Assertions.assertThat(meanwhile.statusCode()).as("node-" + node + " while the database is away")
                    .isEqualTo(503);
            org.assertj.core.api.Assertions.assertThat(JSON.readTree(meanwhile.body()).path("key").asText())
                    .isEqualTo("error.database.unreachable");
            org.assertj.core.api.Assertions.assertThat(meanwhile.headers().firstValue("Retry-After")).contains("30");
        }
        outage.join();
        System.out.println("[two nodes] the database was away 30 s");

        TwoNodeStack.stack().devCluster().orElseThrow().faults().inject(io.campuslab.devcluster.Fault.down());
        try {
            waitUntil(Duration.ofSeconds(60), () -> PortalApi.queryLong("SELECT COUNT(*) FROM scheduler_leases"
                    + " WHERE name = ? AND cluster_unreachable_since IS NOT NULL", "labs") == 1, "the scheduler to notice the cluster is away");
            String waiting = firstWaiting(school);
            if (waiting != null) {
                JsonNode lab = JSON.readTree(PortalApi.send(TwoNodeStack.node(1).httpPort(), "GET", "/api/v1/labs/mine",
                        tokens.get(waiting), null, "en").body()).path(0);
                org.assertj.core.api.Assertions.assertThat(lab.path("reasonKey").asText()).as(waiting + "'s lab says why it waits")
                        .isEqualTo("lab.reason.cluster-unreachable");
            }
            Thread.sleep(60_000);
        } finally {
            TwoNodeStack.stack().devCluster().orElseThrow().faults().clear();
        }
        System.out.println("[two nodes] the cluster's API was away 60 s");

        waitUntil(Duration.ofMinutes(4), () -> count(school, "state = 'RUNNING'") == students, "all labs to run");
        org.assertj.core.api.Assertions.assertThat(count(school, "state <> 'RUNNING'")).as("no lab failed or stopped").isZero();
        try (KubernetesClient cluster = TwoNodeStack.stack().devCluster().orElseThrow().client()) {
            Set<String> ids = new HashSet<>();
            labs.forEach(id -> ids.add(Long.toString(id)));
            assertOnePerLab("pods", cluster.pods().inNamespace(namespace).list().getItems(), ids);
            assertOnePerLab("services", cluster.services().inNamespace(namespace).list().getItems(), ids);
        }
    }

    /** A new school whose quota holds hundreds of CPU labs, made by the operator; the operator's token. */
    private static String roomySchool(String slug, String name) throws Exception {
        String operator = PortalApi.signedIn("operator");
        HttpResponse<String> made = PortalApi.send("POST", "/api/v1/schools", operator,
                "{\"slug\": \"" + slug + "\", \"name\": \"" + name + "\"}");
        org.assertj.core.api.Assertions.assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        try (Connection db = PortalApi.database()) {
            db.createStatement().executeUpdate("UPDATE tenants SET quota_concurrent_labs = 1000, quota_cpu_cores = 1000,"
                    + " quota_memory_gib = 4000, quota_gpus = 0 WHERE slug = '" + slug + "'");
        }
        return operator;
    }

    /** The owner of a lab of the school that is not running yet, if any. */
    private static String firstWaiting(String school) throws java.sql.SQLException {
        try (Connection db = PortalApi.database();
             ResultSet rows = db.createStatement().executeQuery("SELECT m.username FROM labs l JOIN tenants t ON t.id = l.tenant_id"
                     + " JOIN members m ON m.id = l.owner_id WHERE t.slug = '" + school + "' AND l.state IN ('QUEUED', 'PROVISIONING')")) {
            return rows.next() ? rows.getString(1) : null;
        }
    }

    private static void assertOnePerLab(String what, List<? extends HasMetadata> objects, Set<String> labIds) {
        List<String> owners = objects.stream().map(o -> o.getMetadata().getLabels() == null ? "(none)"
                : o.getMetadata().getLabels().getOrDefault("campuslab.io/lab", "(none)")).toList();
        org.assertj.core.api.Assertions.assertThat(owners).as("the lab of each of the school's " + what)
                .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(labIds);
    }

    /** Each student signs in (a token from Keycloak) and is seen once by a node, half by each. */
    private static Map<String, String> signInAll() throws Exception {
        return signInAll("twin", STUDENTS);
    }

    /** Students {@code prefix-1} to {@code prefix-count} sign in, odd ones on node 2, even ones on node 1. */
    private static Map<String, String> signInAll(String prefix, int count) throws Exception {
        Map<String, String> tokens = new ConcurrentHashMap<>();
        List<Integer> numbers = java.util.stream.IntStream.rangeClosed(1, count).boxed().toList();
        InParallel.forEach(numbers, 8, i -> {
            String token = Tokens.of(prefix + "-" + i);
            HttpResponse<String> me = PortalApi.send(TwoNodeStack.node(i % 2 + 1).httpPort(), "GET", "/api/v1/me", token, null, "en");
            org.assertj.core.api.Assertions.assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
            tokens.put(prefix + "-" + i, token);
        });
        return tokens;
    }

    /** Every student asks at the same moment, half through each node. */
    private static List<Long> requestAtOnce(Map<String, String> tokens) throws Exception {
        return InParallel.atOnce(tokens.entrySet(), 64, student -> {
            int node = Integer.parseInt(student.getKey().substring("twin-".length())) % 2 + 1;
            HttpResponse<String> response = PortalApi.send(TwoNodeStack.node(node).httpPort(), "POST", "/api/v1/labs",
                    student.getValue(), "{\"template\": \"jupyterlab\", \"cpuMillis\": 1000, \"memoryMib\": 1024}", "en");
            org.assertj.core.api.Assertions.assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            return JSON.readTree(response.body()).path("id").asLong();
        });
    }

    /** Who holds the scheduler's lease now ("node-N/..."), or null while no one does. */
    private static String leaseHolderId() throws Exception {
        try (Connection db = PortalApi.database();
             ResultSet row = db.createStatement().executeQuery("SELECT holder FROM scheduler_leases WHERE name = 'labs'"
                     + " AND expires_at > NOW(6)")) {
            return row.next() && row.getString(1).startsWith("node-") ? row.getString(1) : null;
        }
    }

    /** The number of the node that holds the scheduler's lease now, 0 while no one does. */
    private static int leaseHolder() throws Exception {
        return nodeOf(leaseHolderId());
    }

    private static int nodeOf(String holder) {
        return holder == null ? 0 : Integer.parseInt(holder.substring(5, holder.indexOf('/')));
    }

    /** The threads of a node's server, in target/, for a failure that must be understood. */
    private static void dumpThreads(int node) {
        StringBuilder dump = new StringBuilder();
        try {
            for (ProcessHandle process : TwoNodeStack.stack().portalNodeProcesses(node)) {
                // jcmd signals its target (SIGQUIT): never the start script, which would end
                if (process.info().command().map(command -> command.endsWith("/java")).orElse(false)) {
                    Process jcmd = new ProcessBuilder("jcmd", Long.toString(process.pid()), "Thread.print")
                            .redirectErrorStream(true).start();
                    dump.append(new String(jcmd.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
                }
            }
            java.nio.file.Files.writeString(java.nio.file.Path.of("target", "two-nodes-node-" + node + "-threads.txt"), dump);
        } catch (java.io.IOException e) {
            System.out.println("No thread dump of node-" + node + ": " + e.getMessage());
        }
    }

    /** What a node's server log says of the scheduler and its lease. */
    private static String schedulerLog(int node) {
        java.nio.file.Path log = TwoNodeStack.node(node).base().resolve("log/server.log");
        try (java.util.stream.Stream<String> lines = java.nio.file.Files.lines(log, java.nio.charset.StandardCharsets.ISO_8859_1)) {
            return lines.filter(line -> line.contains("LabScheduler") || line.contains("lab scheduler"))
                    .map(line -> "  node-" + node + ": " + line.substring(0, Math.min(300, line.length())) + "\n")
                    .collect(java.util.stream.Collectors.joining());
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            return "  node-" + node + ": (log unreadable: " + e.getMessage() + ")\n";
        }
    }

    /** The lease, the transactions and the lock waits, for a failure's message. */
    private static String databaseState() {
        StringBuilder state = new StringBuilder();
        try (Connection db = PortalApi.database()) {
            for (String sql : List.of("SELECT holder, expires_at, fence, NOW(6) FROM scheduler_leases",
                    "SELECT id, host, command, time, state, info FROM information_schema.PROCESSLIST WHERE command <> 'Sleep'")) {
                state.append(sql).append('\n');
                try (ResultSet rows = db.createStatement().executeQuery(sql)) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        for (int i = 1; i <= columns; i++) {
                            state.append(i == 1 ? "  " : " | ").append(rows.getString(i));
                        }
                        state.append('\n');
                    }
                }
            }
        } catch (java.sql.SQLException e) {
            state.append("(unreadable: ").append(e.getMessage()).append(")");
        }
        return state.toString();
    }

    private static int count(String condition) throws Exception {
        return count(SCHOOL, condition);
    }

    private static int count(String school, String condition) throws java.sql.SQLException {
        return (int) PortalApi.queryLong("SELECT COUNT(*) FROM labs l JOIN tenants t ON t.id = l.tenant_id"
                + " WHERE t.slug = ? AND l." + condition, school);
    }

    @FunctionalInterface
    private interface Check {
        boolean holds() throws Exception;
    }

    private static void waitUntil(Duration timeout, Check check, String what) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (!check.holds()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Waited " + timeout.toSeconds() + " s in vain for " + what);
            }
            Thread.sleep(100);
        }
    }

    private static long millisUntil(Check check) throws Exception {
        return millisUntil(Duration.ofSeconds(15), check);
    }

    private static long millisUntil(Duration timeout, Check check) throws Exception {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        while (!check.holds() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        return (System.nanoTime() - started) / 1_000_000;
    }
}

package io.campuslab.system.classroom;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.FilePayload;
import io.campuslab.system.Chromium;
import io.campuslab.system.GatewayVisitor;
import io.campuslab.system.KeycloakAdmin;
import io.campuslab.system.PortalApi;
import io.campuslab.system.SessionWatch;
import io.campuslab.system.SystemTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A teacher on screen: a classroom with its roster from a CSV file, a session checked and scheduled,
 * the students' labs appearing in the live console, the session extended and ended; a student sees
 * the session's card with its one button.
 */
@SystemTest
@Tag("browser")
class TeacherConsoleBrowserIT {

    private static final LocatorAssertions.IsVisibleOptions A_MINUTE = new LocatorAssertions.IsVisibleOptions().setTimeout(60_000);

    @Test
    void aTeacherStartsASessionWatchesTheLabsComeUpExtendsItAndEndsIt() throws Exception {
        KeycloakAdmin.createPerson("tess", "teacher", "north-high");
        KeycloakAdmin.createPerson("cora", "student", "north-high");
        KeycloakAdmin.createPerson("cody", "student", "north-high");
        String tess = PortalApi.signedIn("tess");
        PortalApi.signedIn("cora");
        PortalApi.signedIn("cody");
        BrowserContext context = Chromium.browser().newContext(new Browser.NewContextOptions().setLocale("en-US"));
        context.setDefaultTimeout(30_000);
        Page page = context.newPage();
        try {
            Chromium.signIn(page, "tess", "campuslab");
            page.locator("#nav-classrooms").click();
            page.locator("#classroom-name input").fill("Robotics 4D");
            page.locator("#classroom-create").click();
            page.locator("#roster-csv input[type=file]").setInputFiles(new FilePayload("roster.csv", "text/csv",
                    "username\ncora\ncody\nnobody\n".getBytes(StandardCharsets.UTF_8)));
            assertThat(page.locator("#roster-unknown")).containsText("nobody");
            page.locator("#roster-save").click();
            assertThat(page.locator("#roster-saved")).containsText("2 students");

            page.locator("#session-prepare input").fill("120");
            page.locator("#session-check").click();
            assertThat(page.locator("#session-answer")).containsText("2 students");
            assertThat(page.locator("#session-answer")).containsText("fits");
            page.locator("#session-schedule").click();
            assertThat(page.locator("#session-scheduled")).isVisible();
            page.locator("#sessions vaadin-button:visible").first().click();

            assertThat(page.locator("#console-state-cora[data-state=RUNNING]")).isVisible(A_MINUTE);
            assertThat(page.locator("#console-state-cody[data-state=RUNNING]")).isVisible(A_MINUTE);
            assertThat(page.locator("#console-status")).hasAttribute("data-phase", "PREPARING");
            long session = Long.parseLong(page.url().replaceAll(".*/sessions/(\\d+).*", "$1"));
            Chromium.screenshot(page, "teacher-console");

            showsTheCardToAStudent(context, session);
            theTeacherEntersCorasLabAndCoraAndTheAuditLogSeeIt(session);

            Instant before = Instant.parse(SessionWatch.session(tess, session).path("endsAt").asText());
            page.locator("#console-extend-minutes input").fill("20");
            page.locator("#console-extend").click();
            assertThat(page.locator("#console-status")).containsText("starts in");
            Instant after = SessionWatch.endsAtOtherThan(tess, session, before);
            org.assertj.core.api.Assertions.assertThat(after).isEqualTo(before.plus(Duration.ofMinutes(20)));

            Instant labsStop = Instant.parse(SessionWatch.session(tess, session).path("labsStopAt").asText());
            assertThat(page.locator("#console-stops-cody")).hasAttribute("data-stops", labsStop.toString());
            page.locator("#console-keep-cody").click();
            assertThat(page.locator("#console-stops-cody")).hasAttribute("data-stops", labsStop.plus(Duration.ofMinutes(15)).toString());
            assertThat(page.locator("#console-stops-cora")).hasAttribute("data-stops", labsStop.toString());

            anotherSchoolsTeacherFindsNothing(session);

            page.locator("#console-end").click();
            assertThat(page.locator("#console-status")).hasAttribute("data-phase", "CANCELLED");
            assertThat(page.locator("#console-state-cora[data-state=STOPPED]")).isVisible(A_MINUTE);
            assertThat(page.locator("#console-state-cody[data-state=STOPPED]")).isVisible(A_MINUTE);
        } finally {
            Chromium.screenshot(page, "teacher-console-end");
            context.close();
        }
    }

    /** During the session tess may open cora's lab through the gateway; cora's card says so, and the audit log. */
    private static void theTeacherEntersCorasLabAndCoraAndTheAuditLogSeeIt(long session) throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        String cora = PortalApi.signedIn("cora");
        String tess = PortalApi.signedIn("tess");
        long lab = -1;
        for (var view : json.readTree(PortalApi.send("GET", "/api/v1/labs/mine", cora, null).body())) {
            if (view.path("sessionId").asLong() == session && "RUNNING".equals(view.path("state").asText())) {
                lab = view.path("id").asLong();
            }
        }
        org.assertj.core.api.Assertions.assertThat(lab).as("cora's session lab").isPositive();
        var access = PortalApi.send("GET", "/api/v1/labs/" + lab + "/access", tess, null);
        for (int tries = 0; access.statusCode() == 409 && tries < 40; tries++) {
            Thread.sleep(250);
            access = PortalApi.send("GET", "/api/v1/labs/" + lab + "/access", tess, null);
        }
        org.assertj.core.api.Assertions.assertThat(access.statusCode()).as(access.body()).isEqualTo(200);
        var page = new GatewayVisitor().get(json.readTree(access.body()).path("url").asText());
        org.assertj.core.api.Assertions.assertThat(page.statusCode()).isEqualTo(200);
        org.assertj.core.api.Assertions.assertThat(page.body()).contains("cora");
        org.assertj.core.api.Assertions.assertThat(PortalApi.send("GET", "/api/v1/labs/" + lab + "/access",
                PortalApi.signedIn("tina"), null).statusCode()).as("another school's teacher").isEqualTo(404);
        org.assertj.core.api.Assertions.assertThat(PortalApi.send("GET", "/api/v1/labs/mine", cora, null).body())
                .as("cora sees that her teacher opened her lab").contains("\"visitedBy\":\"tess");
        org.assertj.core.api.Assertions.assertThat(PortalApi.send("GET", "/api/v1/audit", PortalApi.signedIn("alice"), null).body())
                .contains("lab.entered-by-teacher", "cora");
    }

    private static void showsTheCardToAStudent(BrowserContext teachers, long session) throws Exception {
        BrowserContext context = Chromium.browser().newContext(new Browser.NewContextOptions().setLocale("en-US"));
        context.setDefaultTimeout(30_000);
        Page page = context.newPage();
        try {
            Chromium.signIn(page, "cora", "campuslab");
            page.locator("#nav-lab").click();
            assertThat(page.locator("#session-card-" + session)).containsText("Robotics 4D");
            assertThat(page.locator("#session-card-" + session + " #session-countdown")).containsText("starts in");
            assertThat(page.locator("#session-card-" + session + " #session-open")).isVisible();
            org.assertj.core.api.Assertions.assertThat(page.locator("#session-card-" + session + " #session-open")
                    .getAttribute("href")).startsWith("open-lab/");
            Chromium.screenshot(page, "session-card");
        } finally {
            context.close();
        }
    }

    /** tina teaches at South Academy: the session's address shows her nothing of it, her classrooms do not list it. */
    private static void anotherSchoolsTeacherFindsNothing(long session) throws Exception {
        BrowserContext context = Chromium.browser().newContext(new Browser.NewContextOptions().setLocale("en-US"));
        context.setDefaultTimeout(30_000);
        Page page = context.newPage();
        try {
            Chromium.signIn(page, "tina", "campuslab");
            page.navigate(Chromium.portal().replaceAll("/+$", "") + "/sessions/" + session);
            assertThat(page.locator("#console-missing")).containsText("There is no session " + session + " of yours");
            assertThat(page.locator("#console-students")).hasCount(0);
            assertThat(page.locator("body")).not().containsText("Robotics 4D");
            Chromium.screenshot(page, "console-of-another-school");
            page.locator("#nav-classrooms").click();
            assertThat(page.locator("#classroom-name")).isVisible();
            assertThat(page.locator("body")).not().containsText("Robotics 4D");
        } finally {
            context.close();
        }
    }

}

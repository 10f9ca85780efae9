package io.campuslab.system.lab;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import io.campuslab.system.Chromium;
import io.campuslab.system.KeycloakAdmin;
import io.campuslab.system.LabWatch;
import io.campuslab.system.PortalApi;
import io.campuslab.system.SystemTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A student's lab on screen: start it, watch it come up without reloading, stop it. */
@SystemTest
@Tag("browser")
class MyLabBrowserIT {

    private static final LocatorAssertions.HasTextOptions A_MINUTE = new LocatorAssertions.HasTextOptions().setTimeout(60_000);

    @Test
    void theSchoolAdminSeesAStudentsLabAndStopsIt() throws Exception {
        KeycloakAdmin.createPerson("otto", "student", "north-high");
        String otto = PortalApi.signedIn("otto");
        long id = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                PortalApi.send("POST", "/api/v1/labs", otto, "{\"template\": \"vscode\"}").body()).path("id").asLong();
        BrowserContext context = Chromium.browser().newContext(new Browser.NewContextOptions().setLocale("en-US"));
        context.setDefaultTimeout(30_000);
        Page page = context.newPage();
        try {
            Chromium.signIn(page, "operator", "campuslab");
            assertThat(page.locator("#cluster-allocation")).containsText("north-high");
            Chromium.signOut(page);

            Chromium.signIn(page, "alice", "campuslab");
            page.locator("#nav-school-labs").click();
            assertThat(page.locator("#school-labs-grid")).containsText("otto");
            assertThat(page.locator("#school-labs-grid")).containsText("VS Code");

            // the grid keeps spare row elements, hidden, that may still hold an earlier row: only the visible button counts
            page.locator("#stop-lab-" + id + ":visible").click();
            LabWatch.waitFor(otto, id, LabWatch.inState("STOPPED"));
            assertThat(page.locator("#stop-lab-" + id + ":visible")).isHidden(new LocatorAssertions.IsHiddenOptions().setTimeout(15_000));
        } finally {
            Chromium.screenshot(page, "school-labs");
            context.close();
        }
    }

    @Test
    void anIdleLabWarnsItsOwnerWhoKeepsIt() throws Exception {
        String operator = PortalApi.signedIn("operator");
        // a warning longer than the idle timeout: every running lab is within its warning
        org.assertj.core.api.Assertions.assertThat(PortalApi.send("PATCH", "/api/v1/settings", operator,
                "{\"lab.idle-timeout-minutes\": \"60\", \"lab.idle-warning-minutes\": \"120\"}").statusCode()).isEqualTo(200);
        KeycloakAdmin.createPerson("ivy", "student", "north-high");
        String ivy = PortalApi.signedIn("ivy");
        long id = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                PortalApi.send("POST", "/api/v1/labs", ivy, "{\"template\": \"vscode\"}").body()).path("id").asLong();
        LabWatch.waitFor(ivy, id, LabWatch.inState("RUNNING"));
        BrowserContext context = Chromium.browser().newContext(new Browser.NewContextOptions().setLocale("en-US"));
        context.setDefaultTimeout(30_000);
        Page page = context.newPage();
        try {
            Chromium.signIn(page, "ivy", "campuslab");
            page.locator("#nav-lab").click();
            assertThat(page.locator("#lab-idle-warning")).containsText("it stops in");
            String before = LabWatch.waitFor(ivy, id, LabWatch.inState("RUNNING")).path("idleStopAt").asText();

            page.locator("#lab-keep").click();

            LabWatch.waitFor(ivy, id, lab -> !lab.path("idleStopAt").asText().equals(before));
            assertThat(page.locator("#lab-idle-warning")).isVisible();
        } finally {
            Chromium.screenshot(page, "idle-warning");
            context.close();
            PortalApi.send("PATCH", "/api/v1/settings", operator, "{\"lab.idle-warning-minutes\": \"10\"}");
            PortalApi.send("DELETE", "/api/v1/labs/" + id, ivy, null);
        }
    }

    @Test
    void aStudentStartsJupyterLabWatchesItComeUpAndStopsIt() throws Exception {
        KeycloakAdmin.createPerson("lena", "student", "north-high");
        BrowserContext context = Chromium.browser().newContext(new Browser.NewContextOptions().setLocale("en-US"));
        context.setDefaultTimeout(30_000);
        Page page = context.newPage();
        try {
            Chromium.signIn(page, "lena", "campuslab");
            page.locator("#nav-lab").click();
            assertThat(page.locator("#lab-choices")).containsText("JupyterLab");

            page.locator("#start-jupyterlab").click();
            assertThat(page.locator("#lab-card")).containsText("JupyterLab");
            assertThat(page.locator("#lab-state")).hasText("Running", A_MINUTE);
            assertThat(page.locator("#lab-reason")).hasText("Running");
            assertThat(page.locator("#lab-lifetime-left")).containsText("Stops at the latest in 7 h");
            assertThat(page.locator("#lab-usage")).containsText("This month you used");
            Page lab = context.waitForPage(() -> page.locator("#lab-open").click());
            assertThat(lab.locator("#lab-template")).hasText("jupyterlab");
            assertThat(lab.locator("#lab-owner")).hasText("lena");
            org.assertj.core.api.Assertions.assertThat(lab.url()).as("the gateway's address, no ticket left in it")
                    .matches("http://localhost:\\d+/labs/[a-z2-7]{26}/").doesNotContain("ticket");
            Object echoed = lab.evaluate("""
                    () => new Promise((resolve, reject) => {
                        const socket = new WebSocket(location.href.replace('http', 'ws') + 'kernels/echo');
                        socket.onopen = () => socket.send('hello through the gateway');
                        socket.onmessage = event => { resolve(event.data); socket.close(); };
                        socket.onerror = () => reject('the WebSocket failed');
                        setTimeout(() => reject('no echo within 10 s'), 10000);
                    })""");
            org.assertj.core.api.Assertions.assertThat(echoed).as("a WebSocket inside the lab, through the gateway")
                    .isEqualTo("hello through the gateway");
            lab.close();

            page.locator("#lab-stop").click();
            assertThat(page.locator("#lab-state")).hasText("Stopped", A_MINUTE);
            assertThat(page.locator("#lab-reason")).hasText("Stopped by you");
            assertThat(page.locator("#start-jupyterlab")).isVisible();
        } finally {
            Chromium.screenshot(page, "my-lab");
            context.close();
        }
    }

    @Test
    void theSchoolAdminSetsAllowancesAndTheOperatorTheSchoolsQuota() throws Exception {
        BrowserContext context = Chromium.browser().newContext(new Browser.NewContextOptions().setLocale("en-US"));
        context.setDefaultTimeout(30_000);
        Page page = context.newPage();
        String alice = PortalApi.signedIn("alice");
        PortalApi.signedIn("sue"); // a member from her first sign-in on
        try {
            Chromium.signIn(page, "alice", "campuslab");
            page.locator("#nav-allowances").click();
            page.locator("#students-gpus input").fill("1");
            page.locator("#students-labs input").fill("2");
            page.locator("#students-save").click();
            assertThat(page.locator("#allowances-saved")).containsText("Saved");
            com.fasterxml.jackson.databind.JsonNode saved = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                    PortalApi.send("GET", "/api/v1/allowances", alice, null).body());
            org.assertj.core.api.Assertions.assertThat(saved.path("students").path("maxGpus").asInt()).isEqualTo(1);
            org.assertj.core.api.Assertions.assertThat(saved.path("students").path("labsAtOnce").asInt()).isEqualTo(2);

            page.locator("#override-username input").fill("sue");
            page.locator("#override-gpus input").fill("2");
            page.locator("#override-save").click();
            assertThat(page.locator("#allowance-members")).containsText("sue");

            page.navigate(page.url().replace("allowances", "school/north-high"));
            assertThat(page.locator("#quota-gpus input")).hasAttribute("readonly", "");
            assertThat(page.locator("#quota-save")).hasCount(0);
        } finally {
            Chromium.screenshot(page, "allowances");
            context.close();
            PortalApi.send("PUT", "/api/v1/allowances/roles/students", alice, "{}");
            PortalApi.send("DELETE", "/api/v1/allowances/members/sue", alice, null);
        }
        BrowserContext operatorContext = Chromium.browser().newContext(new Browser.NewContextOptions().setLocale("en-US"));
        operatorContext.setDefaultTimeout(30_000);
        Page operator = operatorContext.newPage();
        try {
            Chromium.signIn(operator, "operator", "campuslab");
            operator.navigate(operator.url().replaceAll("/[^/]*$", "/school/north-high"));
            assertThat(operator.locator("#quota-gpus input")).hasValue("2");
            operator.locator("#quota-gpus-per-key input").fill("nvidia.com/gpu=3");
            operator.locator("#quota-save").click();
            assertThat(operator.locator("#error-notification")).containsText("between 0 and the school's 2");
        } finally {
            Chromium.screenshot(operator, "school-quota");
            operatorContext.close();
        }
    }
}

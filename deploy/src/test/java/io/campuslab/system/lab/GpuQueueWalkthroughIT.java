package io.campuslab.system.lab;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import io.campuslab.system.Chromium;
import io.campuslab.system.LabWatch;
import io.campuslab.system.PortalApi;
import io.campuslab.system.SystemTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The labs issue's walk-through on the demo data, in the browser: North High has two GPUs; sam
 * starts a JupyterLab with both and opens it; sue's GPU lab waits, saying why and where she stands;
 * the operator sees both; sue's lab starts when sam stops his.
 */
@SystemTest
@Tag("browser")
class GpuQueueWalkthroughIT {

    private static final LocatorAssertions.ContainsTextOptions A_MINUTE = new LocatorAssertions.ContainsTextOptions()
            .setTimeout(60_000);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void sueWaitsForTheSchoolsGpusWhileSamUsesThemAndStartsWhenHeStops() throws Exception {
        BrowserContext samsBrowser = context();
        BrowserContext suesBrowser = context();
        BrowserContext operatorsBrowser = context();
        Page sam = samsBrowser.newPage();
        Page sue = suesBrowser.newPage();
        try {
            Chromium.signIn(sam, "sam", "campuslab");
            sam.locator("#nav-lab").click();
            sam.locator("#gpus-jupyterlab").click();
            sam.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("2 GPU(s)")).click();
            sam.locator("#start-gpu-jupyterlab").click();
            assertThat(sam.locator("#lab-state")).containsText("Running", A_MINUTE);
            Page lab = samsBrowser.waitForPage(() -> sam.locator("#lab-open").click());
            assertThat(lab.locator("#lab-template")).hasText("jupyterlab");

            Chromium.signIn(sue, "sue", "campuslab");
            sue.locator("#nav-lab").click();
            sue.locator("#start-gpu-jupyterlab").click();
            assertThat(sue.locator("#lab-state")).hasText("Queued");
            assertThat(sue.locator("#lab-reason")).containsText("Your school's GPUs of type nvidia.com/gpu are all in use", A_MINUTE);
            assertThat(sue.locator("#lab-queue-position")).containsText("1");

            Page operator = operatorsBrowser.newPage();
            Chromium.signIn(operator, "operator", "campuslab");
            assertThat(operator.locator("#cluster-allocation")).containsText("2 of 2");
            assertThat(operator.locator("#cluster-queue")).containsText("sue");

            sam.locator("#lab-stop").click();
            assertThat(sue.locator("#lab-state")).containsText("Running", A_MINUTE);
        } finally {
            Chromium.screenshot(sam, "gpu-queue-sam");
            Chromium.screenshot(sue, "gpu-queue-sue");
            samsBrowser.close();
            suesBrowser.close();
            operatorsBrowser.close();
            stopEveryLabOf("sam");
            stopEveryLabOf("sue");
        }
    }

    /** Other tests expect the demo students without a lab. */
    private static void stopEveryLabOf(String username) throws Exception {
        String token = PortalApi.signedIn(username);
        for (JsonNode lab : JSON.readTree(PortalApi.send("GET", "/api/v1/labs/mine", token, null).body())) {
            String state = lab.path("state").asText();
            if (!state.equals("STOPPED") && !state.equals("FAILED")) {
                PortalApi.send("DELETE", "/api/v1/labs/" + lab.path("id").asLong(), token, null);
                LabWatch.waitFor(token, lab.path("id").asLong(),
                        l -> l.path("state").asText().equals("STOPPED") || l.path("state").asText().equals("FAILED"));
            }
        }
    }

    private static BrowserContext context() {
        BrowserContext context = Chromium.browser().newContext(new Browser.NewContextOptions().setLocale("en-US"));
        context.setDefaultTimeout(30_000);
        return context;
    }
}

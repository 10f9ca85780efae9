package io.campuslab.system;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/** A school admin resets a member's password and suspends and resumes them on the Members screen. */
@SystemTest
@Tag("browser")
class MemberAccountsBrowserIT {

    private BrowserContext admin;
    private BrowserContext member;
    private Page page;

    @BeforeEach
    void newBrowserSessions() {
        admin = Chromium.browser().newContext(new Browser.NewContextOptions().setLocale("en-US"));
        admin.setDefaultTimeout(30_000);
        member = Chromium.browser().newContext(new Browser.NewContextOptions().setLocale("en-US"));
        member.setDefaultTimeout(30_000);
        page = admin.newPage();
    }

    @AfterEach
    void closeBrowserSessions(TestInfo test) throws Exception {
        Chromium.screenshot(page, test.getTestMethod().orElseThrow().getName());
        admin.close();
        member.close();
    }

    @Test
    void anAdminResetsAPasswordAndSuspendsAndResumesAMember() throws Exception {
        KeycloakAdmin.createPerson("acct-cat", "student", "north-high");
        PortalApi.signedIn("acct-cat");
        Chromium.signIn(page, "alice", "campuslab");
        page.navigate(Chromium.portal() + "members");
        page.locator("#members-search input").fill("acct-cat");
        // the search answers after a pause, and draws the rows anew: a click on the rows before it is lost
        page.waitForFunction("() => document.querySelector('#members-grid').size === 1");
        assertThat(page.locator("#members-grid")).containsText("acct-cat");

        page.locator("#suspend-acct-cat").click();
        assertThat(page.locator("#member-suspended")).containsText("acct-cat is suspended");
        assertThat(page.locator("#resume-acct-cat")).isVisible();
        Page cat = member.newPage();
        cat.navigate(Chromium.portal());
        cat.locator("#username").fill("acct-cat");
        cat.locator("#password").fill("campuslab");
        cat.locator("#kc-login").click();
        assertThat(cat.locator("body")).containsText("disabled");

        page.locator("#resume-acct-cat").click();
        assertThat(page.locator("#member-resumed")).containsText("acct-cat may sign in again");
        assertThat(page.locator("#suspend-acct-cat")).isVisible();

        page.locator("#reset-password-acct-cat").click();
        assertThat(page.locator("#password-reset")).containsText("acct-cat");
        String shown = page.locator("#password-reset").innerText();
        org.assertj.core.api.Assertions.assertThat(shown).as("a one-time password of 12 characters").containsPattern("\\b[a-zA-Z2-9]{12}\\b");
        page.locator("#password-reset-close").click();
    }

    @Test
    void aTeacherResetsThePasswordOfAStudentOfHisClassroom() throws Exception {
        KeycloakAdmin.createPerson("acct-tess", "teacher", "north-high");
        KeycloakAdmin.createPerson("acct-sol", "student", "north-high");
        PortalApi.signedIn("acct-sol");
        String tess = PortalApi.signedIn("acct-tess");
        com.fasterxml.jackson.databind.JsonNode classroom = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                PortalApi.send("POST", "/api/v1/classrooms", tess, "{\"name\": \"Accounts 1\"}").body());
        long id = classroom.path("id").asLong();
        org.assertj.core.api.Assertions.assertThat(PortalApi.send("PUT", "/api/v1/classrooms/" + id + "/roster", tess,
                "[\"acct-sol\"]").statusCode()).isEqualTo(200);

        Chromium.signIn(page, "acct-tess", "campuslab");
        page.navigate(Chromium.portal() + "classroom/" + id);
        page.locator("#password-reset-student").click();
        page.locator("vaadin-select-item").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("acct-sol")).click();
        page.locator("#password-reset-button").click();
        assertThat(page.locator("#password-reset")).containsText("acct-sol");
        page.locator("#password-reset-close").click();
        org.assertj.core.api.Assertions.assertThat(KeycloakAdmin.get("/users/" + KeycloakAdmin.userId("acct-sol"))
                .path("requiredActions").toString()).contains("UPDATE_PASSWORD");
    }
}

package io.campuslab.system.account;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.campuslab.system.Chromium;
import io.campuslab.system.KeycloakAdmin;
import io.campuslab.system.PortalApi;
import io.campuslab.system.StackExtension;
import io.campuslab.system.SystemTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * A school admin resets a member's password, suspends and resumes them, and removes one on the
 * Members screen; a removed student sees only their workspace's download.
 */
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
    void anAdminRemovesAStudentAfterThePreviewAndTheStudentSeesOnlyTheDownloadOfTheirWorkspace() throws Exception {
        KeycloakAdmin.createPerson("acct-dora", "student", "north-high");
        PortalApi.signedIn("acct-dora");
        java.nio.file.Path folder = StackExtension.settings().home().resolve("storage/workspaces/north-high/vscode/acct-dora");
        java.nio.file.Files.createDirectories(folder);
        java.nio.file.Files.writeString(folder.resolve("main.py"), "print('dora')\n");
        Chromium.signIn(page, "alice", "campuslab");
        page.navigate(Chromium.portal() + "members");
        page.locator("#members-search input").fill("acct-dora");
        page.waitForFunction("() => document.querySelector('#members-grid').size === 1");

        page.locator("#remove-acct-dora").click();
        assertThat(page.locator("#removal-effects")).containsText("Running labs that stop: 0");
        assertThat(page.locator("#removal-effects")).containsText("On no classroom's roster");
        assertThat(page.locator("#removal-effects")).containsText("Their workspace (0.0 MB) is kept until");
        page.locator("#removal-confirm").click();
        assertThat(page.locator("#member-removed")).containsText("acct-dora is removed");
        assertThat(page.locator("#keep-acct-dora")).containsText("Leaving until");

        Page dora = member.newPage();
        dora.navigate(Chromium.portal() + "labs");
        dora.locator("#username").fill("acct-dora");
        dora.locator("#password").fill("campuslab");
        dora.locator("#kc-login").click();
        assertThat(dora.locator("#leaving-until")).containsText("Your school has removed your account");
        org.assertj.core.api.Assertions.assertThat(dora.url()).as("every page leads to the download").endsWith("/leaving");
        com.microsoft.playwright.Download download = dora.waitForDownload(() -> dora.locator("#workspace-download").click());
        org.assertj.core.api.Assertions.assertThat(download.suggestedFilename()).isEqualTo("workspace-acct-dora.zip");
        try (var zip = new java.util.zip.ZipInputStream(java.nio.file.Files.newInputStream(download.path()))) {
            org.assertj.core.api.Assertions.assertThat(zip.getNextEntry().getName()).isEqualTo("vscode/main.py");
            org.assertj.core.api.Assertions.assertThat(new String(zip.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                    .isEqualTo("print('dora')\n");
        }

        page.locator("#keep-acct-dora").click();
        assertThat(page.locator("#member-kept")).containsText("acct-dora belongs to the school again");
        assertThat(page.locator("#remove-acct-dora")).isVisible();
    }

    @Test
    void anAdminEndsTheSchoolYearAfterAPreview() throws Exception {
        String operator = PortalApi.signedIn("operator");
        org.assertj.core.api.Assertions.assertThat(PortalApi.send("POST", "/api/v1/schools", operator,
                "{\"slug\": \"year-end-browser\", \"name\": \"Year End Browser School\"}").statusCode()).isEqualTo(201);
        KeycloakAdmin.createPerson("yb-ada", "tenant-admin", "year-end-browser");
        String ada = PortalApi.signedIn("yb-ada");
        for (String[] student : new String[][] {{"yb-s1", "5a"}, {"yb-s2", "5a"}, {"yb-s3", "6a"}}) {
            org.assertj.core.api.Assertions.assertThat(PortalApi.send("POST", "/api/v1/members", ada,
                    "{\"username\": \"%s\", \"name\": \"%s\", \"className\": \"%s\"}"
                            .formatted(student[0], student[0], student[1]))
                    .statusCode()).isEqualTo(201);
        }
        Chromium.signIn(page, "yb-ada", "campuslab");
        page.navigate(Chromium.portal() + "year-end");
        // one student changes stream by next year's class list first
        page.locator("#year-end-class-list").click();
        java.nio.file.Path list = java.nio.file.Files.createTempFile("next-year", ".csv");
        java.nio.file.Files.writeString(list, "username,name,class\nyb-s2,yb-s2,5c\n");
        page.locator("#class-list-upload input[type=file]").setInputFiles(list);
        assertThat(page.locator("#class-list-summary")).containsText("1 students get another class");
        page.locator("#class-list-apply").click();
        assertThat(page.locator("#class-list-done")).containsText("1 students have their class");
        assertThat(page.locator("#year-end-class-2")).hasText("6a");
        assertThat(page.locator("#year-end-class-0")).hasText("5a");
        assertThat(page.locator("#year-end-class-1")).hasText("5c");
        page.locator("#year-end-next-0 input").fill("6a");
        page.locator("#year-end-graduates-2").click();
        page.locator("#year-end-label input").fill("2025/26");
        assertThat(page.locator("#year-end-apply")).isDisabled();
        page.locator("#year-end-preview").click();
        assertThat(page.locator("#year-end-summary")).containsText("Students who move up: 1");
        assertThat(page.locator("#year-end-summary")).containsText("Graduates who leave the school: 1");
        assertThat(page.locator("#year-end-apply")).isEnabled();
        page.locator("#year-end-next-0 input").fill("6b");
        page.locator("#year-end-next-0 input").press("Tab");
        assertThat(page.locator("#year-end-apply")).isDisabled(); // a changed plan is previewed again
        page.locator("#year-end-preview").click();
        page.locator("#year-end-apply").click();
        assertThat(page.locator("#year-end-done")).containsText("1 students moved up, 1 graduated");
        assertThat(page.locator("#year-end-class-0")).hasText("5c");
        assertThat(page.locator("#year-end-class-1")).hasText("6b");
        org.assertj.core.api.Assertions.assertThat(PortalApi.queryLong(
                "SELECT COUNT(*) FROM members WHERE username = ? AND delete_after IS NOT NULL", "yb-s3")).isEqualTo(1);
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

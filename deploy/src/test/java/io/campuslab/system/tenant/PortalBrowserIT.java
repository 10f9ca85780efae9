package io.campuslab.system.tenant;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.campuslab.system.Chromium;
import io.campuslab.system.PortalApi;
import io.campuslab.system.SystemTest;
import io.campuslab.system.Zips;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * The portal as people use it: headless Chromium signs in through Keycloak's own login page.
 * A failing test leaves a screenshot in target/screenshots.
 */
@SystemTest
@Tag("browser")
class PortalBrowserIT {

    private Browser browser;
    private BrowserContext context;
    private Page page;

    @BeforeEach
    void newBrowserSession() {
        browser = Chromium.browser();
        context = browser.newContext(new Browser.NewContextOptions().setLocale("en-US"));
        context.setDefaultTimeout(30_000);
        page = context.newPage();
    }

    @AfterEach
    void closeBrowserSession(TestInfo test) throws Exception {
        Chromium.screenshot(page, test.getTestMethod().orElseThrow().getName());
        context.close();
    }

    @Test
    void studentSignsInThroughKeycloakAndSeesTheStudentHome() {
        signIn("sam");

        assertThat(page.locator("#school-name")).hasText("North High School");
        assertThat(page.locator("#user-name")).hasText("Sam Student");
        assertThat(page.locator("#home-summary")).hasText("North High School · student");
        assertThat(page.locator("#lab-status")).hasText("No lab running");
        assertThat(page.locator("#nav-home")).isVisible();
        assertThat(page.locator("#nav-my-school")).hasCount(0);
        assertThat(page.locator("#nav-schools")).hasCount(0);
    }

    @Test
    void theSignedInBrowserSessionOpensNoDoorToTheApiAndPagesCannotBeFramed() {
        signIn("tom");
        com.microsoft.playwright.Response home = page.navigate(portal());
        org.assertj.core.api.Assertions.assertThat(home.headers()).containsEntry("x-frame-options", "DENY")
                .containsEntry("x-content-type-options", "nosniff");
        org.assertj.core.api.Assertions.assertThat(home.headers().get("content-security-policy")).contains("frame-ancestors 'none'");
        assertThat(page.locator("#user-name")).hasText("Tom Teacher");

        Object status = page.evaluate("() => fetch('api/v1/classrooms', {method: 'POST', credentials: 'include',"
                + " headers: {'Content-Type': 'application/json'}, body: JSON.stringify({name: 'Forged'})}).then(r => r.status)");
        org.assertj.core.api.Assertions.assertThat(status).as("the session cookie alone, as a forged cross-site request would carry it")
                .isEqualTo(401);
        Object read = page.evaluate("() => fetch('api/v1/me', {credentials: 'include'}).then(r => r.status)");
        org.assertj.core.api.Assertions.assertThat(read).isEqualTo(401);
    }

    @Test
    void schoolAdminOpensOwnSchoolButNotAnotherSchools() {
        signIn("bob");
        page.navigate(portal() + "school/south-academy");
        assertThat(page.locator("#school-title")).hasText("South Academy");

        page.navigate(portal() + "school/north-high");
        assertThat(page.locator("#access-denied")).isVisible();
        assertThat(page.locator("#school-title")).hasCount(0);
        assertThat(page.locator("body")).not().containsText("North High School");
    }

    @Test
    void studentCannotOpenTheOperatorsPages() {
        signIn("stan");
        page.navigate(portal() + "schools");
        assertThat(page.locator("#access-denied")).isVisible();
        assertThat(page.locator("#schools-grid")).hasCount(0);
    }

    @Test
    void languageSwitchShowsChineseAndStays() {
        signIn("sue");
        page.locator("#language").click();
        page.locator("vaadin-select-item", new Page.LocatorOptions().setHasText("简体中文")).click();

        assertThat(page.locator("#nav-home")).containsText("首页");
        assertThat(page.locator("#home-summary")).hasText("North High School · 学生");
        assertThat(page.locator("#lab-status")).hasText("没有正在运行的实验环境");
        page.reload();
        assertThat(page.locator("#logout")).containsText("退出登录");
    }

    @Test
    void operatorSeesTheClusterAndEverySchool() {
        signIn("operator");
        assertThat(page.locator("#school-name")).hasText("CampusLab platform");
        assertThat(page.locator("#cluster-capacity")).containsText("4 of 4 nodes ready");
        assertThat(page.locator("#cluster-capacity")).containsText("8 × nvidia.com/gpu");
        assertThat(page.locator("#cluster-nodes")).containsText("gpu-node-1");
        assertThat(page.locator("#cluster-nodes")).containsText("NVIDIA-A100-SXM4-40GB");
        assertThat(page.locator("#schools-grid")).containsText("South Academy");
    }

    @Test
    void operatorOnboardsSuspendsAndResumesASchoolOnScreen() {
        signIn("operator");
        page.navigate(portal() + "schools");

        page.locator("#add-school").click();
        page.locator("#school-form-slug input").fill("Riverside School");
        page.locator("#school-form-name input").fill("Riverside School");
        page.locator("#school-form-save").click();
        assertThat(page.locator("#school-form-error")).containsText("cannot be used");

        page.locator("#school-form-slug input").fill("riverside");
        page.locator("#school-form-save").click();
        assertThat(page.locator("#schools-notification")).containsText("Riverside School is ready");
        assertThat(page.locator("#schools-admin-grid")).containsText("Riverside School");

        page.locator("#suspend-riverside").click();
        assertThat(page.locator("#resume-riverside")).isVisible();
        assertThat(page.locator("#schools-admin-grid")).containsText("Suspended");
        page.locator("#resume-riverside").click();
        assertThat(page.locator("#suspend-riverside")).isVisible();
    }

    @Test
    void schoolAdminSwitchesALabOffAndStudentsNoLongerSeeIt() {
        signIn("alice");
        page.navigate(portal() + "catalog");
        assertThat(page.locator("#template-jupyterlab")).containsText("JupyterLab");
        assertThat(page.locator("#offer-desktop input")).isChecked();
        page.locator("#offer-desktop").click();
        assertThat(page.locator("#offer-desktop input")).not().isChecked();

        BrowserContext student = browser.newContext(new Browser.NewContextOptions().setLocale("en-US"));
        try {
            Page sam = student.newPage();
            sam.navigate(portal());
            sam.locator("#username").fill("sam");
            sam.locator("#password").fill("campuslab");
            sam.locator("#kc-login").click();
            sam.locator("#nav-catalog").click();
            assertThat(sam.locator("#template-jupyterlab")).containsText("CPU or GPU");
            assertThat(sam.locator("#template-vscode")).containsText("CPU only");
            assertThat(sam.locator("#template-desktop")).hasCount(0);
        } finally {
            student.close();
        }

        page.locator("#offer-desktop").click();
        assertThat(page.locator("#offer-desktop input")).isChecked();
    }

    @Test
    void schoolAdminUploadsADatasetAndSeesItsFiles() throws Exception {
        Path zip = Files.createTempFile("plants", ".zip");
        Files.write(zip, Zips.of("leaves/oak.jpg.txt", "oak", "leaves/maple.jpg.txt", "maple", "labels.csv", "file,label\n"));
        signIn("alice");
        page.navigate(portal() + "datasets");

        page.locator("#add-dataset").click();
        page.locator("#dataset-form-name input").fill("plants");
        page.locator("#dataset-form-display-name input").fill("Plant leaves");
        page.locator("#dataset-form-save").click();
        assertThat(page.locator("#dataset-detail-title")).hasText("Plant leaves");

        page.locator("#dataset-upload input[type=file]").setInputFiles(zip);
        assertThat(page.locator("#dataset-upload vaadin-upload-file vaadin-progress-bar")).hasCount(1);
        assertThat(page.locator("#dataset-notification")).containsText("3 files");
        assertThat(page.locator("#dataset-files")).containsText("leaves/maple.jpg.txt");
        assertThat(page.locator("#dataset-files")).containsText("labels.csv");
        assertThat(page.locator("#datasets-grid")).containsText("Plant leaves");
    }

    @Test
    void schoolAdminImportsAClassListWithABadRowAndSeesItReported() throws Exception {
        Path csv = Files.createTempFile("class-7c", ".csv");
        Files.writeString(csv, "username,name,email,class\nnora-b,Nora Berg,nora@north.test,7C\nomar z,Omar Zaki,omar@north.test,7C\n");
        signIn("alice");
        page.navigate(portal() + "members");

        page.locator("#import-members").click();
        page.locator("#import-upload input[type=file]").setInputFiles(csv);

        assertThat(page.locator("#import-summary")).containsText("1 rows have problems");
        assertThat(page.locator("#import-preview")).containsText("omar z");
        assertThat(page.locator("#import-preview")).containsText("The user name must be");
        assertThat(page.locator("#import-commit")).isDisabled();

        Files.writeString(csv, "username,name,email,class\nnora-b,Nora Berg,nora@north.test,7C\nomar-z,Omar Zaki,omar@north.test,7C\n");
        page.keyboard().press("Escape");
        page.locator("#import-members").click();
        page.locator("#import-upload input[type=file]").setInputFiles(csv);
        assertThat(page.locator("#import-summary")).containsText("2 students are ready");
        page.locator("#import-commit").click();
        assertThat(page.locator("#import-result")).containsText("omar-z");
        page.locator("#import-close").click();
        assertThat(page.locator("#members-grid")).containsText("Nora Berg");
    }

    @Test
    void schoolAdminCreatesACourseWithATeacherAndUploadsItsMaterial() throws Exception {
        PortalApi.signedIn("tom");
        Path zip = Files.createTempFile("course", ".zip");
        Files.write(zip, Zips.of("week-1/loops.ipynb", "{}", "week-1/README.md", "# Loops"));
        signIn("alice");
        page.navigate(portal() + "courses");

        page.locator("#add-course").click();
        page.locator("#course-form-name input").fill("python-intro");
        page.locator("#course-form-title input").fill("Introduction to Python");
        page.locator("#course-form-level input").fill("Grade 8");
        page.locator("#course-form-template").click();
        page.locator("vaadin-select-item", new Page.LocatorOptions().setHasText("JupyterLab")).click();
        page.locator("#course-form-teachers input").fill("Tom");
        page.locator("vaadin-multi-select-combo-box-item", new Page.LocatorOptions().setHasText("Tom Teacher")).click();
        page.locator("#course-form-save").click();

        assertThat(page.locator("#course-detail-title")).hasText("Introduction to Python");
        assertThat(page.locator("#courses-grid")).containsText("tom");
        page.locator("#course-upload input[type=file]").setInputFiles(zip);
        assertThat(page.locator("#course-notification")).containsText("2 files");
        assertThat(page.locator("#course-files")).containsText("week-1/loops.ipynb");
    }

    @Test
    void schoolAdminAddsATemplateOfTheSchoolsOwn() {
        signIn("alice");
        page.navigate(portal() + "catalog");

        page.locator("#add-template").click();
        page.locator("#template-form-name input").fill("robot-lab");
        page.locator("#template-form-display-name input").fill("Robot Lab");
        page.locator("#template-form-cpu-image input").fill("Robot Lab Image");
        page.locator("#template-form-save").click();
        assertThat(page.locator("#template-form-error")).containsText("is not a valid image reference");

        page.locator("#template-form-cpu-image input").fill("ghcr.io/north-high/robot-lab:1.0");
        page.locator("#template-form-info textarea").fill("ros-version: jazzy\npython-version: 3.12");
        page.locator("#template-form-save").click();
        assertThat(page.locator("#template-robot-lab")).containsText("Robot Lab");
        assertThat(page.locator("#template-robot-lab")).containsText("ros-version: jazzy");
        assertThat(page.locator("#template-robot-lab")).containsText("Your school's own lab");
    }

    @Test
    void operatorChangesAPlatformSettingAndAWrongOneIsMarked() throws Exception {
        signIn("operator");
        page.locator("#nav-settings").click();
        assertThat(page.locator("#setting-lab-idle-timeout-minutes")).containsText("Default: 60.");

        page.locator("#setting-lab-idle-timeout-minutes input").fill("2");
        page.locator("#settings-save").click();
        assertThat(page.locator("#setting-lab-idle-timeout-minutes")).hasAttribute("invalid", "");
        assertThat(page.locator("#setting-lab-idle-timeout-minutes")).containsText("Must be a number from 5 to 10,080.");
        assertThat(page.locator("#settings-error")).containsText("Nothing was saved");

        try {
            page.locator("#setting-lab-idle-timeout-minutes input").fill("45");
            page.locator("#settings-save").click();
            assertThat(page.locator("#settings-notification")).containsText("1 settings saved");
            page.reload();
            assertThat(page.locator("#setting-lab-idle-timeout-minutes input")).hasValue("45");
        } finally {
            try (java.sql.Connection db = PortalApi.database()) {
                db.createStatement().executeUpdate("DELETE FROM platform_settings");
            }
        }
    }

    @Test
    void logoutEndsThePortalAndTheSingleSignOnSession() {
        signIn("tom");
        assertThat(page.locator("#nav-my-school")).isVisible();
        // the address the identity provider returns to ends the session only with the key logout made;
        // a new session would sign in again silently, so the session cookie tells
        String session = portalSession();
        page.navigate(portal() + "signed-out/forged");
        assertThat(page.locator("#nav-my-school")).isVisible();
        org.assertj.core.api.Assertions.assertThat(portalSession()).isEqualTo(session);

        Chromium.signOut(page);

        page.navigate(portal());
        assertThat(page.locator("#username")).isVisible();
        assertThat(page.locator("#school-name")).hasCount(0);
    }

    private String portalSession() {
        return context.cookies(portal()).stream().filter(cookie -> cookie.name.equals("JSESSIONID"))
                .map(cookie -> cookie.value).findFirst().orElseThrow();
    }

    private void signIn(String username) {
        Chromium.signIn(page, username, "campuslab");
    }

    private static String portal() {
        return Chromium.portal();
    }
}

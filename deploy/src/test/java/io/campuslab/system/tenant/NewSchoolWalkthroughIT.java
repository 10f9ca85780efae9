package io.campuslab.system.tenant;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.campuslab.system.Chromium;
import io.campuslab.system.SystemTest;
import io.campuslab.system.Zips;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A new school from the first click to a working catalog, as people do it on screen: the operator
 * onboards it with its first admin, who signs in with the one-time password, sets their own, builds
 * the catalog, adds a course with material and a dataset, and imports a class; another school's
 * admin sees none of it.
 */
@SystemTest
@Tag("browser")
class NewSchoolWalkthroughIT {

    @Test
    void operatorOnboardsASchoolWhoseAdminBuildsItAndNoOtherSchoolSeesIt() throws Exception {
        String password = operatorOnboardsEastRidge();
        inBrowser("walkthrough-erin", page -> erinSetsUpHerSchool(page, password));
        inBrowser("walkthrough-bob", this::bobSeesNoneOfIt);
    }

    private String operatorOnboardsEastRidge() throws Exception {
        String[] password = new String[1];
        inBrowser("walkthrough-operator", page -> {
            Chromium.signIn(page, "operator", "campuslab");
            page.navigate(Chromium.portal() + "schools");
            page.locator("#add-school").click();
            page.locator("#school-form-slug input").fill("east-ridge");
            page.locator("#school-form-name input").fill("East Ridge School");
            page.locator("#school-form-admin-username input").fill("erin");
            page.locator("#school-form-admin-name input").fill("Erin Ridge");
            page.locator("#school-form-admin-email input").fill("erin@east-ridge.test");
            page.locator("#school-form-save").click();
            assertThat(page.locator("#school-form-admin-result")).containsText("erin");
            List<String> cells = page.locator("#school-form-admin-result vaadin-grid-cell-content").allInnerTexts();
            password[0] = cells.stream().map(String::strip).filter(c -> c.matches("[a-zA-Z2-9]{12}")).findFirst()
                    .orElseThrow(() -> new AssertionError("No one-time password among " + cells));
            page.locator("#school-form-close").click();
            assertThat(page.locator("#schools-admin-grid")).containsText("East Ridge School");
        });
        return password[0];
    }

    private void erinSetsUpHerSchool(Page page, String oneTimePassword) throws Exception {
        page.navigate(Chromium.portal());
        page.locator("#username").fill("erin");
        page.locator("#password").fill(oneTimePassword);
        page.locator("#kc-login").click();
        page.locator("#password-new").fill("erins-own-Passw0rd");
        page.locator("#password-confirm").fill("erins-own-Passw0rd");
        page.locator("#kc-passwd-update-form [type=submit]").first().click();
        assertThat(page.locator("#school-name")).hasText("East Ridge School");

        page.navigate(Chromium.portal() + "catalog");
        page.locator("#offer-paddlepaddle").click();
        assertThat(page.locator("#offer-paddlepaddle input")).not().isChecked();
        page.locator("#add-template").click();
        page.locator("#template-form-name input").fill("geo-lab");
        page.locator("#template-form-display-name input").fill("Geography Lab");
        page.locator("#template-form-cpu-image input").fill("ghcr.io/east-ridge/geo-lab:2026.1");
        page.locator("#template-form-ports input").fill("http:8888, map:8050");
        page.locator("#template-form-save").click();
        assertThat(page.locator("#template-geo-lab")).containsText("Ports: http 8888, map 8050");

        Path material = Files.createTempFile("maps", ".zip");
        Files.write(material, Zips.of("unit-1/rivers.ipynb", "{}", "unit-1/README.md", "# Rivers"));
        page.navigate(Chromium.portal() + "courses");
        page.locator("#add-course").click();
        page.locator("#course-form-name input").fill("maps-101");
        page.locator("#course-form-title input").fill("Reading maps");
        page.locator("#course-form-template").click();
        page.locator("vaadin-select-item", new Page.LocatorOptions().setHasText("Geography Lab")).click();
        page.locator("#course-form-save").click();
        assertThat(page.locator("#course-detail-title")).hasText("Reading maps");
        page.locator("#course-upload input[type=file]").setInputFiles(material);
        assertThat(page.locator("#course-files")).containsText("unit-1/rivers.ipynb");

        Path data = Files.createTempFile("rivers", ".zip");
        Files.write(data, Zips.of("rivers.csv", "name,length\nYangtze,6300\n"));
        page.navigate(Chromium.portal() + "datasets");
        page.locator("#add-dataset").click();
        page.locator("#dataset-form-name input").fill("rivers");
        page.locator("#dataset-form-display-name input").fill("Rivers of the world");
        page.locator("#dataset-form-save").click();
        page.locator("#dataset-upload input[type=file]").setInputFiles(data);
        assertThat(page.locator("#dataset-files")).containsText("rivers.csv");

        Path csv = Files.createTempFile("class-9a", ".csv");
        Files.writeString(csv, "username,name,email,class\nei-chen,Ei Chen,,9A\nemil-r,Emil Ross,,9A\n");
        page.navigate(Chromium.portal() + "members");
        page.locator("#import-members").click();
        page.locator("#import-upload input[type=file]").setInputFiles(csv);
        assertThat(page.locator("#import-summary")).containsText("2 students are ready");
        page.locator("#import-commit").click();
        assertThat(page.locator("#import-result")).containsText("emil-r");
        page.locator("#import-close").click();
        assertThat(page.locator("#members-grid")).containsText("Ei Chen");
    }

    private void bobSeesNoneOfIt(Page page) {
        Chromium.signIn(page, "bob", "campuslab");
        page.navigate(Chromium.portal() + "catalog");
        assertThat(page.locator("#template-jupyterlab")).isVisible();
        assertThat(page.locator("#template-geo-lab")).hasCount(0);
        page.navigate(Chromium.portal() + "datasets");
        assertThat(page.locator("#datasets-grid")).not().containsText("Rivers of the world");
        page.navigate(Chromium.portal() + "courses");
        assertThat(page.locator("#courses-grid")).not().containsText("Reading maps");
        page.navigate(Chromium.portal() + "members");
        page.locator("#members-search input").fill("ei-chen");
        assertThat(page.locator("#members-grid")).not().containsText("Ei Chen");
        page.navigate(Chromium.portal() + "school/east-ridge");
        assertThat(page.locator("#access-denied")).isVisible();
        assertThat(page.locator("body")).not().containsText("East Ridge School");
    }

    /** Runs steps in a browser session of their own and keeps a screenshot of where it ended. */
    private static void inBrowser(String name, Steps steps) throws Exception {
        BrowserContext context = Chromium.browser().newContext(new Browser.NewContextOptions().setLocale("en-US"));
        context.setDefaultTimeout(30_000);
        Page page = context.newPage();
        try {
            steps.run(page);
        } finally {
            Chromium.screenshot(page, name);
            context.close();
        }
    }

    @FunctionalInterface
    private interface Steps {
        void run(Page page) throws Exception;
    }
}

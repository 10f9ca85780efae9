package io.campuslab.system;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The browser of the system tests: the machine's Chromium, headless, and signing in through Keycloak. */
public final class Chromium {

    private static Playwright playwright;
    private static Browser browser;

    private Chromium() {
    }

    /**
     * The one browser of the test run, started at the first call and closed when the run ends; each
     * test opens a context of its own, which shares no cookies or storage with the others.
     */
    public static synchronized Browser browser() {
        if (browser == null) {
            Playwright started = Playwright.create();
            try {
                browser = launch(started);
            } catch (RuntimeException e) {
                started.close();
                throw e;
            }
            playwright = started;
            Runtime.getRuntime().addShutdownHook(new Thread(playwright::close, "playwright-close"));
        }
        return browser;
    }

    /**
     * Playwright gives every launch a fresh profile of its own. The tests never download a browser:
     * without the machine's Chromium they say what to install rather than Playwright's stack.
     */
    private static Browser launch(Playwright playwright) {
        Path chromium = Path.of(System.getProperty("campuslab.it.chromium", "/usr/bin/chromium"));
        if (!Files.isExecutable(chromium)) {
            throw new IllegalStateException("The browser tests need Chromium at " + chromium
                    + ": apt-get install -y chromium, or name another with -Dcampuslab.it.chromium=<path>");
        }
        return playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(chromium)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--no-first-run", "--disable-quic")));
    }

    /** Signs in on Keycloak's login page and waits for the portal. */
    public static void signIn(Page page, String username, String password) {
        signIn(page, portal(), username, password);
    }

    /** Signs in to the portal at {@code portal} (one node of several) and waits for it. */
    public static void signIn(Page page, String portal, String username, String password) {
        page.navigate(portal);
        waitFor(page, "#username", "opening the portal to sign in as " + username);
        page.locator("#username").fill(username);
        page.locator("#password").fill(password);
        page.locator("#kc-login").click();
        waitFor(page, "#school-name", "signing in as " + username);
    }

    /** Logs out from the portal's header and waits for Keycloak's login page. */
    public static void signOut(Page page) {
        page.locator("#logout").click();
        waitFor(page, "#username", "logging out");
    }

    /**
     * Waits for an element that a step should bring; when it does not come, the failure names the
     * page the browser stopped on and what that page showed, which a screenshot left on a CI machine
     * cannot tell.
     */
    private static void waitFor(Page page, String selector, String step) {
        try {
            assertThat(page.locator(selector)).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(30_000));
        } catch (AssertionError | PlaywrightException missing) {
            String shown;
            try {
                shown = page.locator("body").innerText(new Locator.InnerTextOptions().setTimeout(5_000));
            } catch (PlaywrightException unreadable) {
                shown = "(unreadable: " + unreadable.getMessage() + ")";
            }
            throw new AssertionError("after " + step + " no " + selector + ": the browser is on " + page.url()
                    + ", showing: " + shown.substring(0, Math.min(400, shown.length())).replace('\n', ' '), missing);
        }
    }

    public static void screenshot(Page page, String name) throws java.io.IOException {
        Path screenshots = Path.of("target/screenshots");
        Files.createDirectories(screenshots);
        page.screenshot(new Page.ScreenshotOptions().setPath(screenshots.resolve(name + ".png")).setFullPage(true));
    }

    public static String portal() {
        return StackExtension.settings().portalUrl();
    }
}

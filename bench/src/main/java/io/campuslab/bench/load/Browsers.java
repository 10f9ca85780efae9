package io.campuslab.bench.load;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Real browsers beside the crowd: the machine's Chromium, headless, one context per person, signing
 * in on Keycloak's own page and opening the portal's pages as people do.
 */
final class Browsers implements AutoCloseable {

    private final Playwright playwright;
    private final Browser browser;
    private final String portal;
    private final List<BrowserContext> contexts = new ArrayList<>();

    Browsers(String portal) {
        Path chromium = Path.of(System.getProperty("campuslab.bench.chromium", "/usr/bin/chromium"));
        if (!Files.isExecutable(chromium)) {
            throw new IllegalStateException("The load benchmark's browsers need Chromium at " + chromium
                    + ": apt-get install -y chromium, or name another with -Dcampuslab.bench.chromium=<path>");
        }
        // the machine's Chromium, never one downloaded by Playwright
        this.playwright = Playwright.create(new Playwright.CreateOptions().setEnv(java.util.Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        this.browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(chromium).setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run")));
        this.portal = portal;
    }

    /** A person signed in, in a context of their own, on the portal's start page. */
    synchronized Page signedIn(String username) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("en-US"));
        contexts.add(context);
        Page page = context.newPage();
        page.navigate(portal);
        page.locator("#username").fill(username);
        page.locator("#password").fill(Crowd.PASSWORD);
        page.locator("#kc-login").click();
        page.locator("#school-name").waitFor();
        return page;
    }

    /** Milliseconds from following a link of the portal's menu until the element shows. */
    static long open(Page page, String menu, String shown) {
        long started = System.nanoTime();
        page.locator(menu).click();
        page.locator(shown).first().waitFor(new com.microsoft.playwright.Locator.WaitForOptions().setState(WaitForSelectorState.VISIBLE));
        return (System.nanoTime() - started) / 1_000_000;
    }

    /** Milliseconds from loading an address of the portal until the element shows. */
    static long load(Page page, String address, String shown) {
        long started = System.nanoTime();
        page.navigate(address);
        page.locator(shown).first().waitFor(new com.microsoft.playwright.Locator.WaitForOptions().setState(WaitForSelectorState.VISIBLE));
        return (System.nanoTime() - started) / 1_000_000;
    }

    synchronized void closeAll() {
        contexts.forEach(BrowserContext::close);
        contexts.clear();
    }

    @Override
    public void close() {
        closeAll();
        browser.close();
        playwright.close();
    }
}

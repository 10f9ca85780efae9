package io.campuslab.system.classroom;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import io.campuslab.system.Chromium;
import io.campuslab.system.PortalApi;
import io.campuslab.system.SessionWatch;
import io.campuslab.system.SystemTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The classroom issue's walk-through on the demo data, in the browser: tom makes a classroom of his
 * physics class from the school's directory (sam and sue), schedules a session five minutes ahead
 * with a GPU JupyterLab each, watches both labs come up in the console before the start; sam finds
 * the session on *My lab* and opens his lab in one click, which the console counts as attendance;
 * tom extends the session, then ends it, and both labs stop.
 */
@SystemTest
@Tag("browser")
class ClassSessionWalkthroughIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocatorAssertions.IsVisibleOptions A_MINUTE = new LocatorAssertions.IsVisibleOptions().setTimeout(60_000);

    @Test
    void tomRunsASessionForSamAndSueWhoFindTheirLabsRunning() throws Exception {
        BrowserContext tomsBrowser = context();
        BrowserContext samsBrowser = context();
        Page tom = tomsBrowser.newPage();
        Page sam = samsBrowser.newPage();
        long session = 0;
        try {
            Chromium.signIn(tom, "tom", "campuslab");
            tom.locator("#nav-classrooms").click();
            tom.locator("#classroom-name input").fill("Physics 3B lab");
            tom.locator("#classroom-create").click();
            tom.locator("#roster-group").click();
            tom.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("physics-3b")).click();
            assertThat(tom.locator("#roster-group-added")).containsText("2");

            tom.locator("#session-gpus").click();
            tom.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("1 GPU(s)")).click();
            LocalDateTime start = fiveMinutesAhead();
            tom.locator("#session-start vaadin-date-picker input").fill(start.format(DateTimeFormatter.ofPattern("M/d/yyyy")));
            tom.locator("#session-start vaadin-date-picker input").press("Enter");
            tom.locator("#session-start vaadin-time-picker input").fill(start.format(DateTimeFormatter.ofPattern("HH:mm")));
            tom.locator("#session-start vaadin-time-picker input").press("Enter");
            tom.locator("#session-minutes input").fill("45");
            tom.locator("#session-check").click();
            assertThat(tom.locator("#session-answer")).containsText("2 students ×");
            assertThat(tom.locator("#session-answer")).containsText("GPU");
            assertThat(tom.locator("#session-answer")).containsText("fits");
            tom.locator("#session-schedule").click();
            assertThat(tom.locator("#session-scheduled")).isVisible();
            tom.locator("#sessions vaadin-button:visible").first().click();

            assertThat(tom.locator("#console-state-sam[data-state=RUNNING]")).isVisible(A_MINUTE);
            assertThat(tom.locator("#console-state-sue[data-state=RUNNING]")).isVisible(A_MINUTE);
            assertThat(tom.locator("#console-status")).hasAttribute("data-phase", "PREPARING");
            assertThat(tom.locator("#console-status")).containsText("starts in");
            session = Long.parseLong(tom.url().replaceAll(".*/sessions/(\\d+).*", "$1"));
            String toms = PortalApi.signedIn("tom");
            JsonNode booked = SessionWatch.session(toms, session);
            org.assertj.core.api.Assertions.assertThat(Instant.parse(booked.path("startsAt").asText()))
                    .isEqualTo(start.toInstant(ZoneOffset.UTC));
            org.assertj.core.api.Assertions.assertThat(booked.path("gpus").asInt()).isEqualTo(1);
            Chromium.screenshot(tom, "walkthrough-tom-console");

            Chromium.signIn(sam, "sam", "campuslab");
            sam.locator("#nav-lab").click();
            assertThat(sam.locator("#session-card-" + session)).containsText("Physics 3B lab");
            assertThat(sam.locator("#session-card-" + session + " #session-countdown")).containsText("starts in");
            Chromium.screenshot(sam, "walkthrough-sam-card");
            String card = "#session-card-" + session;
            Page lab = samsBrowser.waitForPage(() -> sam.locator(card + " #session-open").click());
            assertThat(lab.locator("#lab-template")).hasText("jupyterlab");
            org.assertj.core.api.Assertions.assertThat(attendance(toms, session, "sam")).isNotEmpty();
            org.assertj.core.api.Assertions.assertThat(attendance(toms, session, "sue")).isEmpty();

            Instant ends = Instant.parse(booked.path("endsAt").asText());
            tom.locator("#console-extend-minutes input").fill("15");
            tom.locator("#console-extend").click();
            org.assertj.core.api.Assertions.assertThat(SessionWatch.endsAtOtherThan(toms, session, ends))
                    .isEqualTo(ends.plus(Duration.ofMinutes(15)));

            tom.locator("#console-end").click();
            assertThat(tom.locator("#console-status")).hasAttribute("data-phase", "CANCELLED");
            assertThat(tom.locator("#console-state-sam[data-state=STOPPED]")).isVisible(A_MINUTE);
            assertThat(tom.locator("#console-state-sue[data-state=STOPPED]")).isVisible(A_MINUTE);
            assertThat(tom.locator("#console-extend")).isDisabled();
            Chromium.screenshot(tom, "walkthrough-tom-ended");
        } finally {
            Chromium.screenshot(tom, "walkthrough-tom");
            tomsBrowser.close();
            samsBrowser.close();
            if (session != 0) {
                // other tests expect the demo students without a session of tom's holding the school's GPUs
                PortalApi.send("POST", "/api/v1/sessions/" + session + "/end", PortalApi.signedIn("tom"), null);
            }
        }
    }

    /**
     * A start the session form offers (every five minutes) at least five minutes ahead, in the
     * browser's zone (UTC, see {@link #context()}).
     */
    private static LocalDateTime fiveMinutesAhead() {
        LocalDateTime soon = LocalDateTime.now(ZoneOffset.UTC).plusMinutes(5).truncatedTo(ChronoUnit.MINUTES);
        return soon.plusMinutes((5 - soon.getMinute() % 5) % 5);
    }

    private static String attendance(String teacher, long session, String username) throws Exception {
        for (JsonNode row : JSON.readTree(PortalApi.send("GET", "/api/v1/sessions/" + session + "/console", teacher, null).body())
                .path("students")) {
            if (row.path("username").asText().equals(username)) {
                return row.path("firstOpened").isNull() ? "" : row.path("firstOpened").asText();
            }
        }
        throw new AssertionError(username + " is not on the session's roster");
    }

    private static BrowserContext context() {
        BrowserContext context = Chromium.browser().newContext(new Browser.NewContextOptions().setLocale("en-US")
                .setTimezoneId("UTC"));
        context.setDefaultTimeout(30_000);
        return context;
    }
}

package dev.greenlight.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.junit.QuarkusTest;

import dev.greenlight.evidence.EvidenceInput;
import dev.greenlight.gate.GateService;
import dev.greenlight.testsupport.BrowserTest;
import dev.greenlight.testsupport.Fixtures;
import dev.greenlight.testsupport.TestClock;
import dev.greenlight.testsupport.Users;

/**
 * The emergency path in Debian's Chromium: an author requests an emergency release, the security team validates it,
 * a leader finds it first on the dashboard and approves it with a bypassed gate and review slots, a maintainer
 * publishes, and the post-mortem falls due 24 hours later, then shows as overdue.
 */
@QuarkusTest
class EmergencyJourneyTest extends BrowserTest {
    @Inject
    Fixtures fixtures;
    @Inject
    GateService gates;
    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void requestAssessApproveWithBypassPublishAndThePostMortemFallsDue() {
        fixtures.neuronxWorkspace();
        fixtures.changeset(Users.ALICE, "browser-hotfix", "\"@neuronx/core\": patch", "Stop dropping API requests");

        signInAs(Users.ALICE, "/emergencies/new");
        page.getByLabel("New release title").fill("Outage hotfix");
        page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName(Pattern.compile("browser-hotfix")))
                .check();
        page.getByLabel("Service outage").check();
        page.getByLabel("Justification").fill("Every API call fails since 09:12");
        page.getByLabel("Affected services").fill("api, sdk");
        page.getByLabel("Risk of shipping it").fill("Low: one guard clause");
        page.getByLabel("New incident title").fill("API down in eu-west");
        page.getByLabel("Severity").selectOption("SEV1");
        page.getByLabel("Incident report").fill("A null guard was removed in 1.4.1; restored.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Request emergency release")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("assesses it next");
        String emergencyPath = URI.create(page.url()).getPath();
        String releaseHref = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(
                Pattern.compile("^release #\\d+$"))).getAttribute("href");
        long releaseId = Long.parseLong(releaseHref.substring(releaseHref.lastIndexOf('/') + 1));

        // CI reports: coverage fails, everything else passes
        gates.record(Users.CI.actor(), releaseId, "tests", BigDecimal.ZERO, null, null);
        gates.record(Users.CI.actor(), releaseId, "coverage", new BigDecimal("61"), null, null);
        gates.record(Users.CI.actor(), releaseId, "critical-vulnerabilities", BigDecimal.ZERO, null, null);
        gates.record(Users.CI.actor(), releaseId, "evidence", null,
                EvidenceInput.link("https://ci.neuronx.dev/runs/" + releaseId), null);

        switchUser();
        signInAs(Users.SEAN, emergencyPath);
        page.getByLabel("Assessment reason").fill("Confirmed: production API is down");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Validate emergency")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("an engineering leader decides next");

        switchUser();
        signInAs(Users.LEAH, "/");
        assertThat(page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName(
                Pattern.compile("Waiting for an engineering leader")))).containsText("Outage hotfix");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Pattern.compile("Decide emergency")))
                .click();
        assertThat(page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("What is asked")))
                .containsText("Every API call fails since 09:12");
        bypass("Coverage gate", "The fix adds no untested code paths");
        bypass("Code review", "Pair-reviewed on the incident call");
        bypass("Security review", "Security team assessed the emergency");
        bypass("Product review", "Outage: no product decision");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve emergency")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("approved; bypassed Coverage gate");

        clock.set(Instant.parse("2026-05-04T09:30:00Z"));
        switchUser();
        signInAs(Users.MAX, "/releases/" + releaseId);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText("Approved");
        assertThat(page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Waived for this release")))
                .containsText("Emergency release (service outage");
        assertThat(page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Changelog")))
                .containsText("bypassed Coverage gate (The fix adds no untested code paths)");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publish")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("@neuronx/core@");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText("Published");

        page.navigate(base + emergencyPath.substring(1));
        assertThat(page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Post-mortem")))
                .containsText("Owned by alice, due 2026-05-05 09:30 UTC");

        clock.advance(Duration.ofHours(25));
        page.navigate(base.toString());
        assertThat(page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName(
                Pattern.compile("Overdue post-mortems")))).containsText("alice");
    }

    private void bypass(String requirement, String reason) {
        page.getByLabel("Bypass " + requirement, new Page.GetByLabelOptions().setExact(true)).check();
        page.getByLabel("Reason to bypass " + requirement, new Page.GetByLabelOptions().setExact(true)).fill(reason);
    }

}

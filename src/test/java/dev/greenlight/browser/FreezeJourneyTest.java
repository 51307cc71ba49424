package dev.greenlight.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.junit.QuarkusTest;

import dev.greenlight.emergency.EmergencyService;
import dev.greenlight.emergency.EmergencyView;
import dev.greenlight.testsupport.BrowserTest;
import dev.greenlight.testsupport.Fixtures;
import dev.greenlight.testsupport.RecordFixtures;
import dev.greenlight.testsupport.TestClock;
import dev.greenlight.testsupport.Users;

/**
 * A change freeze in Debian's Chromium: a leader creates a holiday freeze with the form, a maintainer's publish is
 * refused naming it, and once a leader approves an emergency for the release the maintainer publishes it through the
 * freeze.
 */
@QuarkusTest
class FreezeJourneyTest extends BrowserTest {
    @Inject
    Fixtures fixtures;
    @Inject
    RecordFixtures records;
    @Inject
    EmergencyService emergencies;
    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aLeaderFreezesAMaintainersPublishIsRefusedAndAnEmergencyPasses() {
        fixtures.neuronxWorkspace();
        clock.set(Instant.parse("2026-12-01T09:00:00Z"));
        fixtures.changeset(Users.ALICE, "browser-freeze", "\"@neuronx/core\": patch", "Stop dropping API requests");
        EmergencyView emergency = records.assessedEmergency(Users.ALICE, "browser-freeze");
        long releaseId = emergency.releaseId();
        fixtures.passAllGates(releaseId);
        fixtures.approveAllSlots(releaseId);

        signInAs(Users.LEAH, "/calendar");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New freeze window")).click();
        page.getByLabel("Reason").fill("Holiday freeze");
        page.getByLabel("Starts").fill("2026-12-23T18:00");
        page.getByLabel("Ends").fill("2027-01-04T08:00");
        page.getByLabel("Time zone").selectOption("Europe/Berlin");
        page.getByLabel("Everything").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create freeze window")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Freeze window \"Holiday freeze\" created.");
        page.navigate(base + "calendar?view=month&month=2026-12");
        assertThat(page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("December 2026")))
                .containsText("Freeze: Holiday freeze");

        clock.set(Instant.parse("2026-12-28T10:00:00Z"));
        switchUser();
        signInAs(Users.MAX, "/releases/" + releaseId);
        assertThat(page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Change freeze")))
                .containsText("until Mon 4 Jan 2027 08:00 Europe/Berlin");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publish")).click();
        assertThat(page.getByRole(AriaRole.MAIN)).containsText(Pattern.compile(
                "freeze window #\\d+ \"Holiday freeze\""));

        emergencies.approve(Users.LEAH.actor(), emergency.id(), "Checkout is down", List.of());
        page.navigate(base + "releases/" + releaseId);
        assertThat(page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Change freeze")))
                .containsText("An approved emergency may publish it");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publish")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText("Published");
    }
}

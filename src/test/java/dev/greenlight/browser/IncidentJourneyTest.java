package dev.greenlight.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.junit.QuarkusTest;

import dev.greenlight.release.ReleaseService;
import dev.greenlight.testsupport.BrowserTest;
import dev.greenlight.testsupport.Fixtures;
import dev.greenlight.testsupport.Users;

/**
 * After a release is published something breaks: an author files the incident against the release, starts and
 * writes the post-mortem, sends it for review; an engineering leader signs it off; the author publishes it.
 */
@QuarkusTest
class IncidentJourneyTest extends BrowserTest {
    @Inject
    Fixtures fixtures;
    @Inject
    ReleaseService releases;

    @Test
    void fileAnIncidentWriteThePostMortemAnotherPersonSignsOffThenItIsPublished() {
        fixtures.neuronxWorkspace();
        fixtures.changeset(Users.ALICE, "browser-incident", "\"@neuronx/core\": patch", "Cache user sessions");
        long releaseId = fixtures.approvedRelease(Users.ALICE, "Session cache", "browser-incident").id();
        releases.publish(Users.MAX.actor(), releaseId);

        signInAs(Users.ALICE, "/incidents");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("File an incident")).click();
        page.getByLabel("Title").fill("Sessions dropped after 1.4.2");
        page.getByLabel("Severity").selectOption("SEV2");
        page.getByLabel("Started (UTC)").fill("2026-03-01T09:00");
        page.getByLabel("Impact").fill("Users were signed out every few minutes");
        page.getByLabel("Affected services (comma-separated)").fill("auth, web");
        page.getByLabel("Affected releases (numbers, comma-separated)").fill(String.valueOf(releaseId));
        page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Is this a security incident?"))
                .getByLabel("No")
                .check();
        page.getByLabel("Incident report (Markdown)").fill("The session cache **expired** entries too early.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("File incident")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("filed");
        assertThat(page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("What happened")))
                .containsText("#" + releaseId);

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start the post-mortem")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("started");
        page.getByLabel("Summary").fill("Sessions expired early for 40 minutes.");
        page.getByLabel("Impact").fill("About 3 000 users signed out.");
        page.getByLabel("Root cause").fill("A TTL in **seconds** was read as milliseconds.");
        page.getByLabel("Contributing factors").fill("No test for the unit of the TTL.");
        page.getByLabel("What went well").fill("Alerting caught it in 5 minutes.");
        page.getByLabel("Lessons").fill("Type durations.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save sections")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("saved");
        page.getByLabel("When (UTC)").fill("2026-03-01T09:05");
        page.getByLabel("What happened").fill("Alert: sign-in rate triples");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add to the timeline")).click();
        page.getByLabel("Action", new Page.GetByLabelOptions().setExact(true)).fill("Use Duration for TTLs");
        page.getByLabel("Owner").fill("alice");
        page.getByLabel("Due date").fill("2026-03-15");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add action item")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Action item added");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("View it")).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send for review")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("sent for review");
        String postmortemUrl = page.url();

        switchUser();
        signInAs(Users.LEAH, postmortemUrl.substring(base.toString().length() - 1));
        assertThat(page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Root cause")))
                .containsText("A TTL in seconds was read as milliseconds.");
        assertThat(page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Timeline")))
                .containsText("Alert: sign-in rate triples");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign off")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("signed the post-mortem off");

        switchUser();
        signInAs(Users.ALICE, postmortemUrl.substring(base.toString().length() - 1));
        assertThat(page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Review")))
                .containsText("leah");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publish")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Post-mortem published");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .containsText(Pattern.compile("Published"));
    }

}

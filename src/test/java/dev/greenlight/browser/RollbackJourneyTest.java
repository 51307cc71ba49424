package dev.greenlight.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.junit.QuarkusTest;

import dev.greenlight.release.ReleaseView;
import dev.greenlight.testsupport.BrowserTest;
import dev.greenlight.testsupport.Fixtures;
import dev.greenlight.testsupport.Users;

/**
 * After publishing, in Debian's Chromium: a maintainer records a failing post-release check, the page prompts a
 * rollback, he rolls the release back to the previous tag and ticks the policy's checklist through to the end, files
 * an incident from the release page and writes its post-mortem; a leader signs it off, he publishes it, and the
 * release page shows the whole story.
 */
@QuarkusTest
class RollbackJourneyTest extends BrowserTest {
    @Inject
    Fixtures fixtures;

    @Test
    void publishValidationFailsRollBackFileAnIncidentAndPublishThePostMortem() {
        fixtures.neuronxWorkspace();
        fixtures.changeset(Users.ALICE, "journey-before", "\"@neuronx/cli\": patch", "Faster CLI start");
        ReleaseView previous = fixtures.publishedRelease(Users.ALICE, "CLI 0.9.2", "journey-before");
        fixtures.changeset(Users.ALICE, "journey-after", "\"@neuronx/cli\": patch", "New login flow");
        ReleaseView release = fixtures.publishedRelease(Users.ALICE, "CLI login flow", "journey-after");

        signInAs(Users.MAX, "/releases/" + release.id());
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText("Published");

        page.getByText("Record a post-release check").click();
        page.getByLabel("Check", new Page.GetByLabelOptions().setExact(true)).selectOption("error-rate");
        page.getByLabel("Measured value").fill("4.2");
        page.getByLabel("Evidence link").fill("https://grafana.neuronx.dev/d/cli");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record check")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("failed");
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("A post-release check failed.");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Roll back").setExact(true)).click();
        page.getByText("Roll back release " + release.id()).click();
        assertThat(page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Rollback")))
                .containsText(previous.publication().tags().get(0));
        page.getByLabel("Why roll back?").fill("Error rate 4.2 % since the new login flow");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start rollback")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("is rolled back to "
                + previous.publication().tags().get(0));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .containsText("Rolled back");

        tick("Identify issue");
        tick("Stop deployment");
        tick("Revert code");
        page.getByLabel(Pattern.compile("^Note")).fill("No schema change in this release");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Not applicable")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Step ticked.");
        tick("Monitor");
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("the rollback is complete");
        assertThat(page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Rollback")))
                .containsText("completed");
        assertThat(page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Rollback")))
                .containsText("not applicable by max");

        // The incident, from the release page: the form names the release already
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("File an incident about this release"))
                .click();
        assertThat(page.getByLabel("Affected releases (numbers, comma-separated)"))
                .hasValue(String.valueOf(release.id()));
        page.getByLabel("Title").fill("CLI logins fail after the new flow");
        page.getByLabel("Severity").selectOption("SEV2");
        page.getByLabel("Started (UTC)").fill("2026-05-04T09:00");
        page.getByLabel("Impact").fill("4.2 % of CLI logins failed for 30 minutes");
        page.getByLabel("Affected services (comma-separated)").fill("cli");
        page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Is this a security incident?"))
                .getByLabel("No")
                .check();
        page.getByLabel("Incident report (Markdown)").fill("Rolled back to the previous tag; see the checklist.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("File incident")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("filed");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start the post-mortem")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("started");
        page.getByLabel("Summary").fill("The new login flow failed for users behind proxies.");
        page.getByLabel("Impact").fill("4.2 % of logins for 30 minutes.");
        page.getByLabel("Root cause").fill("The flow ignored `HTTPS_PROXY`.");
        page.getByLabel("Contributing factors").fill("No proxy in the smoke tests.");
        page.getByLabel("What went well").fill("The error-rate check caught it; the rollback took 20 minutes.");
        page.getByLabel("Lessons").fill("Smoke tests run behind a proxy.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save sections")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("saved");
        page.getByLabel("Action", new Page.GetByLabelOptions().setExact(true)).fill("Add a proxy to the smoke tests");
        page.getByLabel("Owner").fill("alice");
        page.getByLabel("Due date").fill("2026-05-20");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add action item")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Action item added");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("View it")).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send for review")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("sent for review");
        String postmortem = page.url().substring(base.toString().length());

        // Someone other than the author signs it off; then it is published
        switchUser();
        signInAs(Users.LEAH, "/" + postmortem);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign off")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("signed the post-mortem off");
        switchUser();
        signInAs(Users.MAX, "/" + postmortem);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publish")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Post-mortem published");

        // The release page tells the whole story, from its changesets to the post-mortem
        page.navigate(base + "releases/" + release.id());
        assertThat(page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Changesets")))
                .containsText("New login flow");
        assertThat(page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Incidents and post-mortems")))
                .containsText("CLI logins fail after the new flow");
        assertThat(page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Incidents and post-mortems")))
                .containsText("PUBLISHED");
    }

    private void tick(String step) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^Tick: " + step)))
                .click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("ticked");
    }
}

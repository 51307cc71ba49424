package dev.greenlight.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.net.URI;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.junit.QuarkusTest;

import dev.greenlight.testsupport.BrowserTest;
import dev.greenlight.testsupport.Fixtures;
import dev.greenlight.testsupport.Users;

/**
 * The real thing in Debian's Chromium: each person signs in through the OIDC provider's login page; the author creates
 * a release from a pending changeset and submits it, CI reports the gates, three reviewers approve, a maintainer
 * publishes. Elements are found by role and label, as people find them.
 */
@QuarkusTest
class BrowserJourneyTest extends BrowserTest {
    @Inject
    Fixtures fixtures;

    @Test
    void authorCreatesReviewersApproveCiReportsGatesMaintainerPublishes() {
        fixtures.neuronxWorkspace();
        fixtures.changeset(Users.ALICE, "browser-evidence", "\"@neuronx/core\": minor", "Add the evidence API");

        signInAs(Users.ALICE, "/releases/new");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("New release"))).isVisible();
        page.getByLabel("Title").fill("Evidence API");
        assertThat(page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName(
                Pattern.compile("browser-evidence")))).isChecked();
        page.getByLabel("Pre-release").selectOption("");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create release")).click();

        assertThat(page.getByRole(AriaRole.STATUS)).containsText("created");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .containsText("Evidence API");
        assertThat(page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Plan"))).containsText("1.5.0");
        assertThat(page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Changelog")))
                .containsText("Add the evidence API");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit for review")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("submitted for review");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText("In review");
        String releasePath = URI.create(page.url()).getPath();
        long releaseId = Long.parseLong(releasePath.substring(releasePath.lastIndexOf('/') + 1));

        fixtures.passAllGates(releaseId);

        approveAs(Users.CAROL, releasePath, "code");
        approveAs(Users.SAM, releasePath, "security");
        approveAs(Users.PAULA, releasePath, "product");

        switchUser();
        signInAs(Users.MAX, releasePath);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText("Approved");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publish")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("@neuronx/core@1.5.0");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText("Published");
        assertThat(page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Published")))
                .containsText("max");
    }

    private void approveAs(Users reviewer, String releasePath, String slot) {
        switchUser();
        signInAs(reviewer, releasePath);
        page.getByLabel(Pattern.compile("^Comment")).fill("Reviewed by " + reviewer.username);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve " + slot)).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Your " + slot + " approval is recorded.");
    }

}

package dev.greenlight.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.net.URL;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.greenlight.release.ReleaseView;
import dev.greenlight.testsupport.Chromium;
import dev.greenlight.testsupport.Fixtures;
import dev.greenlight.testsupport.Users;

/**
 * After publishing, in Debian's Chromium: a maintainer records a failing post-release check, the page prompts a
 * rollback, he rolls the release back to the previous tag and ticks the policy's checklist through to the end.
 */
@QuarkusTest
class RollbackJourneyTest {
    private static Chromium chromium;

    @TestHTTPResource("/")
    URL base;

    @Inject
    Fixtures fixtures;

    private BrowserContext context;
    private Page page;

    @BeforeAll
    static void launch() {
        chromium = Chromium.launch();
    }

    @AfterAll
    static void close() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @BeforeEach
    void open() {
        context = chromium.newContext();
        page = context.newPage();
        page.setDefaultTimeout(15_000);
    }

    @AfterEach
    void closeContext() {
        context.close();
    }

    @Test
    void aCheckFailsAndTheReleaseIsRolledBackThroughTheChecklist() {
        fixtures.neuronxWorkspace();
        fixtures.changeset(Users.ALICE, "journey-before", "\"@neuronx/cli\": patch", "Faster CLI start");
        ReleaseView previous = fixtures.publishedRelease(Users.ALICE, "CLI 0.9.2", "journey-before");
        fixtures.changeset(Users.ALICE, "journey-after", "\"@neuronx/cli\": patch", "New login flow");
        ReleaseView release = fixtures.publishedRelease(Users.ALICE, "CLI login flow", "journey-after");

        page.navigate(base + "releases/" + release.id());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("max").setExact(true)).click();
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
    }

    private void tick(String step) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^Tick: " + step)))
                .click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("ticked");
    }
}

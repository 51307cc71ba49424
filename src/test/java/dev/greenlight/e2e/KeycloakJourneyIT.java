package dev.greenlight.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import dev.greenlight.demo.NeuronxWorkspace;

/**
 * The packaged application signed in through a real Keycloak with the realm docker-compose.yml imports: people log in
 * on Keycloak's own page, CI gets a client-credentials token, and roles arrive in the {@code groups} claim. The steps
 * build on each other, in order, as a release does.
 */
@ExtendWith(E2eStack.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeycloakJourneyIT {
    private static final String TITLE = "Evidence API through Keycloak";

    private static KeycloakBrowser browser;

    private BrowserContext context;
    private Page page;

    @BeforeAll
    static void launch() {
        browser = KeycloakBrowser.launch();
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void open() {
        context = browser.browser.newContext();
        page = context.newPage();
        page.setDefaultTimeout(20_000);
    }

    @AfterEach
    void closeContext() {
        context.close();
    }

    @Test
    @Order(1)
    void ciClientPublishesThePackagesWithAClientCredentialsToken() {
        GreenlightProcess app = E2eStack.instanceA();
        String token = CiApi.token();
        // Roles arrive in the groups claim (realm roles mapped by the realm file), as README documents
        assertThat(CiApi.claims(token).get("groups")).extracting(JsonNode::asText).contains("ci");

        String packages = CiApi.neuronxPackages();
        assertThat(CiApi.call(app, "PUT", "/api/v1/packages", null, packages).statusCode()).isEqualTo(401);
        HttpResponse<String> saved = CiApi.call(app, "PUT", "/api/v1/packages", token, packages);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(saved.body()).contains(NeuronxWorkspace.CORE);

        // Creating releases is for authors and maintainers, not CI
        HttpResponse<String> refused = CiApi.call(app, "POST", "/api/v1/releases", token,
                "{\"title\":\"From CI\",\"changesets\":null}");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
    }

    @Test
    @Order(2)
    void authorSubmitsAChangesetThenCreatesAndSubmitsARelease() {
        GreenlightProcess app = E2eStack.instanceA();
        CiApi.publishNeuronxPackages(app);
        KeycloakBrowser.signIn(page, app, "/changesets", "alice");
        assertThat(page.getByRole(AriaRole.CONTENTINFO)).containsText("alice (Author)");

        page.getByLabel("File name").fill("keycloak-evidence.md");
        page.getByLabel("Changeset (Changesets markdown)")
                .fill("---\n\"@neuronx/core\": minor\n---\n\nAdd the evidence API\n");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit").setExact(true)).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Changeset keycloak-evidence submitted");

        page.navigate(app.url() + "/releases/new");
        page.getByLabel("Title").fill(TITLE);
        assertThat(page.getByRole(AriaRole.CHECKBOX,
                new Page.GetByRoleOptions().setName(Pattern.compile("keycloak-evidence")))).isChecked();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create release")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("created");
        assertThat(page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Plan"))).containsText("1.5.0");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit for review")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("submitted for review");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText("In review");
    }

    @Test
    @Order(3)
    void codeReviewerFindsTheReleaseInReview() {
        GreenlightProcess app = E2eStack.instanceA();
        KeycloakBrowser.signIn(page, app, "/releases", "carol");
        assertThat(page.getByRole(AriaRole.CONTENTINFO)).containsText("carol (Code reviewer)");

        page.getByLabel("State").selectOption("IN_REVIEW");
        assertThat(page.getByRole(AriaRole.TABLE)).containsText(TITLE);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(TITLE)).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText("In review");
        // A reviewer cannot submit or cancel someone else's release
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit for review")))
                .hasCount(0);
        // but signs off the code review, with the role Keycloak's groups claim carried
        page.getByLabel(Pattern.compile("^Comment")).fill("Reviewed through Keycloak");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve code")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Your code approval is recorded.");
        assertThat(page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Reviews")))
                .containsText("Reviewed through Keycloak");
    }

    @Test
    @Order(4)
    void maintainerSeesTheReleaseOnTheDashboard() {
        GreenlightProcess app = E2eStack.instanceA();
        KeycloakBrowser.signIn(page, app, "/", "max");
        assertThat(page.getByRole(AriaRole.CONTENTINFO)).containsText("max (Maintainer)");
        assertThat(page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Recent releases")))
                .containsText(TITLE);

        // Signing out ends the Keycloak session too: the next page asks for a password again
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
        page.navigate(app.url() + "/releases");
        assertThat(page.getByLabel("Username or email")).isVisible();
    }
}

package dev.greenlight.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
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
 * build on each other, in order, as a release does: an author's release reviewed, then an emergency requested,
 * validated, approved by a leader and published, and its post-mortem written, signed off and published.
 */
@ExtendWith(E2eStack.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeycloakJourneyIT {
    private static final String TITLE = "Evidence API through Keycloak";
    private static final String EMERGENCY_TITLE = "CLI login hotfix through Keycloak";

    private static String emergencyPath;
    private static long emergencyReleaseId;
    private static String postmortemPath;

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
        // Roles arrive in the groups claim (realm roles mapped by the realm file), as docs/operations.md documents
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

    @Test
    @Order(5)
    void authorRequestsAnEmergencyReleaseForAnOutage() {
        GreenlightProcess app = E2eStack.instanceA();
        KeycloakBrowser.signIn(page, app, "/changesets", "alice");
        page.getByLabel("File name").fill("keycloak-hotfix.md");
        page.getByLabel("Changeset (Changesets markdown)")
                .fill("---\n\"@neuronx/cli\": patch\n---\n\nStop the CLI from hanging on login\n");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit").setExact(true)).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Changeset keycloak-hotfix submitted");

        page.navigate(app.url() + "/emergencies/new");
        page.getByLabel("New release title").fill(EMERGENCY_TITLE);
        page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName(Pattern.compile("keycloak-hotfix")))
                .check();
        page.getByLabel("Service outage").check();
        page.getByLabel("Justification").fill("Nobody can log in with the CLI since 08:40");
        page.getByLabel("Affected services").fill("cli");
        page.getByLabel("Risk of shipping it").fill("Low: a timeout restored");
        page.getByLabel("New incident title").fill("CLI login hangs");
        page.getByLabel("Severity").selectOption("SEV2");
        page.getByLabel("Incident report").fill("The login call lost its timeout in 0.8.0; restored.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Request emergency release")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("assesses it next");
        emergencyPath = URI.create(page.url()).getPath();
        String releaseHref = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(
                Pattern.compile("^release #\\d+$"))).getAttribute("href");
        emergencyReleaseId = Long.parseLong(releaseHref.substring(releaseHref.lastIndexOf('/') + 1));
    }

    @Test
    @Order(6)
    void securityTeamValidatesTheEmergency() {
        GreenlightProcess app = E2eStack.instanceB();
        KeycloakBrowser.signIn(page, app, emergencyPath, "sean");
        assertThat(page.getByRole(AriaRole.CONTENTINFO)).containsText("sean (Security team)");
        page.getByLabel("Assessment reason").fill("Confirmed: CLI logins time out");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Validate emergency")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("an engineering leader decides next");
    }

    @Test
    @Order(7)
    void leaderApprovesTheEmergencyWithTheReviewsBypassed() {
        GreenlightProcess app = E2eStack.instanceA();
        // CI reports every gate green; the reviews are what the emergency path skips
        String ci = CiApi.token();
        reportGate(app, ci, "tests", "{\"value\":0}");
        reportGate(app, ci, "coverage", "{\"value\":91}");
        reportGate(app, ci, "critical-vulnerabilities", "{\"value\":0}");
        reportGate(app, ci, "evidence", "{\"evidence\":{\"url\":\"https://ci.neuronx.dev/runs/kc\"}}");

        KeycloakBrowser.signIn(page, app, "/", "leah");
        assertThat(page.getByRole(AriaRole.CONTENTINFO)).containsText("leah (Engineering leader)");
        assertThat(page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName(
                Pattern.compile("Waiting for an engineering leader")))).containsText(EMERGENCY_TITLE);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(
                Pattern.compile("Decide emergency #\\d+: " + EMERGENCY_TITLE))).click();
        bypass("Code review", "Paired on the incident call");
        bypass("Security review", "Security team assessed the emergency");
        bypass("Product review", "Outage: no product decision");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve emergency")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("approved; bypassed Code review");
    }

    @Test
    @Order(8)
    void maintainerPublishesTheEmergencyReleaseAndThePostMortemFallsDue() {
        GreenlightProcess app = E2eStack.instanceB();
        KeycloakBrowser.signIn(page, app, "/releases/" + emergencyReleaseId, "max");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText("Approved");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publish")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("@neuronx/cli@");
        page.navigate(app.url() + emergencyPath);
        assertThat(page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Post-mortem")))
                .containsText("Owned by alice, due");
        postmortemPath = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(
                Pattern.compile("open post-mortem #\\d+"))).getAttribute("href");
    }

    @Test
    @Order(9)
    void incidentAuthorWritesThePostMortemAndSendsItForReview() {
        GreenlightProcess app = E2eStack.instanceA();
        KeycloakBrowser.signIn(page, app, postmortemPath, "alice");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Edit post-mortem")).click();
        page.getByLabel("Summary").fill("CLI logins hung for 50 minutes.");
        page.getByLabel("Impact").fill("Every CLI user was blocked from releasing.");
        page.getByLabel("Root cause").fill("The login call lost its **timeout** in 0.8.0.");
        page.getByLabel("Contributing factors").fill("No test for a slow identity provider.");
        page.getByLabel("What went well").fill("The emergency path shipped the fix in an hour.");
        page.getByLabel("Lessons").fill("Every network call gets a timeout.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save sections")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("saved");
        page.getByLabel("When (UTC)").fill("2026-11-27T08:40");
        page.getByLabel("What happened").fill("First report of hanging logins");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add to the timeline")).click();
        page.getByLabel("Action", new Page.GetByLabelOptions().setExact(true)).fill("Lint for calls without timeouts");
        page.getByLabel("Owner").fill("bob");
        page.getByLabel("Due date").fill("2026-12-11");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add action item")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Action item added");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("View it")).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send for review")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("sent for review");
    }

    @Test
    @Order(10)
    void aLeaderSignsOffOnTheOtherInstanceAndTheAuthorPublishes() {
        KeycloakBrowser.signIn(page, E2eStack.instanceB(), postmortemPath, "leah");
        assertThat(page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Root cause")))
                .containsText("The login call lost its timeout in 0.8.0.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign off")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("signed the post-mortem off");
        context.close();

        context = browser.browser.newContext();
        page = context.newPage();
        page.setDefaultTimeout(20_000);
        KeycloakBrowser.signIn(page, E2eStack.instanceA(), postmortemPath, "alice");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publish")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Post-mortem published");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .containsText(Pattern.compile("Published"));
    }

    private void reportGate(GreenlightProcess app, String token, String gate, String json) {
        HttpResponse<String> reported = CiApi.call(app, "POST",
                "/api/v1/releases/" + emergencyReleaseId + "/gates/" + gate, token, json);
        assertThat(reported.statusCode()).as(reported.body()).isEqualTo(201);
    }

    private void bypass(String requirement, String reason) {
        page.getByLabel("Bypass " + requirement, new Page.GetByLabelOptions().setExact(true)).check();
        page.getByLabel("Reason to bypass " + requirement, new Page.GetByLabelOptions().setExact(true)).fill(reason);
    }
}

package dev.greenlight.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/**
 * Two instances of the packaged application on one database and one identity provider, as behind a load balancer:
 * a session made on one is accepted by the other (the OIDC session cookie is encrypted with
 * {@code quarkus.oidc.token-state-manager.encryption-secret}, the same on both), and both serve the same data.
 * <p>
 * Scheduled work with several instances up is {@link ScheduledWorkIT}.
 */
@ExtendWith(E2eStack.class)
class ScaleOutIT {
    private static KeycloakBrowser browser;

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

    @Test
    void aSessionMadeOnOneInstanceIsAcceptedByTheOtherAndBothServeTheSameData() {
        GreenlightProcess a = E2eStack.instanceA();
        GreenlightProcess b = E2eStack.instanceB();
        CiApi.publishNeuronxPackages(b);
        try (BrowserContext context = browser.browser.newContext()) {
            Page page = context.newPage();
            page.setDefaultTimeout(20_000);
            KeycloakBrowser.signIn(page, a, "/changesets", "bob");

            // Without the session, B sends people to Keycloak...
            assertThat(pageOn(b, "/changesets", null).statusCode()).isEqualTo(302);
            // ...with the session cookie made by A, B serves the page at once: no trip to Keycloak
            String cookies = context.cookies(a.url())
                    .stream()
                    .map(cookie -> cookie.name + "=" + cookie.value)
                    .collect(Collectors.joining("; "));
            HttpResponse<String> onB = pageOn(b, "/changesets", cookies);
            assertThat(onB.statusCode()).as("B's answer to A's session").isEqualTo(200);
            assertThat(onB.body()).contains("signed in as <strong>bob</strong>");

            // Written through A, read from B (and the other way round)
            page.getByLabel("File name").fill("scale-out.md");
            page.getByLabel("Changeset (Changesets markdown)")
                    .fill("---\n\"@neuronx/cli\": patch\n---\n\nWritten on instance A\n");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit").setExact(true)).click();
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("Changeset scale-out submitted");

            page.navigate(b.url() + "/changesets");
            assertThat(page).hasURL(b.url() + "/changesets");
            assertThat(page.getByRole(AriaRole.TABLE)).containsText("Written on instance A");
            assertThat(page.getByRole(AriaRole.CONTENTINFO)).containsText("bob (Author)");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Remove changeset scale-out"))
                    .click();
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("Changeset scale-out removed");
            assertThat(pageOn(a, "/changesets", cookies).body()).doesNotContain("Written on instance A");
        }
    }

    private static HttpResponse<String> pageOn(GreenlightProcess app, String path, String cookies) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.url() + path))
                .timeout(Duration.ofSeconds(30));
        if (cookies != null) {
            request.header("Cookie", cookies);
        }
        return Http.send(request.build());
    }
}

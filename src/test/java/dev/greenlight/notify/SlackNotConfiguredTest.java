package dev.greenlight.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

import dev.greenlight.release.ReleaseView;
import dev.greenlight.testsupport.Fixtures;
import dev.greenlight.testsupport.PageSession;
import dev.greenlight.testsupport.Users;

/** The default test configuration has no Slack token: everything works and the outbox keeps what it would send. */
@QuarkusTest
class SlackNotConfiguredTest {
    @Inject
    Fixtures fixtures;
    @Inject
    RelayScheduler scheduler;

    @Test
    void releasesWorkAndTheOutboxShowsWhatWouldHaveBeenSent() {
        fixtures.neuronxWorkspace();
        fixtures.changeset(Users.ALICE, "unsent-1", "\"@neuronx/ui\": patch", "Focus ring");
        ReleaseView release = fixtures.submittedRelease(Users.ALICE, "Quiet <release>", "unsent-1");
        scheduler.run(); // the relay has nothing to do without a token

        List<OutboxMessage> messages = QuarkusTransaction.requiringNew()
                .call(() -> OutboxMessage.ofRelease(release.id()));
        assertThat(messages).singleElement().satisfies(m -> {
            assertThat(m.status).isEqualTo(DeliveryStatus.NOT_CONFIGURED);
            assertThat(m.attempts).isZero();
            assertThat(m.text()).contains("Quiet &lt;release&gt; was submitted for review by alice");
        });

        PageSession ada = PageSession.signIn(Users.ADA);
        ada.get("/admin/slack")
                .then()
                .statusCode(200)
                .body(containsString("Slack is not configured"))
                .body(containsString("Not configured"))
                .body(containsString("was submitted for review by alice"))
                .body(containsString("Retry message " + messages.get(0).id));
        ada.submit("/admin/slack", "/admin/slack/messages/" + messages.get(0).id + "/retry", Map.of())
                .then()
                .statusCode(409)
                .body(containsString("Slack is not configured"));
    }

    @Test
    void onlyAdminsSeeTheSlackPage() {
        PageSession.signIn(Users.CAROL).get("/admin/slack").then().statusCode(403);
        PageSession.signIn(Users.MAX).get("/admin/slack").then().statusCode(403);
        PageSession.signIn(Users.ADA).get("/admin/slack").then().statusCode(200);
    }

    @Test
    void interactionsAreRefusedWithoutASigningSecret() {
        RestAssured.given()
                .contentType("application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", "1")
                .header("X-Slack-Signature", "v0=" + "0".repeat(64))
                .body("payload=%7B%7D")
                .post("/slack/interactions")
                .then()
                .statusCode(503)
                .body("error", equalTo("not_configured"));
    }
}

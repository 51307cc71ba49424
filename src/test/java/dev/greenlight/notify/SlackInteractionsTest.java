package dev.greenlight.notify;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;

import dev.greenlight.security.Role;
import dev.greenlight.testsupport.FakeSlack;
import dev.greenlight.testsupport.FakeSlack.Fault;
import dev.greenlight.testsupport.Fixtures;
import dev.greenlight.testsupport.SlackTestProfile;
import dev.greenlight.testsupport.Users;

/** POST /slack/interactions as Slack sends it: form-encoded payload, v0 signature, no session, no CSRF token. */
@QuarkusTest
@TestProfile(SlackTestProfile.class)
class SlackInteractionsTest {
    private static int counter;

    @Inject
    SlackUsers users;
    @Inject
    Fixtures fixtures;

    FakeSlack slack;

    @BeforeEach
    void setUp() {
        slack = FakeSlack.get();
        slack.reset();
    }

    /** A block_actions payload, unique per call so that replay protection does not mix tests. */
    private static String body(String slackUser, String actionId, String value) {
        String payload = "{\"type\":\"block_actions\",\"user\":{\"id\":\"" + slackUser + "\"},"
                + "\"channel\":{\"id\":\"C0REVIEWS\"},\"message\":{\"ts\":\"1700000001.000100\"},"
                + "\"response_url\":\"https://hooks.slack.com/actions/T0/1/x\",\"trigger_id\":\"t" + (++counter)
                + "\",\"actions\":[{\"action_id\":\"" + actionId + "\",\"value\":\"" + value + "\"}]}";
        return "payload=" + URLEncoder.encode(payload, StandardCharsets.UTF_8);
    }

    private static String now() {
        return String.valueOf(Instant.now().getEpochSecond());
    }

    private static String sign(String secret, String timestamp, String body) {
        return SlackSignature.sign(secret, timestamp, body.getBytes(StandardCharsets.UTF_8));
    }

    private static ValidatableResponse post(String timestamp, String signature, String body) {
        var request = given().redirects().follow(false).contentType("application/x-www-form-urlencoded");
        if (timestamp != null) {
            request.header("X-Slack-Request-Timestamp", timestamp);
        }
        if (signature != null) {
            request.header("X-Slack-Signature", signature);
        }
        return request.body(body).post("/slack/interactions").then();
    }

    private static ValidatableResponse signed(String body) {
        String ts = now();
        return post(ts, sign(SlackTestProfile.SIGNING_SECRET, ts, body), body);
    }

    private void link(String slackUserId, String email, Users user) {
        users.link(Users.ADA.actor(), slackUserId, email, user.username, Set.of(user.role));
    }

    @Test
    void validRequestFromALinkedReviewerReachesTheActionHandlerWithinThreeSeconds() {
        link("U0CAROL", null, Users.CAROL);
        long started = System.nanoTime();
        signed(body("U0CAROL", SlackAction.APPROVE_RELEASE, "12")).statusCode(200)
                .contentType("application/json")
                .body("response_type", equalTo("ephemeral"))
                .body("done", equalTo(false))
                .body("text", containsString("Release 12 does not exist"))
                .body("text", containsString("http://localhost:8080/releases/12"));
        assertThat(System.nanoTime() - started).isLessThan(3_000_000_000L);
    }

    @Test
    void slackUserIsFoundByTheEmailUsersInfoReturns() {
        link(null, "Sam@Example.com", Users.SAM);
        slack.user("U0SAM", "sam@example.com");
        signed(body("U0SAM", SlackAction.REJECT_RELEASE, "3")).statusCode(200)
                .body("text", containsString("A rejection needs a reason the author can read, sam"));
        assertThat(slack.calls("users.info")).singleElement()
                .satisfies(call -> assertThat(call.params()).containsEntry("user", "U0SAM"));
    }

    @Test
    void unknownSlackUserIsToldToGetLinked() {
        signed(body("U0NOBODY", SlackAction.APPROVE_RELEASE, "3")).statusCode(200)
                .body("done", equalTo(false))
                .body("text", containsString("not linked"));
    }

    @Test
    void slowUsersInfoStillAnswersWithinThreeSeconds() {
        slack.faults(method -> Fault.slow(2500));
        long started = System.nanoTime();
        signed(body("U0SLOW", SlackAction.APPROVE_RELEASE, "3")).statusCode(200)
                .body("text", containsString("not linked"));
        assertThat(System.nanoTime() - started).isLessThan(3_000_000_000L);
    }

    @Test
    void wrongSecretIsRefused() {
        String body = body("U0CAROL", SlackAction.APPROVE_RELEASE, "1");
        String ts = now();
        post(ts, sign("not-the-secret", ts, body), body).statusCode(401).body("error", equalTo("invalid_signature"));
    }

    @Test
    void tamperedBodyIsRefused() {
        String body = body("U0CAROL", SlackAction.APPROVE_RELEASE, "1");
        String ts = now();
        String signature = sign(SlackTestProfile.SIGNING_SECRET, ts, body);
        post(ts, signature, body.replace("release_approve", "release_reject")).statusCode(401)
                .body("error", equalTo("invalid_signature"));
    }

    @Test
    void missingHeadersAreRefused() {
        String body = body("U0CAROL", SlackAction.APPROVE_RELEASE, "1");
        String ts = now();
        String signature = sign(SlackTestProfile.SIGNING_SECRET, ts, body);
        post(null, signature, body).statusCode(401).body("error", equalTo("missing_headers"));
        post(ts, null, body).statusCode(401).body("error", equalTo("missing_headers"));
    }

    @Test
    void timestampOlderThanFiveMinutesIsRefused() {
        String body = body("U0CAROL", SlackAction.APPROVE_RELEASE, "1");
        String ts = String.valueOf(Instant.now().getEpochSecond() - 301);
        post(ts, sign(SlackTestProfile.SIGNING_SECRET, ts, body), body).statusCode(401)
                .body("error", equalTo("stale_timestamp"));
    }

    @Test
    void timestampMoreThanFiveMinutesAheadIsRefused() {
        String body = body("U0CAROL", SlackAction.APPROVE_RELEASE, "1");
        // well past the limit: the server reads its clock a moment after this line
        String ts = String.valueOf(Instant.now().getEpochSecond() + 330);
        post(ts, sign(SlackTestProfile.SIGNING_SECRET, ts, body), body).statusCode(401)
                .body("error", equalTo("future_timestamp"));
    }

    @Test
    void replayedRequestIsRefused() {
        link("U0PAULA", null, Users.PAULA);
        String body = body("U0PAULA", SlackAction.APPROVE_RELEASE, "1");
        String ts = now();
        String signature = sign(SlackTestProfile.SIGNING_SECRET, ts, body);
        post(ts, signature, body).statusCode(200);
        post(ts, signature, body).statusCode(401).body("error", equalTo("replayed"));
        post(ts, signature.toUpperCase().replace("V0=", "v0="), body).statusCode(401)
                .body("error",
                        equalTo("replayed"));
    }

    @Test
    void malformedSignatureIsRefused() {
        String body = body("U0CAROL", SlackAction.APPROVE_RELEASE, "1");
        String ts = now();
        post(ts, "v0=abc", body).statusCode(401).body("error", equalTo("malformed_signature"));
        post(ts, "sha256=" + "a".repeat(64), body).statusCode(401).body("error", equalTo("malformed_signature"));
    }

    @Test
    void signedRequestThatIsNotAButtonPressIsABadRequest() {
        signed("payload=" + URLEncoder.encode("{\"type\":\"view_submission\"}", StandardCharsets.UTF_8))
                .statusCode(400)
                .body("error", equalTo("invalid_payload"));
        signed("nothing=here").statusCode(400).body("error", equalTo("invalid_payload"));
    }

    @Test
    void onlyAdminsLinkSlackUsers() {
        org.assertj.core.api.Assertions
                .assertThatThrownBy(
                        () -> users.link(Users.CAROL.actor(), "U0X", null, "carol", Set.of(Role.CODE_REVIEWER)))
                .isInstanceOf(dev.greenlight.web.ForbiddenActionException.class);
    }

    @Test
    void aLinkedReviewerApprovesFromSlackUnderTheWebsRules() {
        fixtures.neuronxWorkspace();
        fixtures.changeset(Users.RITA, "from-slack", "\"@neuronx/core\": patch", "Approved from Slack");
        long release = fixtures.submittedRelease(Users.RITA, "Slack release", "from-slack").id();

        users.link(Users.ADA.actor(), "U0RITA", null, "rita", Set.of(Role.AUTHOR, Role.CODE_REVIEWER));
        signed(body("U0RITA", SlackAction.APPROVE_RELEASE, String.valueOf(release))).statusCode(200)
                .body("done", equalTo(false))
                .body("text", containsString("You created this release"));

        link("U0CARL", null, Users.CARL);
        signed(body("U0CARL", SlackAction.APPROVE_RELEASE, String.valueOf(release))).statusCode(200)
                .body("done", equalTo(true))
                .body("text", containsString("approved the code review of release " + release));
        given().header("Authorization", Users.PETE.bearer())
                .get("/api/v1/releases/" + release + "/approvals")
                .then()
                .body("find { it.requirement.slot == 'code' }.approvals[0].approver", equalTo("carl"))
                .body("find { it.requirement.slot == 'code' }.approvals[0].comment", equalTo("Approved in Slack"));
    }
}

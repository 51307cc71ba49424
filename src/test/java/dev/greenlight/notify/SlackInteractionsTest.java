package dev.greenlight.notify;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;

import dev.greenlight.testsupport.FakeSlack;
import dev.greenlight.testsupport.FakeSlack.Fault;
import dev.greenlight.testsupport.Fixtures;
import dev.greenlight.testsupport.PageSession;
import dev.greenlight.testsupport.SlackTestProfile;
import dev.greenlight.testsupport.Users;

/** POST /slack/interactions as Slack sends it: form-encoded payload, v0 signature, no session, no CSRF token. */
@QuarkusTest
@TestProfile(SlackTestProfile.class)
class SlackInteractionsTest {
    /** The largest body /slack/interactions reads. */
    private static final int BODY_CAP = 64 * 1024;
    private static int counter;

    @Inject
    SlackUsers users;
    @Inject
    Fixtures fixtures;
    @Inject
    EntityManager em;

    @TestHTTPResource(SlackInteractionsRoute.PATH)
    URI interactionsUrl;

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

    /** Links a Slack user to someone who has just signed in (Greenlight knows them and their roles from it). */
    private void link(String slackUserId, String email, Users user) {
        PageSession.signIn(user);
        users.link(Users.ADA.actor(), slackUserId, email, user.username);
    }

    /** Files in the directories uploads could land in: Vert.x's default and Quarkus' own. */
    private static List<Path> uploadedFiles() throws IOException {
        List<Path> files = new java.util.ArrayList<>();
        for (Path dir : List.of(Path.of("file-uploads"), Path.of(System.getProperty("java.io.tmpdir"), "uploads"))) {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> listed = Files.list(dir)) {
                    listed.forEach(files::add);
                }
            }
        }
        return files;
    }

    @Test
    void multipartUploadIsRefusedAndLeavesNoFileBehind() throws IOException {
        List<Path> before = uploadedFiles();
        String ts = now();
        Response response = given().redirects()
                .follow(false)
                .header("X-Slack-Request-Timestamp", ts)
                .header("X-Slack-Signature", sign(SlackTestProfile.SIGNING_SECRET, ts, "payload=x"))
                .multiPart("payload", "x")
                .multiPart("file", "fill-the-disk.bin", new byte[48 * 1024], "application/octet-stream")
                .post("/slack/interactions");
        assertThat(uploadedFiles()).as("files written by the upload").isEqualTo(before);
        response.then().statusCode(415).body("error", equalTo("unsupported_media_type"));
    }

    @Test
    void onlyFormsAreAccepted() {
        String body = body("U0CAROL", SlackAction.APPROVE_RELEASE, "1");
        String ts = now();
        String signature = sign(SlackTestProfile.SIGNING_SECRET, ts, body);
        for (String type : List.of("text/plain", "application/json", "application/octet-stream")) {
            given().contentType(type)
                    .header("X-Slack-Request-Timestamp", ts)
                    .header("X-Slack-Signature", signature)
                    .body(body.getBytes(StandardCharsets.UTF_8))
                    .post("/slack/interactions")
                    .then()
                    .statusCode(415)
                    .body("error", equalTo("unsupported_media_type"));
        }
    }

    @Test
    void bodyAboveTheCapIsRefused() {
        String body = "payload=" + "a".repeat(BODY_CAP);
        String ts = now();
        post(ts, sign(SlackTestProfile.SIGNING_SECRET, ts, body), body).statusCode(413)
                .body("error", equalTo("body_too_large"));
    }

    @Test
    void chunkedBodyAboveTheCapIsRefused() throws IOException {
        // No Content-Length: the route counts the bytes as they arrive
        byte[] chunk = "a".repeat(16 * 1024).getBytes(StandardCharsets.US_ASCII);
        try (Socket socket = new Socket(interactionsUrl.getHost(), interactionsUrl.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + SlackInteractionsRoute.PATH + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n"
                    + "X-Slack-Request-Timestamp: " + now() + "\r\nX-Slack-Signature: v0=" + "0".repeat(64)
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            for (int sent = 0; sent <= BODY_CAP; sent += chunk.length) {
                out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(chunk);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            StringBuilder answer = new StringBuilder();
            byte[] buffer = new byte[4096];
            InputStream in = socket.getInputStream();
            for (int n; !answer.toString().contains("}") && (n = in.read(buffer)) > 0;) {
                answer.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            }
            assertThat(answer.toString()).startsWith("HTTP/1.1 413").contains("body_too_large");
        }
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
                        () -> users.link(Users.CAROL.actor(), "U0X", null, "carol"))
                .isInstanceOf(dev.greenlight.common.ForbiddenActionException.class);
    }

    @Test
    void aLinkedPersonActsWithTheRolesOfTheirTokenAndNoMore() {
        fixtures.neuronxWorkspace();
        fixtures.changeset(Users.BOB, "slack-roles", "\"@neuronx/core\": patch", "Roles from the token");
        long release = fixtures.submittedRelease(Users.BOB, "Slack roles", "slack-roles").id();
        link("U0ALICE", null, Users.ALICE); // an author: the link could once have made her a reviewer
        signed(body("U0ALICE", SlackAction.APPROVE_RELEASE, String.valueOf(release))).statusCode(200)
                .body("done", equalTo(false))
                .body("text", containsString("No open review slot of release " + release + " is yours to fill"));
    }

    @Test
    void aPersonWhoseRolesWereVerifiedTooLongAgoMustSignInAgain() {
        link("U0PETE", null, Users.PETE);
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("update person set verified_at = now() - interval '25 hours'"
                        + " where username = 'pete'").executeUpdate());
        signed(body("U0PETE", SlackAction.APPROVE_RELEASE, "3")).statusCode(200)
                .body("done", equalTo(false))
                .body("text", containsString("sign in to Greenlight, then press the button again"));
    }

    @Test
    void repliesShowWhatTheyQuoteAsText() {
        link("U0SEAN", null, Users.SEAN);
        signed(body("U0SEAN", "<!channel>", "1")).statusCode(200)
                .body("text", containsString("does not know the action &lt;!channel&gt;"))
                .body("text", org.hamcrest.Matchers.not(containsString("<!channel>")));
    }

    @Test
    void aLinkedReviewerApprovesFromSlackUnderTheWebsRules() {
        fixtures.neuronxWorkspace();
        fixtures.changeset(Users.RITA, "from-slack", "\"@neuronx/core\": patch", "Approved from Slack");
        long release = fixtures.submittedRelease(Users.RITA, "Slack release", "from-slack").id();

        link("U0RITA", null, Users.RITA);
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

package dev.greenlight.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import dev.greenlight.audit.AuditEvent;
import dev.greenlight.release.ReleaseService;
import dev.greenlight.release.ReleaseView;
import dev.greenlight.testsupport.FakeSlack;
import dev.greenlight.testsupport.FakeSlack.Fault;
import dev.greenlight.testsupport.Fixtures;
import dev.greenlight.testsupport.PageSession;
import dev.greenlight.testsupport.SlackTestProfile;
import dev.greenlight.testsupport.Users;

/** Release events through the outbox to a fake Slack: routing, Block Kit, chat.update, errors, retries, 429. */
@QuarkusTest
@TestProfile(SlackTestProfile.class)
class SlackRelayTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Notices about a release id no fixture creates, so that they do not mix with the releases of other tests. */
    private static final long NO_RELEASE = 900_000;
    private static int counter;

    @Inject
    Fixtures fixtures;
    @Inject
    ReleaseService releases;
    @Inject
    Outbox outbox;
    @Inject
    OutboxStore store;
    @Inject
    SlackGateway gateway;
    @Inject
    SlackSettings settings;
    @Inject
    Clock clock;

    FakeSlack slack;

    @BeforeEach
    void setUp() {
        slack = FakeSlack.get();
        slack.reset();
        for (int i = 0; i < 5 && gateway.identity().isEmpty(); i++) {
            Thread.onSpinWait(); // the SDK's first call is slower than the test timeout
        }
        QuarkusTransaction.requiringNew().run(() -> {
            OutboxMessage.update("status = ?1 where status = ?2", DeliveryStatus.SKIPPED, DeliveryStatus.PENDING);
        });
        fixtures.neuronxWorkspace();
    }

    private Relay relay(String id) {
        return new Relay(id, store, gateway, settings, clock, outcome -> {
        });
    }

    private int drain() {
        return relay("test-relay").drain(Instant.now().plusSeconds(20));
    }

    private ReleaseView submitted(String title) {
        String cs = "slack-cs-" + (++counter);
        fixtures.changeset(Users.ALICE, cs, "\"@neuronx/core\": minor", "Change " + cs);
        return fixtures.submittedRelease(Users.ALICE, title, cs);
    }

    private static List<OutboxMessage> messages(long releaseId) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxMessage.ofRelease(releaseId));
    }

    @Test
    void reviewRequestIsPostedWithButtonsMentionsAndALinkThenUpdatedWhenCancelled() throws Exception {
        ReleaseView release = submitted("Evidence <capture> & \"quotes\"");
        assertThat(messages(release.id())).singleElement().satisfies(m -> {
            assertThat(m.status).isEqualTo(DeliveryStatus.PENDING);
            assertThat(m.channel).isEqualTo("#release-reviews");
        });
        assertThat(slack.calls("chat.postMessage")).isEmpty(); // nothing leaves inside the transaction

        assertThat(drain()).isEqualTo(1);
        FakeSlack.Call post = slack.calls("chat.postMessage").get(0);
        assertThat(post.channel()).isEqualTo("#release-reviews");
        assertThat(post.text()).contains("Release #" + release.id()).contains("submitted for review by alice");
        JsonNode blocks = JSON.readTree(post.blocks());
        String section = blocks.get(0).path("text").path("text").asText();
        assertThat(section).contains("<http://localhost:8080/releases/" + release.id() + "|Release #" + release.id())
                .contains("Evidence &lt;capture&gt; &amp; \"quotes\"")
                .contains("<!subteam^S0CODE>")
                .contains("@security-reviewer");
        JsonNode actions = blocks.get(blocks.size() - 1);
        assertThat(actions.path("type").asText()).isEqualTo("actions");
        assertThat(actions.path("elements").findValuesAsText("action_id")).containsExactly("release_approve",
                "release_reject", "release_open");
        assertThat(actions.path("elements").get(0).path("value").asText()).isEqualTo(String.valueOf(release.id()));

        releases.cancel(Users.ALICE.actor(), release.id(), "Wrong <plan>");
        assertThat(drain()).isEqualTo(2);
        FakeSlack.Call cancelled = slack.calls("chat.postMessage").get(1);
        assertThat(cancelled.channel()).isEqualTo("#releases");
        assertThat(cancelled.text()).contains("cancelled by alice");
        FakeSlack.Call update = slack.calls("chat.update").get(0);
        assertThat(update.channel()).isEqualTo("#release-reviews");
        assertThat(update.params().get("ts")).isEqualTo(post.ts());
        assertThat(update.blocks()).contains("Cancelled")
                .contains("Wrong &lt;plan&gt;")
                .doesNotContain("release_approve");
        assertThat(messages(release.id())).extracting(m -> m.status).containsOnly(DeliveryStatus.SENT);
        assertThat(messages(release.id())).extracting(m -> m.kind)
                .containsExactly(MessageKind.POST, MessageKind.POST,
                        MessageKind.UPDATE);
    }

    @Test
    void permanentSlackErrorIsDeadLetteredAtOnceAndAnAdminRetriesIt() {
        ReleaseView release = submitted("Lost channel");
        slack.faults(method -> Fault.slackError("channel_not_found"));
        drain();
        OutboxMessage dead = messages(release.id()).get(0);
        assertThat(dead.status).isEqualTo(DeliveryStatus.DEAD);
        assertThat(dead.attempts).isEqualTo(1);
        assertThat(dead.lastError).isEqualTo("channel_not_found");

        PageSession ada = PageSession.signIn(Users.ADA);
        ada.get("/admin/slack")
                .then()
                .statusCode(200)
                .body(org.hamcrest.Matchers.containsString("channel_not_found"))
                .body(org.hamcrest.Matchers.containsString("Connected as <strong>greenlight</strong>"));
        slack.reset();
        ada.submit("/admin/slack", "/admin/slack/messages/" + dead.id + "/retry", Map.of())
                .then()
                .statusCode(303);
        assertThat(messages(release.id()).get(0).status).isEqualTo(DeliveryStatus.PENDING);
        assertThat(QuarkusTransaction.requiringNew()
                .call(() -> AuditEvent.count("action = ?1 and actor = ?2", "slack.message.retried", "ada")))
                .isEqualTo(1);
        drain();
        assertThat(messages(release.id()).get(0).status).isEqualTo(DeliveryStatus.SENT);
        assertThat(slack.calls("chat.postMessage")).hasSize(1);
    }

    @Test
    void serverErrorsAreRetriedWithBackoffAndGiveUpAfterTheAttemptLimit() {
        ReleaseView flaky = submitted("Flaky");
        AtomicInteger calls = new AtomicInteger();
        slack.faults(method -> calls.incrementAndGet() <= 3 ? Fault.serverError() : Fault.ok());
        drain();
        OutboxMessage sent = messages(flaky.id()).get(0);
        assertThat(sent.status).isEqualTo(DeliveryStatus.SENT);
        assertThat(sent.attempts).isEqualTo(4);
        List<FakeSlack.Call> posts = slack.calls("chat.postMessage");
        assertThat(posts).extracting(FakeSlack.Call::status).containsExactly(500, 500, 500, 200);
        // backoff grows: half of 20, 40, 80 ms at least between attempts
        assertThat(posts.get(3).receivedNanos() - posts.get(2).receivedNanos())
                .isGreaterThanOrEqualTo(Duration.ofMillis(40).toNanos());

        slack.reset();
        ReleaseView broken = submitted("Broken");
        slack.faults(method -> Fault.serverError());
        drain();
        OutboxMessage dead = messages(broken.id()).get(0);
        assertThat(dead.status).isEqualTo(DeliveryStatus.DEAD);
        assertThat(dead.attempts).isEqualTo(6);
        assertThat(dead.lastError).startsWith("HTTP 500");
    }

    @Test
    void rateLimitHonoursRetryAfterWithoutUsingAnAttempt() {
        ReleaseView release = submitted("Rate limited");
        AtomicInteger calls = new AtomicInteger();
        slack.faults(method -> calls.incrementAndGet() == 1 ? Fault.rateLimited(1) : Fault.ok());
        drain();
        List<FakeSlack.Call> posts = slack.calls("chat.postMessage");
        assertThat(posts).extracting(FakeSlack.Call::status).containsExactly(429, 200);
        assertThat(Duration.ofNanos(posts.get(1).receivedNanos() - posts.get(0).receivedNanos()))
                .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        OutboxMessage sent = messages(release.id()).get(0);
        assertThat(sent.status).isEqualTo(DeliveryStatus.SENT);
        assertThat(sent.attempts).isEqualTo(1);
        assertThat(sent.rateLimited).isEqualTo(1);
    }

    @Test
    void aTimeoutIsRetriedAndCountedAsAPossibleDuplicate() {
        ReleaseView release = submitted("Slow Slack");
        AtomicInteger calls = new AtomicInteger();
        slack.faults(method -> calls.incrementAndGet() == 1 ? Fault.slow(800) : Fault.ok());
        drain();
        OutboxMessage sent = messages(release.id()).get(0);
        assertThat(sent.status).isEqualTo(DeliveryStatus.SENT);
        assertThat(sent.attempts).isEqualTo(2);
        assertThat(sent.possibleDuplicates).isEqualTo(1);
        // Slack posted it on the first, timed-out call too: the duplicate the counter warns of
        assertThat(slack.postsByOutboxId()).containsEntry(sent.id, 2L);
    }

    @Test
    void laterMessagesOfAReleaseWaitForAnEarlierOneThatIsRetrying() {
        ReleaseView release = submitted("In order");
        releases.cancel(Users.ALICE.actor(), release.id(), null); // a POST to #releases and an UPDATE, queued after
        AtomicInteger reviewCalls = new AtomicInteger();
        slack.faults(method -> method.equals("chat.postMessage") && reviewCalls.incrementAndGet() <= 4
                ? Fault.serverError()
                : Fault.ok());
        drain();
        List<FakeSlack.Call> calls = slack.calls();
        assertThat(calls).extracting(FakeSlack.Call::status).startsWith(500, 500, 500, 500, 200);
        assertThat(calls.get(4).channel()).isEqualTo("#release-reviews");
        assertThat(calls.subList(5, calls.size())).extracting(FakeSlack.Call::method)
                .containsExactly("chat.postMessage", "chat.update");
        assertThat(messages(release.id())).extracting(m -> m.status).containsOnly(DeliveryStatus.SENT);
    }

    @Test
    void aRelayStoppedBetweenClaimAndSendGivesItsClaimsBackAndAnotherRelaySendsThem() {
        QuarkusTransaction.requiringNew().run(() -> {
            outbox.enqueue(new Notice.GateFailed(90_001, "One", "coverage", "Coverage 71% < 85%", "ci"));
            outbox.enqueue(new Notice.EmergencyRequested(7, 90_002, "Two", "service outage", "Down", "max"));
        });
        Relay stopping = relay("stopping-relay");
        stopping.stop();

        assertThat(stopping.runOnce()).as("nothing sent by a stopped relay").isZero();
        assertThat(slack.calls("chat.postMessage")).isEmpty();
        assertThat(drain()).as("the claims were given back at once, not held until their leases expire")
                .isEqualTo(2);
        assertThat(slack.calls("chat.postMessage")).extracting(FakeSlack.Call::channel)
                .containsExactlyInAnyOrder("#gates", "#release-leaders");
    }

    @Test
    void noticesFromOtherFeaturesUseTheirTemplatesAndChannelsAndDeduplicate() throws Exception {
        Instant due = Instant.parse("2026-03-01T12:00:00Z");
        QuarkusTransaction.requiringNew().run(() -> {
            outbox.enqueue(new Notice.GateFailed(NO_RELEASE, "Seven", "coverage", "Coverage 71% < 85%", "ci"));
            outbox.enqueue(new Notice.EmergencyRequested(3, NO_RELEASE, "Seven", "security vulnerability", "CVE-2026-1",
                    "max"));
            outbox.enqueue(new Notice.EmergencyAssessed(3, NO_RELEASE, "Seven", "sean", "Exploitable remotely"));
            outbox.enqueue(new Notice.EmergencyDecided(3, NO_RELEASE, "Seven", false, "leah", "Patch instead"));
            outbox.enqueue(new Notice.PostMortemDueSoon(5, NO_RELEASE, "Seven", due, List.of("max")));
            outbox.enqueue(new Notice.PostMortemDueSoon(5, NO_RELEASE, "Seven", due, List.of("max")));
            for (int n = 1; n <= 3; n++) {
                outbox.enqueue(new Notice.PostMortemOverdue(5, NO_RELEASE, "Seven", due, n, List.of("max")));
            }
            outbox.enqueue(new Notice.PostMortemOverdue(5, NO_RELEASE, "Seven", due, 1, List.of("max")));
        });
        drain();
        List<FakeSlack.Call> posts = slack.calls("chat.postMessage");
        assertThat(posts).extracting(FakeSlack.Call::channel)
                .containsExactly("#gates", "#release-leaders", "#security", "#release-leaders", "#post-mortems",
                        "#release-leaders", "#release-leaders", "#release-leaders");
        assertThat(posts.get(0).blocks()).contains("Coverage 71% &lt; 85%");
        assertThat(posts.get(1).text()).startsWith("URGENT");
        assertThat(posts.get(1).blocks()).contains("<!subteam^S0LEADS>");
        assertThat(posts.get(3).text()).contains("denied by leah");
        assertThat(posts.get(7).text()).contains("escalation 3");
        for (FakeSlack.Call post : posts) {
            assertThat(JSON.readTree(post.blocks()).isArray()).isTrue();
        }
    }

    @Test
    void userTextInEveryNoticeReachesSlackEscapedSoThatItCannotMentionOrLink() throws Exception {
        String hostile = "<!channel> & <https://evil.example/login|Sign in again>";
        String escaped = "&lt;!channel&gt; &amp; &lt;https://evil.example/login|Sign in again&gt;";
        Instant due = Instant.parse("2026-03-01T12:00:00Z");
        QuarkusTransaction.requiringNew().run(() -> {
            outbox.enqueue(new Notice.GateFailed(NO_RELEASE, hostile, hostile, hostile, hostile));
            outbox.enqueue(new Notice.CheckFailed(NO_RELEASE, hostile, hostile, hostile, hostile));
            outbox.enqueue(new Notice.RollbackCompleted(4, NO_RELEASE, hostile, List.of(hostile), hostile));
            outbox.enqueue(new Notice.EmergencyRequested(6, NO_RELEASE, hostile, hostile, hostile, hostile));
            outbox.enqueue(new Notice.EmergencyAssessed(6, NO_RELEASE, hostile, hostile, hostile));
            outbox.enqueue(new Notice.EmergencyDecided(6, NO_RELEASE, hostile, true, hostile, hostile));
            outbox.enqueue(new Notice.PostMortemDueSoon(7, NO_RELEASE, hostile, due, List.of(hostile, "max")));
            outbox.enqueue(new Notice.PostMortemOverdue(7, NO_RELEASE, hostile, due, 1, List.of(hostile)));
        });
        drain();
        List<FakeSlack.Call> posts = slack.calls("chat.postMessage");
        assertThat(posts).hasSize(8);
        for (FakeSlack.Call post : posts) {
            String shown = post.text() + "\n" + mrkdwn(JSON.readTree(post.blocks()));
            assertThat(shown).as(post.text())
                    .doesNotContain("<!channel>")
                    .doesNotContain("<https://evil")
                    .contains(escaped);
        }
        // Greenlight's own markup stays markup: the link to the release, the leaders' mention
        assertThat(posts.get(3).blocks()).contains("<http://localhost:8080/releases/" + NO_RELEASE + "|Release #")
                .contains("<!subteam^S0LEADS>");
        assertThat(posts.get(6).blocks()).contains("Owners: " + escaped + " max");
    }

    /** Every mrkdwn and plain text of the blocks, as Slack would read them. */
    private static String mrkdwn(JsonNode blocks) {
        StringBuilder all = new StringBuilder();
        blocks.findValues("text")
                .forEach(
                        text -> all.append(text.isTextual() ? text.asText() : text.path("text").asText()).append('\n'));
        return all.toString();
    }
}

package dev.greenlight.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.greenlight.testsupport.FakeSlack;

/**
 * Scheduled work with several packaged instances on one database: every instance runs the Slack outbox relay, and
 * each message still reaches Slack once, in order per release; an instance killed mid-work loses nothing, its leased
 * messages are taken over by the others once they come back. Both run the post-mortem reminder job, and each reminder and escalation is
 * made once.
 */
@ExtendWith(E2eStack.class)
class ScheduledWorkIT {
    private static final Logger LOG = Logger.getLogger(ScheduledWorkIT.class);
    private static final Pattern SENT = Pattern.compile(
            "^greenlight_slack_deliveries_total\\{[^}]*outcome=\"sent\"[^}]*} ([0-9.E]+)$", Pattern.MULTILINE);
    private static final Duration DELIVERY_DEADLINE = Duration.ofMinutes(2);

    @Test
    void twoInstancesDeliverEveryMessageOnceAndAKilledThirdLosesNothing() throws Exception {
        GreenlightProcess a = E2eStack.instanceA();
        GreenlightProcess b = E2eStack.instanceB();
        FakeSlack slack = E2eStack.slack();
        CiApi.publishNeuronxPackages(a);
        String author = E2eStack.keycloak().passwordToken("alice");
        String ci = CiApi.token();

        // With A and B up: every message once, and the instances' own counters add up to the messages sent
        awaitNothingPending();
        long sentBeforeByA = sent(a);
        long sentBeforeByB = sent(b);
        slack.faults(method -> FakeSlack.Fault.slow(20));
        List<Long> first = releasesWithFailedGates(List.of(a, b), author, ci, "both", 4, 6);
        awaitNothingPending();
        Map<Long, Long> posts = slack.postsByOutboxId();
        List<Long> delivered = sentIds(first);
        assertThat(delivered).as("messages about the first releases").hasSizeGreaterThanOrEqualTo(4 * 7);
        assertThat(delivered).allSatisfy(id -> assertThat(posts.get(id)).as("posts of message " + id).isEqualTo(1L));
        long sentByA = sent(a) - sentBeforeByA;
        long sentByB = sent(b) - sentBeforeByB;
        assertThat(sentByA + sentByB).as("calls counted by A and B").isEqualTo(slackCallsFor(first));
        LOG.infof("Two instances: %d new messages, %d calls to Slack by A and %d by B", delivered.size(), sentByA,
                sentByB);
        assertInOrderPerRelease(first);

        // A and B stall (frozen: a relay that finishes a send claims the channel's next message first, so a third
        // instance could otherwise go without work); C joins, takes the work and is killed while it holds leases
        pauseWhileIdle(a, b);
        Set<Long> heldByC;
        List<Long> second;
        try {
            GreenlightProcess c = E2eStack.startInstance("c");
            slack.faults(method -> FakeSlack.Fault.slow(150));
            second = releasesWithFailedGates(List.of(c), author, ci, "crash", 4, 6);
            awaitLeasesOf(c);
            c.kill();
            heldByC = leasesOf(c);
            LOG.infof("Killed instance c while it held messages %s", heldByC);
        } finally {
            a.resume();
            b.resume();
        }
        slack.faults(method -> FakeSlack.Fault.ok());

        awaitNothingPending();
        Map<Long, Long> after = slack.postsByOutboxId();
        List<Long> secondDelivered = sentIds(second);
        assertThat(secondDelivered).as("messages about the releases made while c ran")
                .hasSizeGreaterThanOrEqualTo(4 * 7);
        assertThat(secondDelivered).as("every message reached Slack")
                .allSatisfy(id -> assertThat(after)
                        .containsKey(id));
        List<Long> twice = secondDelivered.stream().filter(id -> after.get(id) > 1).toList();
        LOG.infof("After the crash: %d messages delivered, %d twice (%s), c held %s", secondDelivered.size(),
                twice.size(), twice, heldByC);
        assertThat(heldByC).as("messages posted twice were in c's hands when it died").containsAll(twice);
        assertThat(deadOrPending()).as("messages dead or still pending").isZero();
        assertInOrderPerRelease(second);
    }

    @Test
    void postMortemRemindersAndEscalationsAreMadeOnceWithTwoInstancesRunningTheJob() throws Exception {
        GreenlightProcess a = E2eStack.instanceA();
        GreenlightProcess b = E2eStack.instanceB();
        CiApi.publishNeuronxPackages(a);
        String author = E2eStack.keycloak().passwordToken("alice");
        String leader = E2eStack.keycloak().passwordToken("leah");
        List<Long> releases = releasesWithFailedGates(List.of(a, b), author, CiApi.token(), "reminder", 3, 0);
        List<Long> postmortems = new ArrayList<>();
        for (int i = 0; i < releases.size(); i++) {
            GreenlightProcess app = i % 2 == 0 ? a : b;
            HttpResponse<String> incident = expect(CiApi.call(app, "POST", "/api/v1/incidents", leader,
                    "{\"title\":\"Reminder incident " + i + "\",\"severity\":\"SEV3\",\"status\":\"OPEN\","
                            + "\"security\":false,\"startedAt\":\"2026-11-27T08:00:00Z\",\"affectedServices\":[\"api\"],"
                            + "\"releaseIds\":[" + releases.get(i) + "]}"),
                    201);
            long incidentId = Http.json(incident.body()).get("id").asLong();
            HttpResponse<String> started = expect(CiApi.call(app, "POST", "/api/v1/incidents/" + incidentId
                    + "/postmortem", leader, "{\"owner\":\"alice\"}"), 201);
            postmortems.add(Http.json(started.body()).get("id").asLong());
        }

        // Due 4 s after creation (E2eStack): reminded at once, escalated once when due, the next escalation in an hour
        String ids = join(postmortems);
        Instant deadline = Instant.now().plus(DELIVERY_DEADLINE);
        while (count("select count(*) from audit_event where action = 'postmortem.escalated' and entity_id in ("
                + quoted(postmortems) + ")") < postmortems.size()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Post-mortems " + ids + " were not escalated in time");
            }
            Thread.sleep(200);
        }
        Thread.sleep(3_000); // several more runs of the job on both instances
        for (long id : postmortems) {
            String entity = "entity_type = 'postmortem' and entity_id = '" + id + "'";
            assertThat(count("select count(*) from audit_event where action = 'postmortem.due-soon-reminded' and "
                    + entity)).as("due-soon reminders of post-mortem " + id).isEqualTo(1);
            assertThat(count("select count(*) from audit_event where action = 'postmortem.escalated' and " + entity))
                    .as("escalations of post-mortem " + id)
                    .isEqualTo(1);
            assertThat(count("select count(*) from outbox_message where dedupe_key like 'post-mortem:" + id + ":%'"))
                    .as("Slack messages about post-mortem " + id)
                    .isEqualTo(2);
        }
        awaitNothingPending();
        Map<Long, Long> posts = E2eStack.slack().postsByOutboxId();
        assertThat(ids("select id from outbox_message where dedupe_key similar to 'post-mortem:(" + String.join("|",
                postmortems.stream().map(String::valueOf).toList()) + "):%'"))
                .as("reminders and escalations posted to Slack once each")
                .hasSize(2 * postmortems.size())
                .allSatisfy(id -> assertThat(posts.get(id)).isEqualTo(1L));
    }

    /** Creates {@code count} releases and reports {@code failures} failed coverage gates on each. */
    private static List<Long> releasesWithFailedGates(List<GreenlightProcess> apps, String author, String ci,
            String prefix, int count, int failures) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            GreenlightProcess app = apps.get(i % apps.size());
            String slug = prefix + "-" + i;
            expect(CiApi.call(app, "POST", "/api/v1/changesets", author,
                    "{\"files\":[{\"name\":\"" + slug + ".md\",\"content\":\"---\\n\\\"@neuronx/sdk\\\": patch\\n---"
                            + "\\n\\nFix " + slug + "\\n\"}]}"),
                    201);
            HttpResponse<String> created = expect(CiApi.call(app, "POST", "/api/v1/releases", author,
                    "{\"title\":\"Relay " + slug + "\",\"changesets\":[\"" + slug + "\"]}"), 201);
            long id = Http.json(created.body()).get("id").asLong();
            ids.add(id);
            expect(CiApi.call(app, "POST", "/api/v1/releases/" + id + "/submit", author, "{}"), 200);
        }
        for (int round = 0; round < failures; round++) {
            for (int i = 0; i < ids.size(); i++) {
                GreenlightProcess app = apps.get((i + round) % apps.size());
                expect(CiApi.call(app, "POST", "/api/v1/releases/" + ids.get(i) + "/gates/coverage", ci,
                        "{\"value\":" + (40 + round) + "}"), 201);
            }
        }
        return ids;
    }

    private static HttpResponse<String> expect(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.uri() + ": " + response.body()).isEqualTo(status);
        return response;
    }

    /** The relay's "sent" counter of one instance, from its Prometheus endpoint. */
    private static long sent(GreenlightProcess app) {
        HttpResponse<String> metrics = Http.send(HttpRequest.newBuilder(URI.create(app.managementUrl()
                + "/q/metrics")).timeout(Duration.ofSeconds(10)).build());
        Matcher matcher = SENT.matcher(metrics.body());
        return matcher.find() ? (long) Double.parseDouble(matcher.group(1)) : 0;
    }

    /** Freezes the instances at a moment none of them is inside a transaction, so that they block nobody. */
    private static void pauseWhileIdle(GreenlightProcess... apps) throws SQLException, InterruptedException {
        for (int attempt = 0; attempt < 100; attempt++) {
            for (GreenlightProcess app : apps) {
                app.pause();
            }
            if (count("select count(*) from pg_stat_activity where datname = current_database()"
                    + " and state like 'idle in transaction%' and pid <> pg_backend_pid()") == 0) {
                return;
            }
            for (GreenlightProcess app : apps) {
                app.resume();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("The instances never paused outside a transaction");
    }

    private static void awaitLeasesOf(GreenlightProcess app) throws SQLException, InterruptedException {
        Instant deadline = Instant.now().plus(DELIVERY_DEADLINE);
        while (leasesOf(app).isEmpty()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Instance " + app.name() + " never claimed a message");
            }
            Thread.sleep(20);
        }
    }

    /** Messages the instance's relay holds (its id starts with the process id, see RelayScheduler). */
    private static Set<Long> leasesOf(GreenlightProcess app) throws SQLException {
        return ids("select id from outbox_message where status = 'PENDING' and leased_by like '" + app.pid() + "@%'");
    }

    private static void awaitNothingPending() throws SQLException, InterruptedException {
        Instant deadline = Instant.now().plus(DELIVERY_DEADLINE);
        while (count("select count(*) from outbox_message where status = 'PENDING'") > 0) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Messages still pending after " + DELIVERY_DEADLINE);
            }
            Thread.sleep(200);
        }
    }

    private static List<Long> sentIds(List<Long> releases) throws SQLException {
        return List.copyOf(new TreeSet<>(ids(
                "select id from outbox_message where status = 'SENT' and kind = 'POST' and release_id in ("
                        + join(releases) + ")")));
    }

    /** chat.postMessage and chat.update calls the relays made for these releases' messages. */
    private static long slackCallsFor(List<Long> releases) throws SQLException {
        return count("select count(*) from outbox_message where status = 'SENT' and release_id in (" + join(releases)
                + ")");
    }

    private static long deadOrPending() throws SQLException {
        return count("select count(*) from outbox_message where status in ('DEAD', 'PENDING')");
    }

    /** Per release, Slack saw its messages first in the order they were written. */
    private static void assertInOrderPerRelease(List<Long> releases) throws SQLException {
        Map<Long, Long> releaseOf = new HashMap<>();
        try (Connection connection = E2eStack.connect();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("select id, release_id from outbox_message where release_id in ("
                        + join(releases) + ")")) {
            while (rs.next()) {
                releaseOf.put(rs.getLong(1), rs.getLong(2));
            }
        }
        Map<Long, Long> lastSeen = new HashMap<>();
        Set<Long> seen = new HashSet<>();
        for (FakeSlack.Call call : E2eStack.slack().calls("chat.postMessage")) {
            Long id = call.outboxId();
            if (id == null || !call.delivered() || !releaseOf.containsKey(id) || !seen.add(id)) {
                continue;
            }
            Long previous = lastSeen.put(releaseOf.get(id), id);
            assertThat(previous == null || previous < id).as("message %d after %d of release %d", id, previous,
                    releaseOf.get(id)).isTrue();
        }
    }

    private static String quoted(List<Long> ids) {
        return String.join(",", ids.stream().map(id -> "'" + id + "'").toList());
    }

    private static String join(List<Long> ids) {
        return String.join(",", ids.stream().map(String::valueOf).toList());
    }

    private static Set<Long> ids(String sql) throws SQLException {
        Set<Long> ids = new HashSet<>();
        try (Connection connection = E2eStack.connect();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }

    private static long count(String sql) throws SQLException {
        try (Connection connection = E2eStack.connect();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}

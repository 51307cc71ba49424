package dev.greenlight.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import dev.greenlight.testsupport.FakeSlack;
import dev.greenlight.testsupport.FakeSlack.Fault;
import dev.greenlight.testsupport.SlackTestProfile;

/**
 * The relay against a misbehaving Slack: 1,000 events through 500s, 429s, timeouts, a graceful stop and a crash; two
 * relays on one database. Figures are logged ("Slack fault figures") for the report.
 */
@QuarkusTest
@TestProfile(SlackTestProfile.class)
class SlackFaultTest {
    private static final Logger LOG = Logger.getLogger(SlackFaultTest.class);
    private static final Duration PACE = Duration.ofMillis(10);

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
        QuarkusTransaction.requiringNew().run(() -> OutboxMessage.deleteAll());
        // the SDK's first call loads and initialises a lot (longer than a test timeout): keep it out of the leases
        for (int i = 0; i < 5 && gateway.identity().isEmpty(); i++) {
            Thread.onSpinWait();
        }
    }

    private Relay relay(String id) {
        return new Relay(id, store, gateway, settings, clock, outcome -> {
        });
    }

    /** {@code releases} × {@code perRelease} notices over four channels, enqueued round by round. */
    private Map<Long, Long> enqueue(int releases, int perRelease, long firstRelease) {
        Instant due = Instant.parse("2026-03-01T12:00:00Z");
        for (int round = 0; round < perRelease; round++) {
            int r0 = round;
            QuarkusTransaction.requiringNew().run(() -> {
                for (int r = 0; r < releases; r++) {
                    long release = firstRelease + r;
                    long n = release * 100 + r0;
                    outbox.enqueue(switch ((r + r0) % 4) {
                        case 0 -> new Notice.GateFailed(release, "R" + release, "gate-" + r0, "detail", "ci");
                        case 1 -> new Notice.EmergencyRequested(n, release, "R" + release, "service outage", "why",
                                "max");
                        case 2 -> new Notice.EmergencyAssessed(n, release, "R" + release, "sean", "assessed");
                        default -> new Notice.PostMortemDueSoon(n, release, "R" + release, due, List.of("max"));
                    });
                }
            });
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<Long, Long> releaseOf = new HashMap<>();
            OutboxMessage.<OutboxMessage>listAll().forEach(m -> releaseOf.put(m.id, m.releaseId));
            return releaseOf;
        });
    }

    private static Map<DeliveryStatus, Long> statuses() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<DeliveryStatus, Long> counts = new LinkedHashMap<>();
            OutboxMessage.<OutboxMessage>listAll().forEach(m -> counts.merge(m.status, 1L, Long::sum));
            return counts;
        });
    }

    private static long possibleDuplicates() {
        return QuarkusTransaction.requiringNew()
                .call(() -> OutboxMessage.<OutboxMessage>listAll().stream().mapToLong(m -> m.possibleDuplicates).sum());
    }

    /** For each release, the first delivery of each message arrived in the order the messages were enqueued. */
    private void assertOrderPerRelease(Map<Long, Long> releaseOf) {
        Map<Long, Long> firstArrival = new HashMap<>();
        slack.calls("chat.postMessage")
                .stream()
                .filter(c -> c.delivered() && c.outboxId() != null)
                .forEach(c -> firstArrival.putIfAbsent(c.outboxId(), c.receivedNanos()));
        Map<Long, List<Long>> byRelease = new HashMap<>();
        releaseOf.forEach((id, release) -> byRelease.computeIfAbsent(release, r -> new ArrayList<>()).add(id));
        for (List<Long> ids : byRelease.values()) {
            List<Long> byTime = ids.stream().sorted(Comparator.comparing(firstArrival::get)).toList();
            assertThat(byTime).as("messages of one release in order").isSorted();
        }
    }

    @Test
    void thousandEventsThroughFaultsAndRestartsAreAllDeliveredInOrderAndPaced() throws Exception {
        Map<Long, Long> releaseOf = enqueue(100, 10, 10_000);
        assertThat(releaseOf).hasSize(1000);
        AtomicInteger call = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger limited = new AtomicInteger();
        AtomicInteger slow = new AtomicInteger();
        slack.faults(method -> {
            int n = call.incrementAndGet();
            if (n % 13 == 0) {
                errors.incrementAndGet();
                return Fault.serverError();
            }
            if (n % 301 == 0) {
                limited.incrementAndGet();
                return Fault.rateLimited(1);
            }
            if (n % 97 == 0) {
                slow.incrementAndGet();
                return Fault.slow(700); // longer than the 500 ms timeout: Slack posts it, the relay never hears
            }
            return Fault.ok();
        });
        long started = System.nanoTime();

        // relay 1 is stopped (a restart) after about 300 messages, in the middle of a batch
        Relay first = relay("relay-1");
        ExecutorService executor = Executors.newSingleThreadExecutor();
        Future<Integer> firstRun = executor.submit(() -> first.drain(Instant.now().plusSeconds(60)));
        while (slack.postsByOutboxId().size() < 300 && !firstRun.isDone()) {
            Thread.sleep(5);
        }
        first.stop();
        int firstSends = firstRun.get();
        executor.shutdown();

        // a relay crashes: it claimed a batch and posted half of it, but recorded nothing
        Relay crashed = relay("relay-crashed");
        // every channel may be waiting out a pace gap or a 429's Retry-After right now: claim once one is free
        List<Claim> claims = store.claim("relay-crashed", 20);
        Instant claimDeadline = Instant.now().plusSeconds(10);
        while (claims.isEmpty() && Instant.now().isBefore(claimDeadline)) {
            Thread.sleep(10);
            claims = store.claim("relay-crashed", 20);
        }
        assertThat(claims).isNotEmpty();
        for (int i = 0; i < claims.size(); i += 2) {
            crashed.deliver(claims.get(i));
        }

        // relay 2 takes over everything, the crashed relay's messages once its leases expire
        int secondSends = relay("relay-2").drain(Instant.now().plusSeconds(90));
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

        assertThat(statuses()).containsOnlyKeys(DeliveryStatus.SENT).containsEntry(DeliveryStatus.SENT, 1000L);
        Map<Long, Long> posts = slack.postsByOutboxId();
        assertThat(posts.keySet()).as("every event reached Slack")
                .containsExactlyInAnyOrderElementsOf(
                        releaseOf.keySet());
        long duplicates = posts.values().stream().mapToLong(count -> count - 1).sum();
        long flagged = possibleDuplicates();
        assertThat(flagged).as("every duplicate was counted as possible").isGreaterThanOrEqualTo(duplicates);
        assertThat(duplicates).as("the timeouts and the crash made some").isPositive();
        assertOrderPerRelease(releaseOf);
        Duration gap = slack.shortestGapPerChannel();
        assertThat(gap).as("pace per channel").isGreaterThanOrEqualTo(PACE);

        LOG.infof("Slack fault figures: %d events, %d calls to Slack (%d HTTP 500, %d HTTP 429, %d timeouts), "
                + "relay-1 sent %d before its stop, crashed relay posted %d of %d claimed unrecorded, relay-2 sent %d; "
                + "lost 0, duplicates in Slack %d, flagged as possible duplicates %d; shortest gap per channel %d ms "
                + "(pace %d ms); %d ms in all", releaseOf.size(), call.get(), errors.get(), limited.get(), slow.get(),
                firstSends, (claims.size() + 1) / 2, claims.size(), secondSends, duplicates, flagged, gap.toMillis(),
                PACE.toMillis(), elapsed.toMillis());
    }

    @Test
    void twoRelaysOnOneDatabaseNeverSendAMessageTwice() throws Exception {
        Map<Long, Long> releaseOf = enqueue(40, 10, 20_000);
        AtomicInteger call = new AtomicInteger();
        slack.faults(method -> call.incrementAndGet() % 9 == 0 ? Fault.serverError() : Fault.ok());
        long started = System.nanoTime();
        ExecutorService executor = Executors.newFixedThreadPool(2);
        Instant deadline = Instant.now().plusSeconds(60);
        Future<Integer> a = executor.submit(() -> relay("relay-a").drain(deadline));
        Future<Integer> b = executor.submit(() -> relay("relay-b").drain(deadline));
        int sendsA = a.get();
        int sendsB = b.get();
        executor.shutdown();
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

        assertThat(statuses()).containsOnlyKeys(DeliveryStatus.SENT);
        Map<Long, Long> posts = slack.postsByOutboxId();
        assertThat(posts.keySet()).containsExactlyInAnyOrderElementsOf(releaseOf.keySet());
        // two relays never own one message: a message reaches Slack twice only when a send timed out (the machine
        // was slower than the 500 ms test timeout), and then it is flagged
        Map<Long, Integer> flagged = QuarkusTransaction.requiringNew().call(() -> {
            Map<Long, Integer> possible = new HashMap<>();
            OutboxMessage.<OutboxMessage>listAll().forEach(m -> possible.put(m.id, m.possibleDuplicates));
            return possible;
        });
        long duplicates = 0;
        for (Map.Entry<Long, Long> post : posts.entrySet()) {
            if (post.getValue() > 1) {
                duplicates += post.getValue() - 1;
                assertThat(flagged.get(post.getKey())).as("message %d posted twice", post.getKey())
                        .isGreaterThanOrEqualTo((int) (post.getValue() - 1));
            }
        }
        assertThat(sendsA + sendsB).isEqualTo(call.get());
        assertOrderPerRelease(releaseOf);
        Duration gap = slack.shortestGapPerChannel();
        assertThat(gap).isGreaterThanOrEqualTo(PACE);
        LOG.infof("Slack two-relay figures: %d events, %d calls (%d HTTP 500); relay-a made %d, relay-b %d; "
                + "duplicates %d (all after a timeout); shortest gap per channel %d ms; %d ms in all",
                releaseOf.size(), call.get(), call.get() / 9, sendsA, sendsB, duplicates, gap.toMillis(),
                elapsed.toMillis());
    }
}

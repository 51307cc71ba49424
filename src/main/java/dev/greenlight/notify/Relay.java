package dev.greenlight.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.jboss.logging.Logger;

/**
 * Delivers the outbox: claims messages in a short transaction, sends each through {@link SlackGateway} outside any
 * transaction, then records the outcome in another short transaction. Several relays (threads or instances) may run
 * against one database; {@link OutboxStore} keeps them from sending a message twice. A relay that stops mid-batch
 * loses nothing: its leases expire and the messages are claimed again (at least once).
 */
final class Relay {
    private static final Logger LOG = Logger.getLogger(Relay.class);
    private static final Duration MAX_IDLE_WAIT = Duration.ofMillis(100);

    private final String id;
    private final OutboxStore store;
    private final SlackGateway slack;
    private final SlackSettings settings;
    private final Clock clock;
    private final Consumer<Delivery> outcomes;
    private final ExecutorService senders;
    private volatile boolean stopped;

    /** {@code outcomes} sees every call's outcome (metrics). */
    Relay(String id, OutboxStore store, SlackGateway slack, SlackSettings settings, Clock clock,
            Consumer<Delivery> outcomes) {
        this.id = id;
        this.outcomes = outcomes;
        this.store = store;
        this.slack = slack;
        this.settings = settings;
        this.clock = clock;
        AtomicInteger threads = new AtomicInteger();
        this.senders = Executors.newFixedThreadPool(Math.max(1, Math.min(settings.relay().batchSize(), 8)), task -> {
            Thread thread = new Thread(task, "slack-relay-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    String id() {
        return id;
    }

    /** Stops after the sends in progress; claimed messages not yet sent are given back. */
    void stop() {
        stopped = true;
        senders.shutdown();
    }

    /**
     * One round: claims what is free to send now (at most one message per channel) and sends the messages in
     * parallel, so that a slow channel does not hold the others. Returns how many messages it sent.
     */
    int runOnce() {
        List<Claim> claims = store.claim(id, settings.relay().batchSize());
        if (claims.size() == 1) {
            return send(claims.get(0)) ? 1 : 0;
        }
        List<CompletableFuture<Boolean>> sends = claims.stream()
                .map(this::sendAsync)
                .toList();
        int handled = 0;
        for (CompletableFuture<Boolean> send : sends) {
            handled += send.join() ? 1 : 0;
        }
        return handled;
    }

    private CompletableFuture<Boolean> sendAsync(Claim claim) {
        try {
            return CompletableFuture.supplyAsync(() -> send(claim), senders);
        } catch (RejectedExecutionException stopping) {
            // stop() came between the claim and the send: give the message back, as send() would
            store.release(id, claim);
            return CompletableFuture.completedFuture(false);
        }
    }

    private boolean send(Claim claim) {
        if (stopped || clock.instant().plus(settings.relay().httpTimeout()).isAfter(claim.leaseUntil())) {
            store.release(id, claim); // too late to send safely under this lease: leave it for the next round
            return false;
        }
        Delivery outcome = deliver(claim);
        LOG.debugf("Relay %s: message %d to %s: %s", id, claim.id(), claim.channel(), outcome);
        store.complete(id, claim, outcome);
        outcomes.accept(outcome);
        return true;
    }

    /** Sends one claimed message; never throws. */
    Delivery deliver(Claim claim) {
        try {
            if (claim.kind() == MessageKind.UPDATE) {
                return claim.updateTs() == null
                        ? new Delivery.Skipped("the first message about " + claim.orderingKey() + " was never posted")
                        : slack.update(claim.channel(), claim.updateTs(), claim.payload(), claim.id());
            }
            return slack.post(claim.channel(), claim.payload(), claim.id());
        } catch (RuntimeException e) {
            LOG.errorf(e, "Sending Slack message %d failed", claim.id());
            return new Delivery.Failed(e.toString(), false, true);
        }
    }

    /**
     * Keeps delivering until nothing is pending, or the next pending message is due after {@code deadline}, or the
     * relay is stopped. Returns how many sends it made.
     */
    int drain(Instant deadline) {
        int total = 0;
        while (!stopped && clock.instant().isBefore(deadline)) {
            int handled = runOnce();
            total += handled;
            if (handled > 0) {
                continue;
            }
            Optional<Instant> next = store.nextDue();
            if (next.isEmpty() || next.get().isAfter(deadline)) {
                break;
            }
            Duration wait = Duration.between(clock.instant(), next.get());
            sleep(wait.isNegative() || wait.isZero()
                    ? Duration.ofMillis(2)
                    : wait.compareTo(MAX_IDLE_WAIT) > 0 ? MAX_IDLE_WAIT : wait);
        }
        return total;
    }

    private void sleep(Duration duration) {
        try {
            Thread.sleep(Math.max(1, duration.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = true;
        }
    }
}

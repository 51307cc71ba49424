package dev.greenlight.notify;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;

/** Runs this instance's relay every {@code greenlight.slack.relay.interval}; every instance may run one. */
@ApplicationScoped
class RelayScheduler {
    private final Relay relay;
    private final SlackSettings settings;
    private final Clock clock;

    @Inject
    RelayScheduler(OutboxStore store, SlackGateway slack, SlackSettings settings, Clock clock, MeterRegistry meters) {
        this.settings = settings;
        this.clock = clock;
        Map<Class<?>, Counter> counters = Map.of(
                Delivery.Sent.class, deliveries(meters, "sent"),
                Delivery.RateLimited.class, deliveries(meters, "rate_limited"),
                Delivery.Failed.class, deliveries(meters, "failed"),
                Delivery.Skipped.class, deliveries(meters, "skipped"));
        this.relay = new Relay(ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID(), store, slack,
                settings, clock, outcome -> counters.get(outcome.getClass()).increment());
    }

    /** Per instance, so that operators see which instance delivers and how often Slack refuses. */
    private static Counter deliveries(MeterRegistry meters, String outcome) {
        return Counter.builder("greenlight.slack.deliveries")
                .description("Calls to Slack made by this instance's outbox relay, by outcome")
                .tag("outcome", outcome)
                .register(meters);
    }

    @Scheduled(identity = "slack-relay", every = "${greenlight.slack.relay.interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        if (settings.relay().enabled() && settings.configured()) {
            relay.drain(clock.instant().plus(settings.relay().runBudget()));
        }
    }

    void stop(@Observes ShutdownEvent event) {
        relay.stop();
    }
}

package dev.greenlight.notify;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;

/** Runs this instance's relay every {@code greenlight.slack.relay.interval}; every instance may run one. */
@ApplicationScoped
class RelayScheduler {
    private final Relay relay;
    private final SlackSettings settings;
    private final Clock clock;

    @Inject
    RelayScheduler(OutboxStore store, SlackGateway slack, SlackSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.relay = new Relay(ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID(), store, slack,
                settings, clock);
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

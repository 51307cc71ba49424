package dev.greenlight.calendar;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.quarkus.scheduler.Scheduled;

import dev.greenlight.notify.Announcement;
import dev.greenlight.notify.Outbox;

/**
 * Tells Slack when a freeze starts and when it ends, once per occurrence: every instance runs the job every
 * {@code greenlight.policy.freeze.job-interval}, and the outbox drops an announcement whose key (window, occurrence,
 * start or end) it holds already. A start or end older than {@code greenlight.policy.freeze.announce-within} when
 * first seen (the portal was down) is not announced late.
 */
@ApplicationScoped
public class FreezeAnnouncer {
    private final FreezeService freezes;
    private final Outbox outbox;
    private final Clock clock;

    @Inject
    FreezeAnnouncer(FreezeService freezes, Outbox outbox, Clock clock) {
        this.freezes = freezes;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Scheduled(identity = "freeze-announcements", every = "${greenlight.policy.freeze.job-interval:1m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        announce(clock.instant());
    }

    /** Queues the announcements due at {@code now}; returns how many starts and ends it saw. */
    @Transactional
    public int announce(Instant now) {
        Instant from = now.minus(freezes.policy().announceWithin());
        int seen = 0;
        for (FreezeService.Frozen f : freezes.between(from, now.plusMillis(1))) {
            Occurrence o = f.occurrence();
            long key = o.start().getEpochSecond();
            if (!o.start().isBefore(from) && !o.start().isAfter(now)) {
                outbox.announce(new Announcement.FreezeStarted(f.window().id(), f.window().reason(),
                        f.window().scopeText(), key, FreezeGuard.until(o)));
                seen++;
            }
            if (!o.end().isAfter(now)) {
                outbox.announce(new Announcement.FreezeEnded(f.window().id(), f.window().reason(),
                        f.window().scopeText(), key));
                seen++;
            }
        }
        return seen;
    }
}

package dev.greenlight.incident;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.scheduler.Scheduled;

import dev.greenlight.audit.AuditLog;
import dev.greenlight.notify.Notice;
import dev.greenlight.notify.Outbox;
import dev.greenlight.release.ReleaseService;
import dev.greenlight.security.Actor;

/**
 * Reminds owners once when a post-mortem is due soon and escalates an overdue one to engineering leaders every
 * {@code greenlight.policy.post-mortem.escalation-interval}. Every instance runs it: each run claims the rows it works
 * on with {@code FOR UPDATE SKIP LOCKED} and records what it queued in the same transaction as the outbox rows, so
 * nothing is sent twice.
 */
@ApplicationScoped
class PostmortemReminders {
    static final int BATCH = 100;

    private final EntityManager em;
    private final Outbox outbox;
    private final ReleaseService releases;
    private final IncidentService incidents;
    private final AuditLog audit;
    private final PostmortemPolicy policy;
    private final Clock clock;

    @Inject
    PostmortemReminders(EntityManager em, Outbox outbox, ReleaseService releases, IncidentService incidents,
            AuditLog audit, PostmortemPolicy policy, Clock clock) {
        this.em = em;
        this.outbox = outbox;
        this.releases = releases;
        this.incidents = incidents;
        this.audit = audit;
        this.policy = policy;
        this.clock = clock;
    }

    @Scheduled(identity = "post-mortem-reminders", every = "${greenlight.policy.post-mortem.job-interval:1m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        remind(clock.instant());
    }

    /** Queues every reminder and escalation due at {@code now}; returns how many post-mortems it handled. */
    @Transactional
    int remind(Instant now) {
        List<Postmortem> due = claim(now, BATCH);
        for (Postmortem p : due) {
            if (p.dueAt.isAfter(now)) {
                p.dueSoonNotifiedAt = now;
                notice(p).ifPresent(target -> outbox.enqueue(new Notice.PostMortemDueSoon(p.id, target.releaseId(),
                        target.title(), p.dueAt, List.of(p.owner))));
                audit.record(Actor.SYSTEM, new AuditLog.Change("postmortem.due-soon-reminded", "postmortem", p.id,
                        p.releaseId, null, Map.of("dueAt", p.dueAt.toString())));
            } else {
                int escalation = escalationsDue(p.dueAt, now, policy.escalationInterval());
                p.escalations = escalation;
                p.lastEscalatedAt = now;
                notice(p).ifPresent(target -> outbox.enqueue(new Notice.PostMortemOverdue(p.id, target.releaseId(),
                        target.title(), p.dueAt, escalation, List.of(p.owner))));
                Map<String, Object> after = new LinkedHashMap<>();
                after.put("dueAt", p.dueAt.toString());
                after.put("escalation", escalation);
                audit.record(Actor.SYSTEM, new AuditLog.Change("postmortem.escalated", "postmortem", p.id,
                        p.releaseId, null, after));
            }
        }
        return due.size();
    }

    /**
     * Locks the post-mortems with a reminder or an escalation due, skipping rows another instance holds: a due-soon
     * reminder not sent yet, or an overdue one whose next escalation (the first at the due time, then one per
     * interval) has come.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    List<Postmortem> claim(Instant now, int limit) {
        return em.createNativeQuery("select * from postmortem where state <> 'PUBLISHED' and ("
                + " (due_soon_notified_at is null and escalations = 0 and due_at > :now and due_at <= :soon)"
                + " or (due_at <= :now"
                + "     and due_at + escalations * make_interval(secs => cast(:interval as double precision)) <= :now))"
                + " order by due_at, id limit :limit for update skip locked", Postmortem.class)
                .setParameter("now", now)
                .setParameter("soon", now.plus(policy.reminderBefore()))
                .setParameter("interval", (double) policy.escalationInterval().toSeconds())
                .setParameter("limit", limit)
                .getResultList();
    }

    /** How many escalations are due by {@code now}: the first at the due time, then one more per interval. */
    static int escalationsDue(Instant dueAt, Instant now, Duration interval) {
        if (now.isBefore(dueAt)) {
            return 0;
        }
        long step = Math.max(1, interval.toMillis());
        return 1 + (int) (Duration.between(dueAt, now).toMillis() / step);
    }

    private record Target(long releaseId, String title) {
    }

    /**
     * Slack messages are threaded per release: the post-mortem's release, else the first release its incident touched.
     * A post-mortem of an incident without releases is shown on the overdue page only.
     */
    private Optional<Target> notice(Postmortem p) {
        Long releaseId = p.releaseId;
        if (releaseId == null) {
            releaseId = incidents.linkedReleases(p.incidentId).stream().findFirst().orElse(null);
        }
        if (releaseId == null) {
            return Optional.empty();
        }
        return Optional.of(new Target(releaseId, releases.get(releaseId).title()));
    }
}

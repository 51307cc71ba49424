package dev.greenlight.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

/**
 * The relay's short transactions on the outbox. Claims lock rows with {@code FOR UPDATE SKIP LOCKED} and hand out
 * leases, so that any number of relays share the work without sending a message twice; a relay that dies leaves its
 * leases to expire and another relay takes the messages over.
 */
@ApplicationScoped
class OutboxStore {
    private static final Logger LOG = Logger.getLogger(OutboxStore.class);

    private final EntityManager em;
    private final SlackSettings settings;
    private final Clock clock;
    private final Backoff backoff;

    @Inject
    OutboxStore(EntityManager em, SlackSettings settings, Clock clock) {
        this.em = em;
        this.settings = settings;
        this.clock = clock;
        this.backoff = new Backoff(settings.relay().backoffBase(), settings.relay().backoffMax());
    }

    /**
     * Claims at most one message per channel that is free to send now: its channel's pause is over and no other relay
     * is sending to it, the message is due, and no earlier message about the same subject is still pending.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    List<Claim> claim(String relayId, int max) {
        // PostgreSQL keeps microseconds: compare leases as it stores them
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant leaseUntil = now.plus(settings.relay().lease());
        @SuppressWarnings("unchecked")
        List<String> channels = em.createNativeQuery("select c.channel from slack_channel c"
                + " where c.next_send_at <= :now and (c.busy_until is null or c.busy_until <= :now)"
                + " and exists (select 1 from outbox_message m where m.channel = c.channel and m.status = 'PENDING'"
                + " and m.next_attempt_at <= :now)"
                + " order by c.next_send_at, c.channel limit :max for update of c skip locked", String.class)
                .setParameter("now", now)
                .setParameter("max", max)
                .getResultList();
        List<Claim> claims = new ArrayList<>();
        for (String channel : channels) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("select m.id, m.kind, m.event_type, m.ordering_key,"
                    + " cast(m.payload as text), m.lease_until from outbox_message m"
                    + " where m.channel = :channel and m.status = 'PENDING' and m.next_attempt_at <= :now"
                    + " and (m.lease_until is null or m.lease_until <= :now)"
                    + " and not exists (select 1 from outbox_message e where e.ordering_key = m.ordering_key"
                    + " and e.status = 'PENDING' and e.id < m.id)"
                    + " order by m.id limit 1 for update of m skip locked", Object[].class)
                    .setParameter("channel", channel)
                    .setParameter("now", now)
                    .getResultList();
            if (rows.isEmpty()) {
                continue;
            }
            Object[] row = rows.get(0);
            long id = ((Number) row[0]).longValue();
            MessageKind kind = MessageKind.valueOf((String) row[1]);
            boolean takenOver = row[5] != null;
            if (takenOver) {
                LOG.warnf("Relay %s takes over Slack message %d whose lease expired", relayId, id);
            }
            em.createNativeQuery("update outbox_message set leased_by = :relay, lease_until = :until,"
                    + " possible_duplicates = possible_duplicates + :dup, updated_at = :now where id = :id")
                    .setParameter("relay", relayId)
                    .setParameter("until", leaseUntil)
                    .setParameter("dup", takenOver && kind == MessageKind.POST ? 1 : 0)
                    .setParameter("now", now)
                    .setParameter("id", id)
                    .executeUpdate();
            em.createNativeQuery("update slack_channel set busy_until = :until where channel = :channel")
                    .setParameter("until", leaseUntil)
                    .setParameter("channel", channel)
                    .executeUpdate();
            String orderingKey = (String) row[3];
            String updateTs = kind == MessageKind.UPDATE ? firstMessageTs(orderingKey).orElse(null) : null;
            claims.add(new Claim(id, kind, channel, (String) row[2], orderingKey, (String) row[4], updateTs,
                    leaseUntil));
        }
        return claims;
    }

    private Optional<String> firstMessageTs(String subject) {
        @SuppressWarnings("unchecked")
        List<String> ts = em.createNativeQuery("select ts from slack_thread where subject_key = :subject")
                .setParameter("subject", subject)
                .getResultList();
        return ts.stream().filter(t -> t != null).findFirst();
    }

    /**
     * Records what a send came to and frees the channel for its next message after the pace (or Slack's Retry-After).
     * Returns false when the lease had expired and another relay took the message over.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    boolean complete(String relayId, Claim claim, Delivery outcome) {
        Instant now = clock.instant();
        Duration pause = settings.relay().pace();
        if (outcome instanceof Delivery.RateLimited limited && limited.retryAfter().compareTo(pause) > 0) {
            pause = limited.retryAfter();
        }
        em.createNativeQuery("update slack_channel set next_send_at = greatest(next_send_at, :next),"
                + " busy_until = case when busy_until = :until then null else busy_until end"
                + " where channel = :channel")
                .setParameter("next", now.plus(pause))
                .setParameter("until", claim.leaseUntil())
                .setParameter("channel", claim.channel())
                .executeUpdate();

        OutboxMessage message = em.find(OutboxMessage.class, claim.id(), LockModeType.PESSIMISTIC_WRITE);
        if (message == null || message.status != DeliveryStatus.PENDING || !relayId.equals(message.leasedBy)) {
            LOG.warnf("Relay %s lost Slack message %d to another relay; its outcome %s is dropped", relayId,
                    claim.id(), outcome);
            return false;
        }
        message.leasedBy = null;
        message.leaseUntil = null;
        message.updatedAt = now;
        if (outcome instanceof Delivery.Sent sent) {
            message.attempts++;
            message.status = DeliveryStatus.SENT;
            message.sentAt = now;
            message.slackTs = sent.ts();
            if (message.kind == MessageKind.POST) {
                em.createNativeQuery("update slack_thread set ts = :ts where outbox_id = :id")
                        .setParameter("ts", sent.ts())
                        .setParameter("id", message.id)
                        .executeUpdate();
            }
        } else if (outcome instanceof Delivery.RateLimited limited) {
            message.rateLimited++;
            message.nextAttemptAt = now.plus(limited.retryAfter());
            message.lastError = "rate limited by Slack: retry after " + limited.retryAfter().toSeconds() + " s";
        } else if (outcome instanceof Delivery.Failed failed) {
            message.attempts++;
            message.lastError = failed.error();
            if (failed.uncertain() && message.kind == MessageKind.POST) {
                message.possibleDuplicates++;
            }
            if (failed.permanent() || message.attempts >= settings.relay().maxAttempts()) {
                message.status = DeliveryStatus.DEAD;
                LOG.warnf("Slack message %d dead-lettered after %d attempts: %s", message.id, message.attempts,
                        failed.error());
            } else {
                message.nextAttemptAt = now.plus(backoff.delay(message.attempts));
            }
        } else if (outcome instanceof Delivery.Skipped skipped) {
            message.status = DeliveryStatus.SKIPPED;
            message.lastError = skipped.reason();
        }
        return true;
    }

    /** Gives a claimed message back unsent (its lease is too short to send safely): no attempt, no pause. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void release(String relayId, Claim claim) {
        em.createNativeQuery("update slack_channel set busy_until = null where channel = :channel"
                + " and busy_until = :until")
                .setParameter("channel", claim.channel())
                .setParameter("until", claim.leaseUntil())
                .executeUpdate();
        em.createNativeQuery("update outbox_message set leased_by = null, lease_until = null where id = :id"
                + " and leased_by = :relay and status = 'PENDING'")
                .setParameter("id", claim.id())
                .setParameter("relay", relayId)
                .executeUpdate();
    }

    /** When the earliest pending message may go (its retry time or its channel's pause), if any is pending. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    Optional<Instant> nextDue() {
        @SuppressWarnings("unchecked")
        List<Object> next = em.createNativeQuery("select min(greatest(m.next_attempt_at, c.next_send_at,"
                + " coalesce(m.lease_until, m.next_attempt_at), coalesce(c.busy_until, c.next_send_at)))"
                + " from outbox_message m join slack_channel c on c.channel = m.channel where m.status = 'PENDING'")
                .getResultList();
        return next.isEmpty() || next.get(0) == null ? Optional.empty() : Optional.of(toInstant(next.get(0)));
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant();
        }
        throw new IllegalStateException("Unexpected timestamp type " + value.getClass());
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    long pendingCount() {
        return OutboxMessage.count("status", DeliveryStatus.PENDING);
    }
}

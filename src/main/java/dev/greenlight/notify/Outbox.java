package dev.greenlight.notify;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.panache.common.Page;
import io.quarkus.qute.TemplateInstance;

import dev.greenlight.audit.AuditLog;
import dev.greenlight.common.ConflictException;
import dev.greenlight.common.ResourceNotFoundException;
import dev.greenlight.security.Actor;
import dev.greenlight.security.Role;

/**
 * The way into Slack: features enqueue notices here, in the transaction of the change they report, and a relay
 * ({@link Relay}) delivers them later. Nothing is sent from inside a business transaction, and nothing written here is
 * lost: without Slack configured, messages are kept as {@link DeliveryStatus#NOT_CONFIGURED}.
 */
@ApplicationScoped
public class Outbox {
    static final String SUBJECT_PREFIX = "release:";
    private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };

    private final EntityManager em;
    private final SlackSettings settings;
    private final Clock clock;
    private final ObjectMapper mapper;
    private final AuditLog audit;
    private final String baseUrl;

    @Inject
    Outbox(EntityManager em, SlackSettings settings, Clock clock, ObjectMapper mapper, AuditLog audit,
            @ConfigProperty(name = "greenlight.base-url") String baseUrl) {
        this.em = em;
        this.settings = settings;
        this.clock = clock;
        this.mapper = mapper;
        this.audit = audit;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /**
     * Queues a notice for Slack in the caller's transaction: it is sent if and only if the caller commits. A notice
     * whose {@link Notice#dedupeKey()} was queued before is dropped, so a job running on every instance may enqueue
     * the same reminder.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueue(Notice notice) {
        settings.channelFor(notice.eventType())
                .ifPresent(channel -> insert(notice.eventType(), notice.releaseId(), MessageKind.POST, channel,
                        render(notice), notice.dedupeKey()));
    }

    /**
     * Queues an announcement for Slack in the caller's transaction, like {@link #enqueue(Notice)}; one whose
     * {@link Announcement#dedupeKey()} was queued before is dropped.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void announce(Announcement announcement) {
        settings.channelFor(announcement.eventType())
                .ifPresent(channel -> insert(announcement.eventType(), null, announcement.subject(), MessageKind.POST,
                        channel, render(announcement), announcement.dedupeKey()));
    }

    /** A link to a page of the portal, for messages. */
    String link(String path) {
        return baseUrl + path;
    }

    /**
     * A release changed state: post {@code card} to the event's channel and, when the release already has a first
     * message, write the card over it too. The first release message posted becomes that first message.
     */
    void releaseEvent(String eventType, long releaseId, ReleaseCard card, ReleaseCard update) {
        String subject = SUBJECT_PREFIX + releaseId;
        Optional<String> anchorChannel = first(em
                .createNativeQuery("select channel from slack_thread where subject_key = :subject", String.class)
                .setParameter("subject", subject)
                .getResultList());
        Optional<String> channel = settings.channelFor(eventType);
        if (channel.isPresent()) {
            Optional<Long> posted = insert(eventType, releaseId, MessageKind.POST, channel.get(),
                    render(SlackMessages.release(card)), null);
            if (anchorChannel.isEmpty() && posted.isPresent()) {
                em.createNativeQuery("insert into slack_thread (subject_key, channel, outbox_id)"
                        + " values (:subject, :channel, :id) on conflict do nothing")
                        .setParameter("subject", subject)
                        .setParameter("channel", channel.get())
                        .setParameter("id", posted.get())
                        .executeUpdate();
                return;
            }
        }
        anchorChannel.ifPresent(c -> insert(eventType, releaseId, MessageKind.UPDATE, c,
                render(SlackMessages.release(update)), null));
    }

    /**
     * Slack markup mentioning the reviewers: a configured mention per role, a linked Slack user per username; null
     * when there is nobody to mention.
     */
    SlackMarkup mention(ReviewerDirectory.Reviewers reviewers) {
        List<SlackMarkup> mentions = new ArrayList<>();
        reviewers.roles().forEach(role -> mentions.add(mention(role)));
        reviewers.usernames().forEach(username -> mentions.add(mentionUser(username)));
        return mentions.isEmpty() ? null : SlackMarkup.join(mentions, " ");
    }

    /** The mention an admin configured for the role (e.g. a user group), else the role's name as text. */
    SlackMarkup mention(Role role) {
        String configured = settings.mentions().get(role.claim());
        return configured == null || configured.isBlank()
                ? SlackMarkup.text("@" + role.claim())
                : SlackMarkup.of(configured.strip());
    }

    /** The linked Slack user (an id validated when linked), else the name as text: a name never becomes markup. */
    SlackMarkup mentionUser(String username) {
        return first(em
                .createNativeQuery("select slack_user_id from slack_user_link where username = :username"
                        + " and slack_user_id is not null order by id limit 1", String.class)
                .setParameter("username", username)
                .getResultList()).map(id -> SlackMarkup.of("<@" + id + ">"))
                .orElseGet(() -> SlackMarkup.text(username));
    }

    private static Optional<String> first(List<?> rows) {
        return rows.isEmpty() ? Optional.empty() : Optional.ofNullable((String) rows.get(0));
    }

    private SlackMarkup mentionUsers(List<String> usernames) {
        return usernames == null || usernames.isEmpty()
                ? null
                : SlackMarkup.join(usernames.stream().map(this::mentionUser).toList(), " ");
    }

    private Optional<Long> insert(String eventType, long releaseId, MessageKind kind, String channel, String payload,
            String dedupeKey) {
        return insert(eventType, releaseId, SUBJECT_PREFIX + releaseId, kind, channel, payload, dedupeKey);
    }

    private Optional<Long> insert(String eventType, Long releaseId, String orderingKey, MessageKind kind,
            String channel, String payload, String dedupeKey) {
        Instant now = clock.instant();
        DeliveryStatus status = settings.configured() ? DeliveryStatus.PENDING : DeliveryStatus.NOT_CONFIGURED;
        em.createNativeQuery("insert into slack_channel (channel, next_send_at) values (:channel, :now)"
                + " on conflict do nothing")
                .setParameter("channel", channel)
                .setParameter("now", now)
                .executeUpdate();
        List<?> ids = em.createNativeQuery("insert into outbox_message (event_type, ordering_key, release_id, kind,"
                + " channel, payload, status, dedupe_key, next_attempt_at, created_at, updated_at)"
                + " values (:eventType, :key, cast(:releaseId as bigint), :kind, :channel, cast(:payload as jsonb),"
                + " :status,"
                + " cast(:dedupe as text), :now, :now, :now) on conflict do nothing returning id")
                .setParameter("eventType", eventType)
                .setParameter("key", orderingKey)
                .setParameter("releaseId", releaseId)
                .setParameter("kind", kind.name())
                .setParameter("channel", channel)
                .setParameter("payload", payload)
                .setParameter("status", status.name())
                .setParameter("dedupe", dedupeKey)
                .setParameter("now", now)
                .getResultList();
        return ids.isEmpty() ? Optional.empty() : Optional.of(((Number) ids.get(0)).longValue());
    }

    private String render(Notice notice) {
        SlackMarkup link = SlackMarkup.of(link("/releases/" + notice.releaseId()));
        TemplateInstance template;
        if (notice instanceof Notice.GateFailed n) {
            template = SlackMessages.gateFailed(n, link);
        } else if (notice instanceof Notice.CheckFailed n) {
            template = SlackMessages.checkFailed(n, link);
        } else if (notice instanceof Notice.RollbackCompleted n) {
            template = SlackMessages.rollbackCompleted(n, link, String.join(", ", n.toTags()));
        } else if (notice instanceof Notice.EmergencyRequested n) {
            template = SlackMessages.emergencyRequested(n, link, mention(Role.ENGINEERING_LEADER));
        } else if (notice instanceof Notice.EmergencyAssessed n) {
            template = SlackMessages.emergencyAssessed(n, link);
        } else if (notice instanceof Notice.EmergencyDecided n) {
            template = SlackMessages.emergencyDecided(n, link);
        } else if (notice instanceof Notice.PostMortemDueSoon n) {
            template = SlackMessages.postMortemDueSoon(n, link, mentionUsers(n.owners()), DUE.format(n.dueAt()));
        } else if (notice instanceof Notice.PostMortemOverdue n) {
            template = SlackMessages.postMortemOverdue(n, link, mentionUsers(n.owners()),
                    mention(Role.ENGINEERING_LEADER), DUE.format(n.dueAt()));
        } else {
            throw new IllegalArgumentException("No template for " + notice.getClass().getSimpleName());
        }
        return render(template);
    }

    private String render(Announcement announcement) {
        SlackMarkup link = SlackMarkup.of(link("/calendar?view=list"));
        TemplateInstance template;
        if (announcement instanceof Announcement.FreezeStarted a) {
            template = SlackMessages.freezeStarted(a, link);
        } else if (announcement instanceof Announcement.FreezeEnded a) {
            template = SlackMessages.freezeEnded(a, link);
        } else {
            throw new IllegalArgumentException("No template for " + announcement.getClass().getSimpleName());
        }
        return render(template);
    }

    /** Renders a Block Kit template and checks that it is a JSON object with a fallback text. */
    private String render(TemplateInstance template) {
        String json = template.render();
        try {
            Map<String, Object> message = mapper.readValue(json, JSON_OBJECT);
            if (!(message.get("text") instanceof String) || !(message.get("blocks") instanceof List)) {
                throw new IllegalStateException("A Slack template must render {\"text\", \"blocks\"}: " + json);
            }
            return mapper.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A Slack template rendered invalid JSON: " + json, e);
        }
    }

    // --- Admin: what was sent, what was not, and retries -------------------------------------------------------

    /** An outbox row as the admin page shows it. */
    record MessageView(long id, String eventType, Long releaseId, MessageKind kind, String channel,
            DeliveryStatus status, int attempts, int rateLimited, int possibleDuplicates, String lastError,
            String text, String payload, Instant createdAt, Instant nextAttemptAt, Instant sentAt) {
    }

    record Overview(Map<DeliveryStatus, Long> counts, long possibleDuplicates, long rateLimited, boolean configured,
            List<MessageView> deadLetters, List<MessageView> recent, int page, boolean hasNext) {
    }

    Overview overview(int page, int size) {
        Map<DeliveryStatus, Long> counts = new EnumMap<>(DeliveryStatus.class);
        for (DeliveryStatus status : DeliveryStatus.values()) {
            counts.put(status, 0L);
        }
        em.createQuery("select m.status, count(m) from OutboxMessage m group by m.status", Object[].class)
                .getResultList()
                .forEach(row -> counts.put((DeliveryStatus) row[0], (Long) row[1]));
        Object[] totals = em
                .createQuery("select coalesce(sum(m.possibleDuplicates), 0), coalesce(sum(m.rateLimited), 0)"
                        + " from OutboxMessage m", Object[].class)
                .getSingleResult();
        List<MessageView> dead = OutboxMessage
                .inStatus(List.of(DeliveryStatus.DEAD, DeliveryStatus.NOT_CONFIGURED), Page.of(0, 100))
                .stream()
                .map(this::view)
                .toList();
        List<OutboxMessage> recent = OutboxMessage.recent(Page.of(page, size + 1));
        return new Overview(counts, ((Number) totals[0]).longValue(), ((Number) totals[1]).longValue(),
                settings.configured(), dead, recent.stream().limit(size).map(this::view).toList(), page,
                recent.size() > size);
    }

    List<MessageView> ofRelease(long releaseId) {
        return OutboxMessage.ofRelease(releaseId).stream().map(this::view).toList();
    }

    /** Sends a dead letter (or one written while Slack was not configured) again, from scratch. */
    @Transactional
    public void retry(Actor actor, long id) {
        SlackPermissions.retry(actor).orThrow();
        if (!settings.configured()) {
            throw new ConflictException("Slack is not configured: set GREENLIGHT_SLACK_BOT_TOKEN first.");
        }
        OutboxMessage message = OutboxMessage.<OutboxMessage>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> new ResourceNotFoundException("Slack message", id));
        if (!message.status.retryable()) {
            throw new ConflictException("Slack message " + id + " is " + message.status.label().toLowerCase()
                    + "; only dead letters and unsent messages can be retried.");
        }
        Map<String, Object> before = Map.of("status", message.status.name(), "attempts", message.attempts);
        Instant now = clock.instant();
        message.status = DeliveryStatus.PENDING;
        message.attempts = 0;
        message.nextAttemptAt = now;
        message.leasedBy = null;
        message.leaseUntil = null;
        message.updatedAt = now;
        audit.record(actor, new AuditLog.Change("slack.message.retried", "outbox_message", message.id,
                message.releaseId, before, Map.of("status", message.status.name(), "attempts", 0)));
    }

    private MessageView view(OutboxMessage m) {
        String payload;
        try {
            payload = mapper.writerWithDefaultPrettyPrinter().writeValueAsString(m.payload);
        } catch (JsonProcessingException e) {
            payload = String.valueOf(m.payload);
        }
        return new MessageView(m.id, m.eventType, m.releaseId, m.kind, m.channel, m.status, m.attempts, m.rateLimited,
                m.possibleDuplicates, m.lastError, m.text(), payload, m.createdAt, m.nextAttemptAt, m.sentAt);
    }
}

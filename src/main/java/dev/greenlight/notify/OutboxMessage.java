package dev.greenlight.notify;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Page;

/** One Slack message to deliver, written in the transaction of the change it reports. */
@Entity
@Table(name = "outbox_message")
class OutboxMessage extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    @Column(name = "ordering_key", nullable = false)
    public String orderingKey;

    @Column(name = "release_id")
    public Long releaseId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MessageKind kind;

    @Column(nullable = false)
    public String channel;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, Object> payload;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DeliveryStatus status;

    @Column(name = "dedupe_key")
    public String dedupeKey;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "rate_limited", nullable = false)
    public int rateLimited;

    @Column(name = "possible_duplicates", nullable = false)
    public int possibleDuplicates;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "leased_by")
    public String leasedBy;

    @Column(name = "lease_until")
    public Instant leaseUntil;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "slack_ts")
    public String slackTs;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The fallback text Slack shows in notifications. */
    public String text() {
        Object text = payload == null ? null : payload.get("text");
        return text == null ? "" : text.toString();
    }

    static List<OutboxMessage> inStatus(List<DeliveryStatus> statuses, Page page) {
        return find("status in ?1 order by id desc", statuses).page(page).list();
    }

    static List<OutboxMessage> recent(Page page) {
        return find("order by id desc").page(page).list();
    }

    static List<OutboxMessage> ofRelease(long releaseId) {
        return list("releaseId = ?1 order by id", releaseId);
    }
}

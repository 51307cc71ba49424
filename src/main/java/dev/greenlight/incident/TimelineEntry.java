package dev.greenlight.incident;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One timestamped line of a post-mortem's timeline. */
@Entity
@Table(name = "postmortem_timeline_entry")
class TimelineEntry extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "postmortem_id", nullable = false)
    public long postmortemId;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(nullable = false)
    public String text;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    static List<TimelineEntry> of(long postmortemId) {
        return list("postmortemId = ?1 order by occurredAt, id", postmortemId);
    }
}

package dev.greenlight.emergency;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The post-mortem an emergency release owes; created on publish, written later (the post-mortem feature). */
@Entity
@Table(name = "postmortem")
class Postmortem extends PanacheEntityBase {
    enum State {
        DRAFT,
        PUBLISHED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "release_id", nullable = false)
    public long releaseId;

    @Column(name = "incident_id", nullable = false)
    public long incidentId;

    @Column(name = "emergency_id")
    public Long emergencyId;

    @Column(nullable = false)
    public String owner;

    @Column(name = "due_at", nullable = false)
    public Instant dueAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public State state;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Version
    public long version;

    static Optional<Postmortem> forRelease(long releaseId) {
        return find("releaseId", releaseId).firstResultOptional();
    }

    /** Not published and past due, most overdue first. */
    static List<Postmortem> overdue(Instant now, int limit) {
        return find("state <> ?1 and dueAt < ?2 order by dueAt, id", State.PUBLISHED, now).page(0, limit).list();
    }
}

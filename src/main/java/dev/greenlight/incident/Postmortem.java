package dev.greenlight.incident;

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
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;

/** The review of an incident: written by its owner, signed off by someone else, then published. */
@Entity
@Table(name = "postmortem")
class Postmortem extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** The emergency release it reviews; null for one created from an incident. */
    @Column(name = "release_id")
    public Long releaseId;

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
    public PostmortemState state;

    public String summary;
    public String impact;
    @Column(name = "root_cause")
    public String rootCause;
    @Column(name = "contributing_factors")
    public String contributingFactors;
    @Column(name = "went_well")
    public String wentWell;
    public String lessons;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "submitted_by")
    public String submittedBy;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Column(name = "changes_requested_reason")
    public String changesRequestedReason;

    public String reviewer;

    @Column(name = "reviewed_at")
    public Instant reviewedAt;

    @Column(name = "published_by")
    public String publishedBy;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "due_soon_notified_at")
    public Instant dueSoonNotifiedAt;

    @Column(name = "last_escalated_at")
    public Instant lastEscalatedAt;

    @Column(nullable = false)
    public int escalations;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    static Optional<Postmortem> findForUpdate(long id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    static Optional<Postmortem> forRelease(long releaseId) {
        return find("releaseId", releaseId).firstResultOptional();
    }

    static List<Postmortem> ofIncident(long incidentId) {
        return list("incidentId = ?1 order by id", incidentId);
    }

    /** Not published and past due, most overdue first. */
    static List<Postmortem> overdue(Instant now, Page page) {
        return find("state <> ?1 and dueAt < ?2 order by dueAt, id", PostmortemState.PUBLISHED, now).page(page).list();
    }

    /** The same, of the incidents {@code viewer} sees ({@link IncidentVisibility}). */
    static List<Postmortem> overdue(Instant now, String viewer, Page page) {
        return find("state <> :published and dueAt < :now and incidentId in (select i.id from Incident i where "
                + IncidentVisibility.condition("i") + ") order by dueAt, id",
                Parameters.with("published", PostmortemState.PUBLISHED).and("now", now).and("viewer", viewer))
                .page(page)
                .list();
    }

    static long countOverdue(Instant now) {
        return count("state <> ?1 and dueAt < ?2", PostmortemState.PUBLISHED, now);
    }

    static List<Postmortem> newestFirst(Page page) {
        return find("order by createdAt desc, id desc").page(page).list();
    }

    /** The same, of the incidents {@code viewer} sees. */
    static List<Postmortem> newestFirst(String viewer, Page page) {
        return find("incidentId in (select i.id from Incident i where " + IncidentVisibility.condition("i")
                + ") order by createdAt desc, id desc", Parameters.with("viewer", viewer)).page(page).list();
    }

    boolean isOverdue(Instant now) {
        return state != PostmortemState.PUBLISHED && dueAt.isBefore(now);
    }
}

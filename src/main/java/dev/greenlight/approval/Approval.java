package dev.greenlight.approval;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A reviewer's decision on one slot of a release. Stale once the release's content changes or a review round ends. */
@Entity
@Table(name = "approval")
class Approval extends PanacheEntityBase {
    enum Decision {
        APPROVED,
        REJECTED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "release_id", nullable = false)
    public long releaseId;

    @Column(nullable = false)
    public String slot;

    @Column(nullable = false)
    public String approver;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Decision decision;

    public String comment;

    @Column(name = "content_version", nullable = false)
    public int contentVersion;

    @Column(name = "decided_at", nullable = false)
    public Instant decidedAt;

    @Column(name = "stale_at")
    public Instant staleAt;

    /** The reviewer a delegate stood in for, when a delegation held. */
    @Column(name = "on_behalf_of")
    public String onBehalfOf;

    /** Who decided what, when and why, as pages and the API show it. */
    SlotStatus.Decision view() {
        return new SlotStatus.Decision(approver, decision.name().toLowerCase(), comment, decidedAt, onBehalfOf);
    }

    static List<Approval> current(long releaseId) {
        return list("releaseId = ?1 and staleAt is null order by id", releaseId);
    }

    static List<Approval> current(Collection<Long> releaseIds) {
        return releaseIds.isEmpty() ? List.of() : list("releaseId in ?1 and staleAt is null order by id", releaseIds);
    }

    static List<Approval> all(long releaseId) {
        return list("releaseId = ?1 order by id", releaseId);
    }

    static long markStale(long releaseId, Instant at) {
        return update("staleAt = ?1 where releaseId = ?2 and staleAt is null", at, releaseId);
    }
}

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
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An admin's request to publish a normal release outside the rules ("Manual Releases: Override"). */
@Entity
@Table(name = "release_override")
class ReleaseOverride extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "release_id", nullable = false)
    public long releaseId;

    @Column(name = "incident_id", nullable = false)
    public long incidentId;

    @Column(nullable = false)
    public String reason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OverrideState state;

    @Column(name = "requested_by", nullable = false)
    public String requestedBy;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "decision_reason")
    public String decisionReason;

    /** The release's content version it was asked for: its waivers hold for that content only. */
    @Column(name = "content_version", nullable = false)
    public int contentVersion;

    @Version
    public long version;

    /** Its release's id, without loading (and so without reading before a lock) the override itself. */
    static Optional<Long> releaseOf(long id) {
        return getEntityManager()
                .createQuery("select o.releaseId from ReleaseOverride o where o.id = :id", Long.class)
                .setParameter("id", id)
                .getResultStream()
                .findFirst();
    }

    static Optional<ReleaseOverride> findForUpdate(long id) {
        return find("id", id).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /** The release's override waiting for a decision, or approved, for the content version it holds now. */
    static Optional<ReleaseOverride> liveForRelease(long releaseId, int contentVersion) {
        return find("releaseId = ?1 and contentVersion = ?2 and (state = ?3 or state = ?4)", releaseId, contentVersion,
                OverrideState.REQUESTED, OverrideState.APPROVED).firstResultOptional();
    }

    static List<ReleaseOverride> waitingForRelease(long releaseId) {
        return list("releaseId = ?1 and state = ?2 order by id", releaseId, OverrideState.REQUESTED);
    }

    static List<ReleaseOverride> forRelease(long releaseId) {
        return list("releaseId = ?1 order by id", releaseId);
    }

    static List<ReleaseOverride> open() {
        return list("state = ?1 order by requestedAt, id", OverrideState.REQUESTED);
    }
}

package dev.greenlight.rollback;

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

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A rollback of a published release to the version tags that preceded it. */
@Entity
@Table(name = "rollback")
class Rollback extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "release_id", nullable = false)
    public long releaseId;

    /** The release's own tags, withdrawn. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "from_tag", nullable = false)
    public List<String> fromTags;

    /** The earlier tags production goes back to, one per package. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "to_tag", nullable = false)
    public List<String> toTags;

    @Column(nullable = false)
    public String reason;

    @Column(name = "incident_id")
    public Long incidentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RollbackState state;

    @Column(name = "started_by", nullable = false)
    public String startedBy;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "completed_at")
    public Instant completedAt;

    @Version
    public long version;

    /** Newest first. */
    static List<Rollback> ofRelease(long releaseId) {
        return list("releaseId = ?1 order by id desc", releaseId);
    }

    static Optional<Rollback> findForUpdate(long releaseId, long id) {
        return find("id = ?1 and releaseId = ?2", id, releaseId).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }
}

package dev.greenlight.validation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One measurement of a post-release check with Greenlight's verdict. A newer one supersedes it; it never changes. */
@Entity
@Immutable
@Table(name = "release_check")
class ReleaseCheck extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "release_id", nullable = false)
    public long releaseId;

    @Enumerated(EnumType.STRING)
    @Column(name = "check_name", nullable = false)
    public Check check;

    @Column(nullable = false)
    public boolean passed;

    @Column(name = "measured_value")
    public BigDecimal measuredValue;

    @Column(nullable = false)
    public String threshold;

    @Column(name = "evidence_id")
    public Long evidenceId;

    public String note;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    /** Newest first. */
    static List<ReleaseCheck> ofRelease(long releaseId) {
        return list("releaseId = ?1 order by id desc", releaseId);
    }
}

package dev.greenlight.gate;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One measurement of a gate with Greenlight's verdict. A newer result supersedes it; it is never changed. */
@Entity
@Immutable
@Table(name = "gate_result")
class GateResult extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "release_id", nullable = false)
    public long releaseId;

    @Column(nullable = false)
    public String gate;

    public BigDecimal measured;

    @Column(nullable = false)
    public boolean passed;

    @Column(nullable = false)
    public String threshold;

    @Column(name = "evidence_id")
    public Long evidenceId;

    public String note;

    @Column(name = "content_version", nullable = false)
    public int contentVersion;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    static List<GateResult> ofRelease(long releaseId) {
        return list("releaseId = ?1 order by id desc", releaseId);
    }
}

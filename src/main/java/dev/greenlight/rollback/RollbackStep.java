package dev.greenlight.rollback;

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

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One step of a rollback's checklist, copied from the policy when the rollback started. */
@Entity
@Table(name = "rollback_step")
class RollbackStep extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "rollback_id", nullable = false)
    public long rollbackId;

    @Column(nullable = false)
    public int position;

    @Column(nullable = false)
    public String step;

    @Column(nullable = false)
    public String label;

    @Column(nullable = false)
    public boolean skippable;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public StepState state;

    /** Why a step is not applicable, or what was done. */
    public String note;

    @Column(name = "done_by")
    public String doneBy;

    @Column(name = "done_at")
    public Instant doneAt;

    /** The steps of one rollback in checklist order. */
    static List<RollbackStep> ofRollback(long rollbackId) {
        return list("rollbackId = ?1 order by position", rollbackId);
    }

    /**
     * The steps of every rollback of a release, by rollback and in checklist order. A scalar parameter, not a list of
     * rollback ids: Hibernate translates a query with a list parameter again on every call.
     */
    static List<RollbackStep> ofRelease(long releaseId) {
        return list("rollbackId in (select r.id from Rollback r where r.releaseId = ?1) order by rollbackId, position",
                releaseId);
    }
}

package dev.greenlight.environment;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A person's approval to promote a release to an environment. Never changed. */
@Entity
@Immutable
@Table(name = "promotion_approval")
class PromotionApproval extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "release_id", nullable = false)
    public long releaseId;

    @Column(nullable = false)
    public String environment;

    @Column(name = "approved_by", nullable = false)
    public String approvedBy;

    @Column(name = "approved_at", nullable = false)
    public Instant approvedAt;
}

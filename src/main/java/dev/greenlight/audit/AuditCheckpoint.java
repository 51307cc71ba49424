package dev.greenlight.audit;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The chain's head as it was at {@link #signedAt}, signed. Never updated or deleted; the database refuses both. */
@Entity
@Immutable
@Table(name = "audit_checkpoint")
class AuditCheckpoint extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "event_id", nullable = false)
    public long eventId;

    @Column(name = "event_hash", nullable = false)
    public String eventHash;

    @Column(name = "signed_at", nullable = false)
    public Instant signedAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "key_id", nullable = false)
    public String keyId;

    /** SHA-256 of the previous checkpoint's signature, or {@link AuditLog#GENESIS} for the first. */
    @Column(nullable = false)
    public String previous;

    /** Base64 Ed25519 signature of {@link AuditCheckpoints#message}. */
    @Column(nullable = false)
    public String signature;
}

package dev.greenlight.approval;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A reviewer's slots of one role handed to another person of that role for a range of days (inclusive). */
@Entity
@Table(name = "review_delegation")
class ReviewDelegation extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String delegator;

    @Column(nullable = false)
    public String delegate;

    /** The role claim handed over. */
    @Column(nullable = false)
    public String role;

    @Column(name = "starts_on", nullable = false)
    public LocalDate startsOn;

    @Column(name = "ends_on", nullable = false)
    public LocalDate endsOn;

    public String reason;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "revoked_by")
    public String revokedBy;

    /** Not revoked, and the range has days from {@code from} on. */
    static List<ReviewDelegation> concerning(String username, LocalDate from) {
        return list("(delegator = ?1 or delegate = ?1) and revokedAt is null and endsOn >= ?2 order by startsOn, id",
                username, from);
    }

    static List<ReviewDelegation> overlapping(String delegator, String role, LocalDate start, LocalDate end) {
        return list("delegator = ?1 and role = ?2 and revokedAt is null and startsOn <= ?4 and endsOn >= ?3",
                delegator, role, start, end);
    }

    /** Delegations the delegate holds on that day. */
    static List<ReviewDelegation> heldBy(String delegate, LocalDate day) {
        return list("delegate = ?1 and revokedAt is null and startsOn <= ?2 and endsOn >= ?2 order by id", delegate,
                day);
    }
}

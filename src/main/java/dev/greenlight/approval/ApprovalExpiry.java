package dev.greenlight.approval;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.greenlight.policy.ReleasePolicy;
import dev.greenlight.release.ReleaseFacts;
import dev.greenlight.release.ReleaseState;

/**
 * Approvals age out ({@code greenlight.policy.approval-max-age}): while a release waits in review, an approval older
 * than the maximum age no longer counts. Computed when read, so nothing runs on a schedule and the audit log holds the
 * approval as given; once every requirement held and the release was approved, its approvals stand until it is
 * published or its content changes (an approved release never falls back into review by the clock alone).
 */
@ApplicationScoped
public class ApprovalExpiry {
    private final Optional<Duration> maxAge;
    private final Clock clock;

    @Inject
    ApprovalExpiry(ReleasePolicy policy, Clock clock) {
        this.maxAge = policy.approvalMaxAge();
        this.clock = clock;
    }

    public Optional<Duration> maxAge() {
        return maxAge;
    }

    /** Approvals decided before this no longer count; empty when approvals do not age. */
    Optional<Instant> cutoff() {
        return maxAge.map(age -> clock.instant().minus(age));
    }

    /** The cutoff for queries: the beginning of time when approvals do not age. */
    Instant cutoffOrEpoch() {
        return cutoff().orElse(Instant.EPOCH);
    }

    boolean expired(ReleaseFacts release, Approval approval) {
        return release.state() == ReleaseState.IN_REVIEW && approval.decision == Approval.Decision.APPROVED
                && cutoff().map(approval.decidedAt::isBefore).orElse(false);
    }

    /** The approvals that still count for the release. */
    List<Approval> live(ReleaseFacts release, List<Approval> current) {
        if (maxAge.isEmpty() || release.state() != ReleaseState.IN_REVIEW) {
            return current;
        }
        return current.stream().filter(a -> !expired(release, a)).toList();
    }

    /** The release's current approvals that have aged out, oldest first, for its page. */
    List<Approval> expired(ReleaseFacts release) {
        if (maxAge.isEmpty() || release.state() != ReleaseState.IN_REVIEW) {
            return List.of();
        }
        return Approval.current(release.id()).stream().filter(a -> expired(release, a)).toList();
    }

    /** A reviewer approves again: their aged-out approval is set aside, so that one approval per person stays current. */
    void retire(ReleaseFacts release, List<Approval> current, String approver) {
        current.stream()
                .filter(a -> a.approver.equals(approver) && expired(release, a))
                .forEach(a -> a.staleAt = clock.instant());
        Approval.flush();
    }
}

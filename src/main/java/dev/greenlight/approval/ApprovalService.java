package dev.greenlight.approval;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.greenlight.audit.AuditLog;
import dev.greenlight.common.ConflictException;
import dev.greenlight.common.Decision;
import dev.greenlight.common.ForbiddenActionException;
import dev.greenlight.common.InvalidInputException;
import dev.greenlight.common.Limits;
import dev.greenlight.release.ReleaseContentChanged;
import dev.greenlight.release.ReleaseFacts;
import dev.greenlight.release.ReleaseRequirement;
import dev.greenlight.release.ReleaseService;
import dev.greenlight.release.ReleaseState;
import dev.greenlight.release.RequirementWaivers;
import dev.greenlight.release.Waivers;
import dev.greenlight.security.Actor;

/**
 * Review slots and the people who fill them, under {@link ApprovalPermissions} enforced here, on the server: nobody
 * reviews a release they created or that holds their changeset, one person fills one slot, only the slot's role may
 * fill it. Each decision keeps the {@link ReviewQueue} up to date.
 */
@ApplicationScoped
public class ApprovalService implements ReleaseRequirement {
    private final ReleaseService releases;
    private final Waivers waivers;
    private final ReviewSlots reviewSlots;
    private final ReviewQueue queue;
    private final AuditLog audit;
    private final Clock clock;
    private final ApprovalExpiry expiry;
    private final DelegationService delegations;

    @Inject
    ApprovalService(ReleaseService releases, Waivers waivers, ReviewSlots reviewSlots, ReviewQueue queue,
            AuditLog audit, Clock clock, ApprovalExpiry expiry, DelegationService delegations) {
        this.releases = releases;
        this.waivers = waivers;
        this.reviewSlots = reviewSlots;
        this.queue = queue;
        this.audit = audit;
        this.clock = clock;
        this.expiry = expiry;
        this.delegations = delegations;
    }

    /** The release's slots with the current (not stale) approvals in each. */
    public List<SlotStatus> slots(ReleaseFacts release) {
        return slots(release, Approval.current(release.id()), waivers.of(release));
    }

    private List<SlotStatus> slots(ReleaseFacts release, List<Approval> current,
            Map<String, RequirementWaivers.Waiver> waived) {
        return reviewSlots.of(release, current, waived);
    }

    /** A slot as a page or Slack offers it to the viewer: where it stands, and whether they may fill it or why not. */
    public record SlotOffer(SlotStatus status, Decision fill) {
        public boolean isOpenToMe() { return fill.allowed(); }
    }

    /** The release's slots with the viewer's refusal for each, from one read of the current approvals. */
    public List<SlotOffer> offers(Actor actor, ReleaseFacts release) {
        return offers(actor, release, waivers.of(release));
    }

    /** The same, with the release's waivers already read by the caller (the release page reads them once). */
    public List<SlotOffer> offers(Actor actor, ReleaseFacts release, Map<String, RequirementWaivers.Waiver> waived) {
        List<Approval> current = Approval.current(release.id());
        return slots(release, current, waived)
                .stream()
                .map(slot -> new SlotOffer(slot,
                        reviewSlots.review(actor, release, slot.requirement().slot(), current)))
                .toList();
    }

    /** Every decision ever taken on the release, stale ones included, for its story. */
    public List<SlotStatus.Decision> history(long releaseId) {
        return Approval.all(releaseId).stream().map(Approval::view).toList();
    }

    @Override
    public List<String> unmet(ReleaseFacts release, Map<String, RequirementWaivers.Waiver> waived) {
        return slots(release, Approval.current(release.id()), waived).stream()
                .filter(slot -> !slot.isFilled())
                .map(slot -> slot.requirement().label() + " needs " + slot.missing() + " more approval"
                        + (slot.missing() == 1 ? "" : "s") + ".")
                .toList();
    }

    /** Whether the actor may fill the slot now, and if not why and who may, from the current approvals. */
    public Decision mayReview(Actor actor, ReleaseFacts release, String slot) {
        return reviewSlots.review(actor, release, slot, Approval.current(release.id()));
    }

    @Transactional
    public SlotStatus.Decision approve(Actor actor, long releaseId, String slot, String comment) {
        ReleaseFacts release = releases.lockFacts(releaseId);
        List<Approval> current = Approval.current(releaseId);
        check(actor, release, slot, comment, current);
        Optional<Approval> already = expiry.live(release, current)
                .stream()
                .filter(a -> a.decision == Approval.Decision.APPROVED && a.approver.equals(actor.username())
                        && a.slot.equals(slot))
                .findFirst();
        if (already.isPresent()) {
            return already.get().view();
        }
        expiry.retire(release, current, actor.username());
        Approval approval = record(actor, release, slot, Approval.Decision.APPROVED, comment);
        List<Approval> now = new ArrayList<>(current);
        now.add(approval);
        Map<String, RequirementWaivers.Waiver> waived = waivers.of(release);
        List<SlotStatus> slots = slots(release, now, waived);
        queue.remember(Map.of(releaseId, ReviewSlots.lackingApprovals(slots)));
        // while a slot is open the release cannot be approved: the other requirements need not be read
        if (slots.stream().allMatch(SlotStatus::isFilled)) {
            releases.approveIfReady(release, waived);
        }
        return approval.view();
    }

    /** A rejection ends the review round: the release goes back to draft with the reason, approvals start over. */
    @Transactional
    public SlotStatus.Decision reject(Actor actor, long releaseId, String slot, String comment) {
        if (comment == null || comment.isBlank()) {
            throw new InvalidInputException("comment", "say why the release is rejected");
        }
        ReleaseFacts release = releases.lockFacts(releaseId);
        check(actor, release, slot, comment, Approval.current(releaseId));
        Approval rejection = record(actor, release, slot, Approval.Decision.REJECTED, comment);
        Approval.markStale(releaseId, clock.instant());
        releases.sendBackToDraft(actor, releaseId, comment.strip());
        return rejection.view();
    }

    void contentChanged(@Observes ReleaseContentChanged event) {
        long stale = Approval.markStale(event.releaseId(), clock.instant());
        if (stale > 0) {
            audit.record(Actor.SYSTEM, new AuditLog.Change("approvals.stale", "release", event.releaseId(),
                    event.releaseId(), null,
                    Map.of("staleApprovals", stale, "contentVersion", event.contentVersion())));
        }
        queue.remember(releases.facts(event.releaseId()), Approval.current(event.releaseId()));
    }

    private void check(Actor actor, ReleaseFacts release, String slot, String comment, List<Approval> current) {
        if (slot == null || slot.isBlank()) {
            throw new InvalidInputException("slot", "name the review slot, e.g. code");
        }
        if (comment != null && comment.length() > Limits.REVIEW_COMMENT_CHARS) {
            throw new InvalidInputException("comment",
                    "must be at most " + Limits.REVIEW_COMMENT_CHARS + " characters");
        }
        if (reviewSlots.requirementsOf(release).stream().noneMatch(r -> r.slot().equals(slot))) {
            throw new InvalidInputException("slot", "this release has no " + slot + " review slot");
        }
        Decision review = reviewSlots.review(actor, release, slot, current);
        // a release out of review is a conflict of state, not of who asks
        review.orThrow(
                release.state() != ReleaseState.IN_REVIEW ? ConflictException::new : ForbiddenActionException::new);
    }

    private Approval record(Actor actor, ReleaseFacts release, String slot, Approval.Decision decision,
            String comment) {
        Approval approval = new Approval();
        approval.releaseId = release.id();
        approval.slot = slot;
        approval.approver = actor.username();
        approval.decision = decision;
        approval.comment = comment == null || comment.isBlank() ? null : comment.strip();
        approval.contentVersion = release.contentVersion();
        approval.decidedAt = clock.instant();
        reviewSlots.requirementsOf(release)
                .stream()
                .filter(r -> r.slot().equals(slot))
                .findFirst()
                .ifPresent(r -> approval.onBehalfOf = delegations.standingInFor(actor.username(), r.role(), release)
                        .orElse(null));
        approval.persistAndFlush();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("slot", slot);
        after.put("decision", decision.name());
        after.put("comment", approval.comment);
        after.put("contentVersion", approval.contentVersion);
        if (approval.onBehalfOf != null) {
            after.put("onBehalfOf", approval.onBehalfOf);
        }
        audit.record(actor, new AuditLog.Change(decision == Approval.Decision.APPROVED
                ? "approval.approved"
                : "approval.rejected", "approval", approval.id, release.id(), null, after));
        return approval;
    }

}

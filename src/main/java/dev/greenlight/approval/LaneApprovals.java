package dev.greenlight.approval;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.greenlight.audit.AuditLog;
import dev.greenlight.release.ReleaseFacts;
import dev.greenlight.release.ReleaseState;
import dev.greenlight.security.Actor;

/**
 * Approvals the standard-change lane gives in place of people: one per open slot, as the system actor
 * {@value #ACTOR}, stale on a content change like any other. Segregation of duties does not apply to it (it wrote
 * nothing); the lane's rule decides instead.
 */
@ApplicationScoped
public class LaneApprovals {
    public static final String ACTOR = "standard-change";
    public static final Actor LANE = new Actor(ACTOR, "Standard-change lane", null, Set.of());

    private final ApprovalService approvals;
    private final ReviewCandidates candidates;
    private final AuditLog audit;
    private final Clock clock;

    @Inject
    LaneApprovals(ApprovalService approvals, ReviewCandidates candidates, AuditLog audit, Clock clock) {
        this.approvals = approvals;
        this.candidates = candidates;
        this.audit = audit;
        this.clock = clock;
    }

    /** The release's slots still open (not filled, not waived), in policy order. */
    public List<String> openSlots(ReleaseFacts release) {
        return approvals.slots(release)
                .stream()
                .filter(slot -> !slot.isFilled())
                .map(slot -> slot.requirement().slot())
                .toList();
    }

    /**
     * Approves each open slot of a release in review, locked by the caller, once; returns the slots approved. A slot
     * that needs more than one approver keeps needing people for the rest.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<String> approveOpenSlots(ReleaseFacts release, String comment) {
        if (release.state() != ReleaseState.IN_REVIEW) {
            return List.of();
        }
        List<String> approved = new ArrayList<>();
        List<Approval> current = Approval.current(release.id());
        for (String slot : openSlots(release)) {
            if (current.stream().anyMatch(a -> a.approver.equals(ACTOR) && a.slot.equals(slot))) {
                continue;
            }
            Approval approval = new Approval();
            approval.releaseId = release.id();
            approval.slot = slot;
            approval.approver = ACTOR;
            approval.decision = Approval.Decision.APPROVED;
            approval.comment = comment;
            approval.contentVersion = release.contentVersion();
            approval.decidedAt = clock.instant();
            approval.persistAndFlush();
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("slot", slot);
            after.put("decision", approval.decision.name());
            after.put("comment", comment);
            after.put("contentVersion", approval.contentVersion);
            audit.record(LANE, new AuditLog.Change("approval.approved", "approval", approval.id, release.id(), null,
                    after));
            approved.add(slot);
        }
        candidates.remember(Map.of(release.id(), approvals.slots(release)
                .stream()
                .filter(slot -> slot.missing() > 0)
                .map(slot -> slot.requirement().slot())
                .toList()));
        return approved;
    }
}

package dev.greenlight.approval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.greenlight.common.Decision;
import dev.greenlight.policy.ReviewRequirements;
import dev.greenlight.policy.SlotRequirement;
import dev.greenlight.release.ReleaseFacts;
import dev.greenlight.release.RequirementWaivers;
import dev.greenlight.security.Actor;

/** A release's review slots under the running policy, judged from approvals already read: no query of its own. */
@ApplicationScoped
class ReviewSlots {
    private final ReviewRequirements requirements;
    private final ApprovalExpiry expiry;

    @Inject
    ReviewSlots(ReviewRequirements requirements, ApprovalExpiry expiry) {
        this.requirements = requirements;
        this.expiry = expiry;
    }

    List<SlotRequirement> requirementsOf(ReleaseFacts release) {
        return requirements.forRelease(release.hasMajorBump(), release.changesetSummaries());
    }

    /** The release's slots with the current approvals that still count (not aged out) in each and their waivers. */
    List<SlotStatus> of(ReleaseFacts release, List<Approval> current, Map<String, RequirementWaivers.Waiver> waived) {
        List<Approval> live = expiry.live(release, current);
        List<SlotStatus> slots = new ArrayList<>();
        for (SlotRequirement requirement : requirementsOf(release)) {
            slots.add(new SlotStatus(requirement, live.stream()
                    .filter(a -> a.decision == Approval.Decision.APPROVED && a.slot.equals(requirement.slot()))
                    .map(Approval::view)
                    .toList(), waived.get(RequirementWaivers.slotKey(requirement.slot()))));
        }
        return slots;
    }

    /** {@link ApprovalPermissions#review} with the slots the actor holds a current approval in that still counts. */
    Decision review(Actor actor, ReleaseFacts release, String slot, List<Approval> current) {
        List<String> approvedByActor = expiry.live(release, current)
                .stream()
                .filter(a -> a.decision == Approval.Decision.APPROVED && a.approver.equals(actor.username()))
                .map(a -> a.slot)
                .toList();
        return ApprovalPermissions.review(actor, release, requirementsOf(release), slot, approvedByActor);
    }

    /** The slots a reviewer with the actor's roles may fill, in policy order. */
    List<String> fillableBy(Actor actor) {
        return requirements.fillableBy(actor::has);
    }

    /** The slots with fewer approvals than needed, waived or not: waivers are left to the exact judgement of a task. */
    static List<String> lackingApprovals(List<SlotStatus> slots) {
        return slots.stream().filter(slot -> slot.missing() > 0).map(slot -> slot.requirement().slot()).toList();
    }
}

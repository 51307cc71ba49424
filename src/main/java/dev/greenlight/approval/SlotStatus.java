package dev.greenlight.approval;

import java.time.Instant;
import java.util.List;

import dev.greenlight.policy.SlotRequirement;
import dev.greenlight.release.RequirementWaivers;

/** Where one review slot of a release stands. */
public record SlotStatus(SlotRequirement requirement, List<Decision> approvals, RequirementWaivers.Waiver bypass) {

    /** Who decided what, when and why. */
    /** One approval or rejection; {@code onBehalfOf} names the reviewer a delegate stood in for, or is null. */
    public record Decision(String approver, String decision, String comment, Instant at, String onBehalfOf) {
    }

    public int missing() {
        return Math.max(0, requirement.approvals() - approvals.size());
    }

    /** Enough current approvals, or waived for this release (an emergency bypass, an override). */
    public boolean isFilled() {
        return bypass != null || missing() == 0;
    }
}

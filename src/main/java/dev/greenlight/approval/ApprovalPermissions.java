package dev.greenlight.approval;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import dev.greenlight.common.Decision;
import dev.greenlight.policy.SlotRequirement;
import dev.greenlight.release.ReleaseFacts;
import dev.greenlight.release.ReleasePermissions;
import dev.greenlight.release.ReleaseState;
import dev.greenlight.security.Actor;

/**
 * Who may approve or reject a review slot, and if not why and who may instead. The service enforces it under the
 * release's lock; the release page, the review queue and Slack's approve button show or offer what it allows.
 */
public final class ApprovalPermissions {

    private ApprovalPermissions() {
    }

    /**
     * Whether {@code actor} may fill {@code slot} of the release now: only while it is in review, only a slot the
     * release has, only with the slot's role, never on a release they created or wrote a changeset in (segregation of
     * duties), and one person fills at most one slot ({@code approvedByActor}: the slots the actor holds a current
     * approval in).
     */
    public static Decision review(Actor actor, ReleaseFacts release, List<SlotRequirement> requirements, String slot,
            Collection<String> approvedByActor) {
        if (release.state() != ReleaseState.IN_REVIEW) {
            return Decision.deny("Reviews are open while a release is in review; this one is "
                    + release.state().label().toLowerCase() + ".");
        }
        Optional<SlotRequirement> requirement = requirements.stream().filter(r -> r.slot().equals(slot)).findFirst();
        if (requirement.isEmpty()) {
            return Decision.deny("This release has no " + slot + " review slot.");
        }
        String role = requirement.get().role().label().toLowerCase();
        if (!actor.has(requirement.get().role())) {
            return Decision.deny("Only " + role + "s may fill the " + requirement.get().label().toLowerCase()
                    + " slot.");
        }
        Decision duties = ReleasePermissions.decideAbout(release, actor.username(), "another " + role
                + " must review it");
        if (duties.denied()) {
            return duties;
        }
        Optional<String> other = approvedByActor.stream().filter(s -> !s.equals(slot)).findFirst();
        if (other.isPresent()) {
            return Decision.deny("You already approved the " + other.get()
                    + " slot; one person fills at most one slot.");
        }
        return Decision.allow();
    }
}

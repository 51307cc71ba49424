package dev.greenlight.notify;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.greenlight.approval.ApprovalService;
import dev.greenlight.approval.SlotStatus;
import dev.greenlight.policy.SlotRequirement;
import dev.greenlight.release.ReleaseService;
import dev.greenlight.security.Role;

/** A review request mentions the roles of the slots still open on the release. */
@ApplicationScoped
class SlotReviewerDirectory implements ReviewerDirectory {
    private final ReleaseService releases;
    private final ApprovalService approvals;

    @Inject
    SlotReviewerDirectory(ReleaseService releases, ApprovalService approvals) {
        this.releases = releases;
        this.approvals = approvals;
    }

    @Override
    public Reviewers reviewersOf(long releaseId) {
        List<Role> open = approvals.slots(releases.facts(releaseId))
                .stream()
                .filter(slot -> !slot.isFilled())
                .map(SlotStatus::requirement)
                .map(SlotRequirement::role)
                .distinct()
                .toList();
        return new Reviewers(open, List.of());
    }
}

package dev.greenlight.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.greenlight.common.Decision;
import dev.greenlight.policy.SlotRequirement;
import dev.greenlight.release.ReleaseFacts;
import dev.greenlight.release.ReleaseState;
import dev.greenlight.security.Actor;
import dev.greenlight.security.Role;

/** Who may fill which review slot, and why not, without Quarkus. */
class ApprovalPermissionsTest {
    private static final Actor CAROL = Actor.of("carol", Role.CODE_REVIEWER, Role.PRODUCT_REVIEWER);
    private static final List<SlotRequirement> SLOTS = List.of(
            new SlotRequirement("code", Role.CODE_REVIEWER, 1, List.of()),
            new SlotRequirement("product", Role.PRODUCT_REVIEWER, 1, List.of()));

    private static ReleaseFacts release(ReleaseState state, String createdBy, Set<String> changesetAuthors) {
        return new ReleaseFacts(1, "Release", state, createdBy, 1, changesetAuthors, List.of(), false, List.of());
    }

    private static Decision review(Actor actor, ReleaseFacts release, String slot, List<String> approvedByActor) {
        return ApprovalPermissions.review(actor, release, SLOTS, slot, approvedByActor);
    }

    private static final ReleaseFacts IN_REVIEW = release(ReleaseState.IN_REVIEW, "alice", Set.of("bob"));

    @Test
    void aReviewerWithTheSlotsRoleFillsItOnSomeoneElsesRelease() {
        assertThat(review(CAROL, IN_REVIEW, "code", List.of()).allowed()).isTrue();
    }

    @Test
    void reviewsAreOpenOnlyWhileTheReleaseIsInReview() {
        assertThat(review(CAROL, release(ReleaseState.DRAFT, "alice", Set.of()), "code", List.of()).reason())
                .isEqualTo("Reviews are open while a release is in review; this one is draft.");
    }

    @Test
    void aSlotTheReleaseDoesNotHaveIsRefused() {
        assertThat(review(CAROL, IN_REVIEW, "legal", List.of()).reason())
                .isEqualTo("This release has no legal review slot.");
    }

    @Test
    void onlyTheSlotsRoleFillsIt() {
        assertThat(review(Actor.of("sam", Role.SECURITY_REVIEWER), IN_REVIEW, "code", List.of()).reason())
                .isEqualTo("Only code reviewers may fill the code review slot.");
    }

    @Test
    void nobodyReviewsAReleaseTheyCreatedOrWroteAChangesetIn() {
        assertThat(review(Actor.of("alice", Role.CODE_REVIEWER), IN_REVIEW, "code", List.of()).reason())
                .isEqualTo("You created this release: another code reviewer must review it.");
        assertThat(review(Actor.of("bob", Role.CODE_REVIEWER), IN_REVIEW, "code", List.of()).reason())
                .isEqualTo("You wrote a changeset in this release: another code reviewer must review it.");
    }

    @Test
    void onePersonFillsAtMostOneSlot() {
        assertThat(review(CAROL, IN_REVIEW, "product", List.of("code")).reason())
                .isEqualTo("You already approved the code slot; one person fills at most one slot.");
        assertThat(review(CAROL, IN_REVIEW, "code", List.of("code")).allowed())
                .as("approving the same slot again is not a second slot")
                .isTrue();
    }
}

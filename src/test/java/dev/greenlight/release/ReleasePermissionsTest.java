package dev.greenlight.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.greenlight.security.Actor;
import dev.greenlight.security.Role;

/** Who may do what with a release by hand, without Quarkus. */
class ReleasePermissionsTest {
    private static final Actor ALICE = Actor.of("alice", Role.AUTHOR);
    private static final Actor BOB = Actor.of("bob", Role.AUTHOR);
    private static final Actor MAX = Actor.of("max", Role.MAINTAINER);
    private static final Actor CAROL = Actor.of("carol", Role.CODE_REVIEWER);

    @Test
    void authorSubmitsOwnRelease() {
        assertThat(ReleasePermissions.act(ALICE, "alice", ReleaseAction.SUBMIT).allowed()).isTrue();
    }

    @Test
    void authorCannotSubmitAnotherAuthorsRelease() {
        assertThat(reason(BOB, "alice", ReleaseAction.SUBMIT))
                .isEqualTo("Only the release's author (alice) or a maintainer may do this.");
    }

    @Test
    void maintainerSubmitsAndCancelsAnyRelease() {
        assertThat(ReleasePermissions.act(MAX, "alice", ReleaseAction.SUBMIT).allowed()).isTrue();
        assertThat(ReleasePermissions.act(MAX, "alice", ReleaseAction.CANCEL).allowed()).isTrue();
    }

    @Test
    void reviewerCannotSubmitOrCancel() {
        assertThat(reason(CAROL, "alice", ReleaseAction.SUBMIT)).startsWith("Only ");
        assertThat(reason(CAROL, "alice", ReleaseAction.CANCEL)).startsWith("Only ");
    }

    @Test
    void authorCannotPublish() {
        assertThat(reason(ALICE, "alice", ReleaseAction.PUBLISH))
                .isEqualTo("Only maintainers may do this.");
    }

    @Test
    void nobodyTakesSystemActionsByHand() {
        // someone holding every role, on their own release: only the system-action rule can refuse them
        Actor everyRole = Actor.of("root", Role.values());
        assertThat(ReleaseAction.values()).filteredOn(ReleaseAction::isSystem)
                .containsExactlyInAnyOrder(ReleaseAction.APPROVE, ReleaseAction.INVALIDATE, ReleaseAction.VALIDATE)
                .allSatisfy(action -> assertThat(reason(everyRole, "root", action)).as(action.name())
                        .isEqualTo("Greenlight takes this step itself when its conditions are met."));
    }

    @Test
    void authorsAndMaintainersCreateReleasesReviewersDoNot() {
        assertThat(ReleasePermissions.create(ALICE).allowed()).isTrue();
        assertThat(ReleasePermissions.create(MAX).allowed()).isTrue();
        assertThat(ReleasePermissions.create(CAROL).reason())
                .isEqualTo("Only authors and maintainers may create releases.");
    }

    @Test
    void theButtonsAreTheActionsAllowedInTheState() {
        ReleaseView draft = release(ReleaseState.DRAFT);
        assertThat(ReleasePermissions.actionsFor(ALICE, draft))
                .containsExactlyInAnyOrder(ReleaseAction.SUBMIT, ReleaseAction.CANCEL);
        assertThat(ReleasePermissions.actionsFor(BOB, draft)).isEmpty();
        assertThat(ReleasePermissions.actionsFor(MAX, release(ReleaseState.APPROVED))).contains(ReleaseAction.PUBLISH);
        assertThat(ReleasePermissions.actionsFor(ALICE, release(ReleaseState.APPROVED)))
                .doesNotContain(ReleaseAction.PUBLISH);
    }

    @Test
    void theAuthorOrAMaintainerEditsTheContent() {
        assertThat(ReleasePermissions.editContent(ALICE, "alice").allowed()).isTrue();
        assertThat(ReleasePermissions.editContent(MAX, "alice").allowed()).isTrue();
        assertThat(ReleasePermissions.editContent(BOB, "alice").reason())
                .isEqualTo("Only the release's author (alice) or a maintainer may change its changesets.");
    }

    @Test
    void nobodyDecidesAboutAReleaseTheyCreatedOrWroteAChangesetIn() {
        ReleaseFacts facts = facts("alice", Set.of("bob"));
        assertThat(ReleasePermissions.decideAbout(facts, "alice", "another code reviewer must review it").reason())
                .isEqualTo("You created this release: another code reviewer must review it.");
        assertThat(ReleasePermissions.decideAbout(facts, "bob", "another code reviewer must review it").reason())
                .isEqualTo("You wrote a changeset in this release: another code reviewer must review it.");
        assertThat(ReleasePermissions.decideAbout(facts, "carol", "another code reviewer must review it").allowed())
                .isTrue();
    }

    @Test
    void ciReportsMeasurementsOfAnyReleaseAPersonNotOfTheirOwn() {
        ReleaseFacts facts = facts("alice", Set.of());
        assertThat(ReleasePermissions.report(facts, Actor.of("alice", Role.CI), "CI must report").allowed()).isTrue();
        assertThat(ReleasePermissions.report(facts, Actor.of("alice", Role.MAINTAINER), "CI must report").reason())
                .isEqualTo("You created this release: CI must report.");
    }

    @Test
    void ciOrAMaintainerReportsDeployments() {
        assertThat(ReleasePermissions.reportDeployment(Actor.of("ci", Role.CI)).allowed()).isTrue();
        assertThat(ReleasePermissions.reportDeployment(MAX).allowed()).isTrue();
        assertThat(ReleasePermissions.reportDeployment(ALICE).reason())
                .isEqualTo("Only CI or a maintainer may report deployments.");
    }

    private static String reason(Actor actor, String createdBy, ReleaseAction action) {
        return ReleasePermissions.act(actor, createdBy, action).reason();
    }

    private static ReleaseView release(ReleaseState state) {
        return new ReleaseView(1, "Release", state, null, null, "alice", Instant.EPOCH, Instant.EPOCH, 1, List.of(),
                null);
    }

    private static ReleaseFacts facts(String createdBy, Set<String> changesetAuthors) {
        return new ReleaseFacts(1, "Release", ReleaseState.IN_REVIEW, createdBy, 1, changesetAuthors, List.of(), false,
                List.of());
    }
}

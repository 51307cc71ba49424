package dev.greenlight.emergency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.greenlight.common.Decision;
import dev.greenlight.release.ReleaseFacts;
import dev.greenlight.release.ReleaseState;
import dev.greenlight.security.Actor;
import dev.greenlight.security.Role;

/** Who may take which step on the emergency path, without Quarkus. */
class EmergencyPermissionsTest {
    private static final Actor ALICE = Actor.of("alice", Role.AUTHOR);
    private static final Actor BOB = Actor.of("bob", Role.AUTHOR);
    private static final Actor SEAN = Actor.of("sean", Role.SECURITY_TEAM);
    private static final Actor PRIYA = Actor.of("priya", Role.PRODUCT_TEAM);
    private static final Actor LEAH = Actor.of("leah", Role.ENGINEERING_LEADER);
    private static final Actor LEO = Actor.of("leo", Role.ENGINEERING_LEADER);
    private static final Actor MAX = Actor.of("max", Role.MAINTAINER);
    private static final Actor CAROL = Actor.of("carol", Role.CODE_REVIEWER);

    /** Alice's release, holding a changeset Bob wrote. */
    private static ReleaseFacts release(ReleaseState state) {
        return new ReleaseFacts(7, "Hotfix", state, "alice", 1, Set.of("alice", "bob"), List.of("Fix"), false,
                List.of());
    }

    private static EmergencyView emergency(EmergencyState state, String assessedBy,
            List<EmergencyView.LeaderApproval> approvals) {
        return new EmergencyView(3, 7, "Hotfix", ReleaseState.IN_REVIEW, Criterion.values()[0], "why", "api", "low",
                state, "alice", Instant.EPOCH, assessedBy, null, null, null, null, null, null, approvals, List.of(),
                null);
    }

    @Test
    void onlyAuthorsRequest() {
        assertThat(EmergencyPermissions.request(ALICE).allowed()).isTrue();
        assertThat(EmergencyPermissions.request(MAX).reason())
                .isEqualTo("Only authors may request an emergency release.");
    }

    @Test
    void anAuthorRequestsOnlyForTheirOwnRelease() {
        assertThat(EmergencyPermissions.requestFor(ALICE, "alice").allowed()).isTrue();
        assertThat(EmergencyPermissions.requestFor(BOB, "alice").reason())
                .isEqualTo("Only the release's author (alice) may request an emergency for it.");
    }

    @Test
    void theReleasePageOffersTheEmergencyPathToTheAuthorOfAReleaseInReview() {
        assertThat(EmergencyPermissions.offer(ALICE, "alice", ReleaseState.IN_REVIEW).allowed()).isTrue();
        assertThat(EmergencyPermissions.offer(ALICE, "alice", ReleaseState.DRAFT).denied()).isTrue();
        assertThat(EmergencyPermissions.offer(BOB, "alice", ReleaseState.IN_REVIEW).denied()).isTrue();
        assertThat(EmergencyPermissions.offer(MAX, "max", ReleaseState.IN_REVIEW).denied()).isTrue();
    }

    @Test
    void theSecurityOrProductTeamAssessesAnotherPersonsRequest() {
        assertThat(EmergencyPermissions.assess(SEAN, "alice", release(ReleaseState.IN_REVIEW)).allowed()).isTrue();
        assertThat(EmergencyPermissions.assess(PRIYA, "alice", release(ReleaseState.IN_REVIEW)).allowed()).isTrue();
        assertThat(EmergencyPermissions.assess(LEAH, "alice", release(ReleaseState.IN_REVIEW)).reason())
                .isEqualTo("Only the security team or the product team may assess emergencies.");
        Actor author = Actor.of("sean", Role.SECURITY_TEAM, Role.AUTHOR);
        assertThat(EmergencyPermissions.assess(author, "sean", release(ReleaseState.IN_REVIEW)).reason())
                .isEqualTo("You requested this emergency: another member of the security or product team must"
                        + " assess it.");
    }

    @Test
    void nobodyAssessesAReleaseTheyWroteAChangesetOf() {
        Actor bob = Actor.of("bob", Role.SECURITY_TEAM);
        assertThat(EmergencyPermissions.assess(bob, "alice", release(ReleaseState.IN_REVIEW)).reason())
                .isEqualTo("You wrote a changeset in this release: another member of the security or product team"
                        + " must assess it.");
    }

    @Test
    void thePageOffersAnAssessmentOnlyWhileTheRequestWaitsForOne() {
        assertThat(EmergencyPermissions.assessNow(SEAN, "alice", EmergencyState.REQUESTED,
                release(ReleaseState.IN_REVIEW)).allowed()).isTrue();
        assertThat(EmergencyPermissions.assessNow(SEAN, "alice", EmergencyState.ASSESSED,
                release(ReleaseState.IN_REVIEW)).reason()).isEqualTo("It is assessed.");
    }

    @Test
    void anEngineeringLeaderWhoNeitherRequestedNorAssessedDecides() {
        ReleaseFacts release = release(ReleaseState.IN_REVIEW);
        assertThat(EmergencyPermissions.decide(LEAH, "alice", "sean", release).allowed()).isTrue();
        assertThat(EmergencyPermissions.decide(SEAN, "alice", "priya", release).reason())
                .isEqualTo("Only engineering leaders may approve or deny emergencies.");
        Actor assessingLeader = Actor.of("leah", Role.ENGINEERING_LEADER, Role.SECURITY_TEAM);
        assertThat(EmergencyPermissions.decide(assessingLeader, "alice", "leah", release).reason())
                .isEqualTo("You assessed this emergency: another engineering leader must decide.");
        Actor requestingLeader = Actor.of("leah", Role.ENGINEERING_LEADER, Role.AUTHOR);
        assertThat(EmergencyPermissions.decide(requestingLeader, "leah", "sean", release).reason())
                .isEqualTo("You requested this emergency: another engineering leader must decide.");
        Actor creator = Actor.of("alice", Role.ENGINEERING_LEADER);
        assertThat(EmergencyPermissions.decide(creator, "bob", "sean", release).reason())
                .isEqualTo("You created this release: another engineering leader must decide.");
    }

    @Test
    void thePageOffersADecisionOnceAssessedAndOnlyOncePerLeader() {
        ReleaseFacts release = release(ReleaseState.IN_REVIEW);
        assertThat(EmergencyPermissions.decideNow(LEAH, emergency(EmergencyState.ASSESSED, "sean", List.of()),
                release).allowed()).isTrue();
        assertThat(EmergencyPermissions.decideNow(LEAH, emergency(EmergencyState.REQUESTED, null, List.of()),
                release).reason()).isEqualTo("It waits for the security or product team's assessment first.");
        assertThat(EmergencyPermissions.decideNow(LEAH, emergency(EmergencyState.DENIED, "sean", List.of()),
                release).reason()).isEqualTo("It is denied.");
        List<EmergencyView.LeaderApproval> leahApproved = List.of(
                new EmergencyView.LeaderApproval("leah", null, List.of(), Instant.EPOCH, 1, false));
        assertThat(EmergencyPermissions.decideNow(LEAH, emergency(EmergencyState.ASSESSED, "sean", leahApproved),
                release).reason()).isEqualTo("You approved it already; it needs another engineering leader.");
        assertThat(EmergencyPermissions.decideNow(LEO, emergency(EmergencyState.ASSESSED, "sean", leahApproved),
                release).allowed()).isTrue();
        List<EmergencyView.LeaderApproval> staleApproval = List.of(
                new EmergencyView.LeaderApproval("leah", null, List.of(), Instant.EPOCH, 1, true));
        assertThat(EmergencyPermissions.decideNow(LEAH, emergency(EmergencyState.ASSESSED, "sean", staleApproval),
                release).allowed()).as("an approval of other changesets no longer counts").isTrue();
    }

    @Test
    void theRequesterAndTheTeamsWriteTheIncidentReport() {
        assertThat(EmergencyPermissions.writeReport(ALICE, "alice").allowed()).isTrue();
        assertThat(EmergencyPermissions.writeReport(MAX, "alice").allowed()).isTrue();
        assertThat(EmergencyPermissions.writeReport(SEAN, "alice").allowed()).isTrue();
        assertThat(EmergencyPermissions.writeReport(BOB, "alice").reason())
                .isEqualTo("Only the requester (alice) among authors may write this incident report.");
        Decision reviewer = EmergencyPermissions.writeReport(CAROL, "alice");
        assertThat(reviewer.reason()).isEqualTo("Only the requester, the security or product team, engineering"
                + " leaders, maintainers and admins may write the incident report.");
    }
}

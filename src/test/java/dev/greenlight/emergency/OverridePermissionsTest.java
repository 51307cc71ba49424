package dev.greenlight.emergency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.greenlight.release.ReleaseFacts;
import dev.greenlight.release.ReleaseState;
import dev.greenlight.security.Actor;
import dev.greenlight.security.Role;

/** Who may ask for and decide an override, without Quarkus. */
class OverridePermissionsTest {
    private static final Actor ADA = Actor.of("ada", Role.ADMIN);
    private static final Actor ANDY = Actor.of("andy", Role.ADMIN);
    private static final Actor LEAH = Actor.of("leah", Role.ENGINEERING_LEADER);
    private static final Actor MAX = Actor.of("max", Role.MAINTAINER);
    /** Alice's release, holding a changeset Bob wrote. */
    private static final ReleaseFacts RELEASE = new ReleaseFacts(7, "Hotfix", ReleaseState.IN_REVIEW, "alice", 1,
            Set.of("alice", "bob"), List.of("Fix"), false, List.of());

    @Test
    void onlyAdminsAsk() {
        assertThat(OverridePermissions.request(ADA).allowed()).isTrue();
        assertThat(OverridePermissions.request(MAX).reason()).isEqualTo("Only admins may ask for an override.");
    }

    @Test
    void theReleasePageOffersAnOverrideForAReleaseInReview() {
        assertThat(OverridePermissions.offer(ADA, ReleaseState.IN_REVIEW).allowed()).isTrue();
        assertThat(OverridePermissions.offer(ADA, ReleaseState.APPROVED).denied()).isTrue();
        assertThat(OverridePermissions.offer(LEAH, ReleaseState.IN_REVIEW).denied()).isTrue();
    }

    @Test
    void aSecondAdminOrALeaderDecides() {
        assertThat(OverridePermissions.decide(ANDY, "ada", RELEASE).allowed()).isTrue();
        assertThat(OverridePermissions.decide(LEAH, "ada", RELEASE).allowed()).isTrue();
        assertThat(OverridePermissions.decide(MAX, "ada", RELEASE).reason())
                .isEqualTo("Only a second admin or an engineering leader may decide an override.");
        assertThat(OverridePermissions.decide(ADA, "ada", RELEASE).reason())
                .isEqualTo("You asked for this override: a second admin or an engineering leader must decide it.");
    }

    @Test
    void nobodyDecidesAboutAReleaseTheyCreatedOrWroteAChangesetOf() {
        assertThat(OverridePermissions.decide(Actor.of("alice", Role.ADMIN), "ada", RELEASE).reason())
                .isEqualTo("You created this release: a second admin or an engineering leader must decide it.");
        assertThat(OverridePermissions.decide(Actor.of("bob", Role.ENGINEERING_LEADER), "ada", RELEASE).reason())
                .isEqualTo("You wrote a changeset in this release: a second admin or an engineering leader must"
                        + " decide it.");
    }

    @Test
    void thePageOffersADecisionOnlyWhileNobodyDecided() {
        assertThat(OverridePermissions.decideNow(LEAH, "ada", OverrideState.REQUESTED, RELEASE).allowed()).isTrue();
        assertThat(OverridePermissions.decideNow(LEAH, "ada", OverrideState.APPROVED, RELEASE).reason())
                .isEqualTo("It is approved.");
        assertThat(OverridePermissions.decideNow(LEAH, "ada", OverrideState.LAPSED, RELEASE).reason())
                .isEqualTo("It lapsed: the release's changesets changed since it was asked.");
    }
}

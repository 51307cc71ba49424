package dev.greenlight.environment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.greenlight.release.ReleaseFacts;
import dev.greenlight.release.ReleaseState;
import dev.greenlight.security.Actor;
import dev.greenlight.security.Role;

class EnvironmentPermissionsTest {
    private static final EnvironmentRule PRODUCTION = new EnvironmentRule("production", 1, List.of(5, 25, 100),
            Duration.ofHours(1), 1, Set.of(Role.ENGINEERING_LEADER, Role.MAINTAINER), List.of());
    private static final ReleaseFacts RELEASE = new ReleaseFacts(7, "Canary", ReleaseState.PUBLISHED, "alice", 1,
            Set.of("tom"), List.of("Change"), false, List.of());

    @Test
    void ciAndMaintainersReportDeploymentsButNotOfTheirOwnRelease() {
        assertThat(EnvironmentPermissions.report(Actor.of("ci", Role.CI), RELEASE).allowed()).isTrue();
        assertThat(EnvironmentPermissions.report(Actor.of("max", Role.MAINTAINER), RELEASE).allowed()).isTrue();
        assertThat(EnvironmentPermissions.report(Actor.of("leah", Role.ENGINEERING_LEADER), RELEASE).reason())
                .isEqualTo("Only CI or a maintainer may report deployments.");
        assertThat(EnvironmentPermissions.report(Actor.of("alice", Role.MAINTAINER), RELEASE).reason())
                .startsWith("You created this release");
    }

    @Test
    void leadersAndMaintainersApproveOnceAndNeverTheirOwnRelease() {
        Actor leah = Actor.of("leah", Role.ENGINEERING_LEADER);
        assertThat(EnvironmentPermissions.approvePromotion(leah, PRODUCTION, RELEASE, Set.of()).allowed()).isTrue();
        assertThat(EnvironmentPermissions.approvePromotion(Actor.of("max", Role.MAINTAINER), PRODUCTION, RELEASE,
                Set.of("leah")).allowed()).isTrue();
        assertThat(EnvironmentPermissions.approvePromotion(leah, PRODUCTION, RELEASE, Set.of("leah")).reason())
                .isEqualTo("You already approved promotion to production.");
        assertThat(EnvironmentPermissions.approvePromotion(Actor.of("carol", Role.CODE_REVIEWER), PRODUCTION, RELEASE,
                Set.of()).reason())
                .isEqualTo("Only an engineering leader or maintainer may approve promotion to production.");
        assertThat(EnvironmentPermissions.approvePromotion(Actor.of("tom", Role.ENGINEERING_LEADER), PRODUCTION,
                RELEASE, Set.of()).reason())
                .isEqualTo("You wrote a changeset in this release: another engineering leader or maintainer must "
                        + "approve its promotion.");
        assertThat(EnvironmentPermissions.approvePromotion(Actor.of("alice", Role.MAINTAINER), PRODUCTION, RELEASE,
                Set.of()).reason()).startsWith("You created this release");
    }

    @Test
    void rollbackIsOfferedToThoseWhoMayWhileTheReleaseIsLive() {
        assertThat(EnvironmentPermissions.rollBack(Actor.of("leah", Role.ENGINEERING_LEADER), ReleaseState.PUBLISHED)
                .allowed()).isTrue();
        assertThat(EnvironmentPermissions.rollBack(Actor.of("ci", Role.CI), ReleaseState.PUBLISHED).allowed())
                .isFalse();
        assertThat(EnvironmentPermissions.rollBack(Actor.of("max", Role.MAINTAINER), ReleaseState.ROLLED_BACK)
                .allowed()).isFalse();
    }
}

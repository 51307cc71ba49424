package dev.greenlight.rollback;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.greenlight.release.ReleaseState;
import dev.greenlight.security.Actor;
import dev.greenlight.security.Role;

/** Who may roll a release back and tick its checklist, without Quarkus. */
class RollbackPermissionsTest {
    private static final Actor MAX = Actor.of("max", Role.MAINTAINER);
    private static final Actor LEA = Actor.of("lea", Role.ENGINEERING_LEADER);
    private static final Actor CI = Actor.of("ci", Role.CI);
    private static final Actor ADMIN = Actor.of("ada", Role.ADMIN);

    @Test
    void maintainersAndEngineeringLeadersStartAndTick() {
        for (Actor actor : new Actor[]{MAX, LEA}) {
            assertThat(RollbackPermissions.start(actor).allowed()).as(actor.username()).isTrue();
            assertThat(RollbackPermissions.tick(actor).allowed()).as(actor.username()).isTrue();
        }
    }

    @Test
    void othersNeitherStartNorTickAndAreToldWhoMay() {
        for (Actor actor : new Actor[]{CI, ADMIN}) {
            assertThat(RollbackPermissions.start(actor).reason()).as(actor.username())
                    .isEqualTo("Only maintainers or engineering leaders may roll back a release.");
            assertThat(RollbackPermissions.tick(actor).reason()).as(actor.username())
                    .isEqualTo("Only maintainers or engineering leaders may tick rollback steps.");
        }
    }

    @Test
    void onlyAPublishedOrValidatedReleaseIsRolledBack() {
        assertThat(RollbackPermissions.rollBack(4, ReleaseState.PUBLISHED).allowed()).isTrue();
        assertThat(RollbackPermissions.rollBack(4, ReleaseState.VALIDATED).allowed()).isTrue();
        assertThat(RollbackPermissions.rollBack(4, ReleaseState.ROLLED_BACK).reason())
                .isEqualTo("Only a published or validated release can be rolled back; release 4 is rolled back.");
    }

    @Test
    void theStartButtonNeedsBothTheRoleAndALiveRelease() {
        assertThat(RollbackPermissions.startNow(MAX, 4, ReleaseState.PUBLISHED).allowed()).isTrue();
        assertThat(RollbackPermissions.startNow(CI, 4, ReleaseState.PUBLISHED).reason()).startsWith("Only maintainers");
        assertThat(RollbackPermissions.startNow(MAX, 4, ReleaseState.APPROVED).reason())
                .startsWith("Only a published or validated release");
    }
}

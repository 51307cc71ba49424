package dev.greenlight.lane;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.greenlight.security.Actor;
import dev.greenlight.security.Role;

class LanePermissionsTest {

    @Test
    void leadersAdminsAndMaintainersReplayTheRule() {
        for (Role role : new Role[]{Role.ENGINEERING_LEADER, Role.ADMIN, Role.MAINTAINER}) {
            assertThat(LanePermissions.replay(Actor.of("x", role)).allowed()).as("%s", role).isTrue();
        }
    }

    @Test
    void everyoneElseIsToldWhoMay() {
        for (Role role : new Role[]{Role.AUTHOR, Role.CODE_REVIEWER, Role.SECURITY_TEAM, Role.CI}) {
            assertThat(LanePermissions.replay(Actor.of("x", role)).reason()).as("%s", role)
                    .isEqualTo("Only engineering leaders, admins and maintainers may replay the standard-change rule.");
        }
    }
}

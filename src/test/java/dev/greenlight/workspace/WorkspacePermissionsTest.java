package dev.greenlight.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.greenlight.security.Actor;
import dev.greenlight.security.Role;

/** Who may change the workspace's packages, without Quarkus. */
class WorkspacePermissionsTest {

    @Test
    void maintainersAdminsAndCiEditPackagesAuthorsDoNot() {
        assertThat(WorkspacePermissions.edit(Actor.of("max", Role.MAINTAINER)).allowed()).isTrue();
        assertThat(WorkspacePermissions.edit(Actor.of("ada", Role.ADMIN)).allowed()).isTrue();
        assertThat(WorkspacePermissions.edit(Actor.of("ci", Role.CI)).allowed()).isTrue();
        assertThat(WorkspacePermissions.edit(Actor.of("alice", Role.AUTHOR)).reason())
                .isEqualTo("Only a maintainer, an admin or CI may change the workspace's packages.");
    }
}

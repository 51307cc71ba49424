package dev.greenlight.workspace;

import java.util.Set;

import dev.greenlight.common.Decision;
import dev.greenlight.security.Actor;
import dev.greenlight.security.Role;

/** Who may change the workspace's packages; the service enforces it, the packages page shows its form from it. */
public final class WorkspacePermissions {
    private static final Set<Role> EDITORS = Set.of(Role.MAINTAINER, Role.ADMIN, Role.CI);

    private WorkspacePermissions() {
    }

    /** Maintainers, admins and CI add packages and change their manifests. */
    public static Decision edit(Actor actor) {
        return actor.hasAny(EDITORS)
                ? Decision.allow()
                : Decision.deny("Only a maintainer, an admin or CI may change the workspace's packages.");
    }
}

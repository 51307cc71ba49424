package dev.greenlight.lane;

import java.util.Set;

import dev.greenlight.common.Decision;
import dev.greenlight.security.Actor;
import dev.greenlight.security.Role;

/** Who may see what the standard-change lane would have done. */
public final class LanePermissions {
    private static final Set<Role> REPLAYERS = Set.of(Role.ENGINEERING_LEADER, Role.ADMIN, Role.MAINTAINER);

    private LanePermissions() {
    }

    /** Those who tune the policy (leaders, admins) and those who ship (maintainers) replay the rule. */
    public static Decision replay(Actor actor) {
        return actor.hasAny(REPLAYERS)
                ? Decision.allow()
                : Decision
                        .deny("Only engineering leaders, admins and maintainers may replay the standard-change rule.");
    }
}

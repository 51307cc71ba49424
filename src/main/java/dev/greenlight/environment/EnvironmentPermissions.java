package dev.greenlight.environment;

import java.util.Set;

import dev.greenlight.common.Decision;
import dev.greenlight.release.ReleaseAction;
import dev.greenlight.release.ReleaseFacts;
import dev.greenlight.release.ReleaseState;
import dev.greenlight.release.SegregationOfDuties;
import dev.greenlight.security.Actor;
import dev.greenlight.security.Role;

/** Who may report deployments, approve a promotion or roll back a failed step; the service enforces it. */
public final class EnvironmentPermissions {
    /** The pipeline that deploys, or a maintainer by hand. */
    static final Set<Role> REPORTERS = Set.of(Role.CI, Role.MAINTAINER);

    private EnvironmentPermissions() {
    }

    /** CI, or a maintainer who neither created the release nor wrote one of its changesets. */
    public static Decision report(Actor actor, ReleaseFacts release) {
        if (!actor.hasAny(REPORTERS)) {
            return Decision.deny("Only CI or a maintainer may report deployments.");
        }
        String selfAttested = SegregationOfDuties.reportRefusal(release, actor,
                "CI or another maintainer must report its deployments");
        return selfAttested == null ? Decision.allow() : Decision.deny(selfAttested);
    }

    /**
     * A person holding one of the environment's approver roles who neither created the release nor wrote one of its
     * changesets, and has not approved this promotion already.
     */
    public static Decision approvePromotion(Actor actor, EnvironmentRule rule, ReleaseFacts release,
            Set<String> approvedBy) {
        if (!actor.hasAny(rule.approverRoles())) {
            return Decision.deny("Only an " + rule.approversLabel() + " may approve promotion to " + rule.name()
                    + ".");
        }
        String refusal = SegregationOfDuties.refusal(release, actor.username(),
                "another " + rule.approversLabel() + " must approve its promotion");
        if (refusal != null) {
            return Decision.deny(refusal);
        }
        if (approvedBy.contains(actor.username())) {
            return Decision.deny("You already approved promotion to " + rule.name() + ".");
        }
        return Decision.allow();
    }

    /** Those who may roll a release back, while it is live: a failed step offers them the rollback. */
    public static Decision rollBack(Actor actor, ReleaseState state) {
        if (!actor.hasAny(ReleaseAction.ROLL_BACK.performers())) {
            return Decision.deny("Only maintainers and engineering leaders roll back releases.");
        }
        if (!state.allows(ReleaseAction.ROLL_BACK)) {
            return Decision.deny("A release that is " + state.label().toLowerCase() + " cannot be rolled back.");
        }
        return Decision.allow();
    }
}

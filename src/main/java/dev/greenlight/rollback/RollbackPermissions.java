package dev.greenlight.rollback;

import java.util.Set;

import dev.greenlight.common.Decision;
import dev.greenlight.release.ReleaseAction;
import dev.greenlight.release.ReleaseState;
import dev.greenlight.security.Actor;
import dev.greenlight.security.Role;

/**
 * Who may roll a release back and tick the checklist. The service enforces it; the release page and the checks
 * section show the buttons.
 */
public final class RollbackPermissions {

    private RollbackPermissions() {
    }

    /** The roles that may roll a release back: they also work through its checklist. */
    public static Set<Role> performers() {
        return ReleaseAction.ROLL_BACK.performers();
    }

    /** Whether the actor's roles let them start a rollback. */
    public static Decision start(Actor actor) {
        return actor.hasAny(performers())
                ? Decision.allow()
                : Decision.deny("Only maintainers or engineering leaders may roll back a release.");
    }

    /** Whether the actor's roles let them tick a rollback's steps. */
    public static Decision tick(Actor actor) {
        return actor.hasAny(performers())
                ? Decision.allow()
                : Decision.deny("Only maintainers or engineering leaders may tick rollback steps.");
    }

    /** A published or validated release can be rolled back; a refusal here is a conflict. */
    public static Decision rollBack(long releaseId, ReleaseState state) {
        return state.allows(ReleaseAction.ROLL_BACK)
                ? Decision.allow()
                : Decision.deny("Only a published or validated release can be rolled back; release " + releaseId
                        + " is " + state.label().toLowerCase() + ".");
    }

    /** Whether the actor may start a rollback of a release in {@code state} now: the button on the release page. */
    public static Decision startNow(Actor actor, long releaseId, ReleaseState state) {
        return start(actor).and(rollBack(releaseId, state));
    }
}

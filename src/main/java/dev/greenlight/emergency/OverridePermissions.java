package dev.greenlight.emergency;

import java.util.Set;

import dev.greenlight.common.Decision;
import dev.greenlight.release.ReleaseFacts;
import dev.greenlight.release.ReleaseState;
import dev.greenlight.release.SegregationOfDuties;
import dev.greenlight.security.Actor;
import dev.greenlight.security.Role;

/**
 * Who may ask for and decide an override: an admin asks, a second person (another admin or an engineering leader who
 * neither created the release nor wrote its changesets) decides. The service enforces these, the pages show them.
 */
public final class OverridePermissions {
    private static final Set<Role> SECOND_PERSON = Set.of(Role.ADMIN, Role.ENGINEERING_LEADER);
    private static final String ANOTHER_PERSON = "a second admin or an engineering leader must decide it";

    private OverridePermissions() {
    }

    /** Only admins ask for an override. */
    public static Decision request(Actor actor) {
        return actor.has(Role.ADMIN) ? Decision.allow() : Decision.deny("Only admins may ask for an override.");
    }

    /** The release page offers an override to admins, for a release in review. */
    public static Decision offer(Actor actor, ReleaseState state) {
        return request(actor).and(state == ReleaseState.IN_REVIEW
                ? Decision.allow()
                : Decision.deny("An override is for a release in review."));
    }

    /** Only a second admin or an engineering leader decides. */
    public static Decision decider(Actor actor) {
        return actor.hasAny(SECOND_PERSON)
                ? Decision.allow()
                : Decision.deny("Only a second admin or an engineering leader may decide an override.");
    }

    /** The second person holds the role, did not ask, and neither created the release nor wrote its changesets. */
    public static Decision decide(Actor actor, String requestedBy, ReleaseFacts release) {
        Decision notRequester = actor.username().equals(requestedBy)
                ? Decision.deny("You asked for this override: " + ANOTHER_PERSON + ".")
                : Decision.allow();
        String conflict = SegregationOfDuties.refusal(release, actor.username(), ANOTHER_PERSON);
        return decider(actor).and(notRequester).and(conflict == null ? Decision.allow() : Decision.deny(conflict));
    }

    /** {@link #decide}, and nobody decided it yet and it did not lapse: what the override page offers. */
    public static Decision decideNow(Actor actor, String requestedBy, OverrideState state, ReleaseFacts release) {
        return decide(actor, requestedBy, release).and(switch (state) {
            case REQUESTED -> Decision.allow();
            case LAPSED -> Decision.deny("It lapsed: the release's changesets changed since it was asked.");
            case APPROVED, DENIED -> Decision.deny("It is " + state.name().toLowerCase() + ".");
        });
    }
}

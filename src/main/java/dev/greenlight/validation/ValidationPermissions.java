package dev.greenlight.validation;

import java.util.Set;

import dev.greenlight.common.Decision;
import dev.greenlight.release.ReleaseFacts;
import dev.greenlight.release.ReleaseState;
import dev.greenlight.release.SegregationOfDuties;
import dev.greenlight.security.Actor;
import dev.greenlight.security.Role;

/**
 * Who may report post-release checks of which release. The service enforces it; the release page shows the form or
 * the reason.
 */
public final class ValidationPermissions {
    /** CI reports what it measured after the release; maintainers may report by hand. */
    static final Set<Role> REPORTERS = Set.of(Role.CI, Role.MAINTAINER);

    private ValidationPermissions() {
    }

    /** Whether the actor's roles let them report post-release checks at all. */
    public static Decision report(Actor actor) {
        return actor.hasAny(REPORTERS)
                ? Decision.allow()
                : Decision.deny("Only CI or a maintainer may report post-release checks.");
    }

    /**
     * Segregation of duties: a person who created the release or wrote one of its changesets does not attest to its
     * checks; CI reports what it measured.
     */
    public static Decision reportOn(Actor actor, ReleaseFacts release) {
        String refusal = SegregationOfDuties.reportRefusal(release, actor,
                "CI or another maintainer must report its checks");
        return refusal == null ? Decision.allow() : Decision.deny(refusal);
    }

    /** Checks are reported on a live release (published or validated); a refusal here is a conflict. */
    public static Decision whileLive(ReleaseState state) {
        return isLive(state)
                ? Decision.allow()
                : Decision.deny("Post-release checks are reported on published releases; this one is "
                        + state.label().toLowerCase() + ".");
    }

    static boolean isLive(ReleaseState state) {
        return state == ReleaseState.PUBLISHED || state == ReleaseState.VALIDATED;
    }
}

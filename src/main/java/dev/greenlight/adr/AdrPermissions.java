package dev.greenlight.adr;

import dev.greenlight.common.Decision;
import dev.greenlight.security.Actor;
import dev.greenlight.security.Role;

/** Who may do what with ADR references; the service enforces it, the release page shows it. */
public final class AdrPermissions {

    private AdrPermissions() {
    }

    /** The release's author or a maintainer may add references; everyone who may read the release sees them. */
    public static Decision add(Actor actor, String releaseAuthor) {
        if (actor.has(Role.MAINTAINER) || (actor.has(Role.AUTHOR) && actor.username().equals(releaseAuthor))) {
            return Decision.allow();
        }
        return Decision
                .deny("Only the release's author (" + releaseAuthor + ") or a maintainer may add ADR references.");
    }
}

package dev.greenlight.changeset;

import java.util.Set;

import dev.greenlight.common.Decision;
import dev.greenlight.security.Actor;
import dev.greenlight.security.Role;

/**
 * Who may submit and remove changesets, and if not why. {@link ChangesetService} enforces these; the changesets page
 * shows its form and buttons from them.
 */
public final class ChangesetPermissions {
    private static final Set<Role> SUBMITTERS = Set.of(Role.AUTHOR, Role.MAINTAINER, Role.CI);

    private ChangesetPermissions() {
    }

    /** Authors, maintainers and CI submit changesets. */
    public static Decision submit(Actor actor) {
        return actor.hasAny(SUBMITTERS)
                ? Decision.allow()
                : Decision.deny("Only authors, maintainers and CI may submit changesets.");
    }

    /**
     * Whether the actor may submit changesets authored by {@code author} (null: themselves). A person submits their
     * own; only CI submits on someone else's behalf, as "nobody approves a changeset they authored" must know the
     * person who wrote it.
     */
    public static Decision submitAs(Actor actor, String author) {
        if (actor.has(Role.CI) || author == null || author.equals(actor.username())) {
            return Decision.allow();
        }
        return Decision.deny("Only CI submits changesets on someone else's behalf; yours are authored by "
                + actor.username() + ".");
    }

    /** A pending changeset's author or a maintainer removes it. */
    public static Decision remove(Actor actor, String author) {
        return actor.username().equals(author) || actor.has(Role.MAINTAINER)
                ? Decision.allow()
                : Decision.deny("Only the changeset's author (" + author + ") or a maintainer may remove it.");
    }
}

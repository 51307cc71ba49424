package dev.greenlight.releasenotes;

import dev.greenlight.common.Decision;
import dev.greenlight.release.ReleaseState;
import dev.greenlight.security.Actor;

/**
 * Who may read which release notes. The public pages show a release once it was published (rolled back ones marked
 * so), to anyone; the GitHub-style notes of one release are for people with a Greenlight role, once it is published.
 */
public final class ReleaseNotesPermissions {

    private ReleaseNotesPermissions() {
    }

    /** Whether a release in this state was published: only then are its notes anyone's to read. */
    public static Decision published(long releaseId, ReleaseState state) {
        return switch (state) {
            case PUBLISHED, VALIDATED, ROLLED_BACK -> Decision.allow();
            default -> Decision.deny("Release " + releaseId + " is " + state.label().toLowerCase()
                    + ": it has release notes once it is published.");
        };
    }

    /** The GitHub-style notes of releases: for anyone with a Greenlight role. */
    public static Decision reader(Actor actor) {
        return actor.roles().isEmpty()
                ? Decision.deny("Release notes of a release are for people with a Greenlight role.")
                : Decision.allow();
    }

    /** The GitHub-style notes of one release: any Greenlight role, a published release. */
    public static Decision read(Actor actor, long releaseId, ReleaseState state) {
        return reader(actor).and(published(releaseId, state));
    }
}

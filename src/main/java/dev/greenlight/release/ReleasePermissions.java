package dev.greenlight.release;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import dev.greenlight.common.Decision;
import dev.greenlight.security.Actor;
import dev.greenlight.security.Role;

/**
 * Who may do what with a release by hand, and if not why: create one, take an action on it (submit, cancel, publish),
 * change its changesets, and decide about it at all (segregation of duties). {@link ReleaseService} enforces these;
 * the release pages show a button or the reason from them; other features ask {@link #decideAbout} before a person
 * decides about or attests to a release.
 */
public final class ReleasePermissions {
    private static final Set<Role> CREATORS = Set.of(Role.AUTHOR, Role.MAINTAINER);
    private static final Set<Role> DEPLOYMENT_REPORTERS = Set.of(Role.CI, Role.MAINTAINER);
    /** Actions an author may take only on a release they created; maintainers may take them on any. */
    private static final Set<ReleaseAction> OWN_RELEASE_ONLY = EnumSet.of(ReleaseAction.SUBMIT, ReleaseAction.CANCEL);

    private ReleasePermissions() {
    }

    /** Authors and maintainers create releases. */
    public static Decision create(Actor actor) {
        return actor.hasAny(CREATORS)
                ? Decision.allow()
                : Decision.deny("Only authors and maintainers may create releases.");
    }

    /**
     * Whether the actor may take {@code action} by hand on a release {@code createdBy} created, whatever its state:
     * only the action's performers, submit and cancel only on one's own release unless maintainer or admin, and no
     * system action ever.
     */
    public static Decision act(Actor actor, String createdBy, ReleaseAction action) {
        if (action.isSystem()) {
            return Decision.deny("Greenlight takes this step itself when its conditions are met.");
        }
        if (!actor.hasAny(action.performers())) {
            return Decision.deny("Only " + roleList(action.performers()) + " may do this.");
        }
        if (OWN_RELEASE_ONLY.contains(action) && !actor.has(Role.MAINTAINER) && !actor.has(Role.ADMIN)
                && !actor.username().equals(createdBy)) {
            return Decision.deny("Only the release's author (" + createdBy + ") or a maintainer may do this.");
        }
        return Decision.allow();
    }

    /** The actions the actor may take on the release in its current state, for the buttons a page shows. */
    public static Set<ReleaseAction> actionsFor(Actor actor, ReleaseView release) {
        Set<ReleaseAction> actions = EnumSet.noneOf(ReleaseAction.class);
        for (ReleaseAction action : release.state().allowedActions()) {
            if (act(actor, release.createdBy(), action).allowed()) {
                actions.add(action);
            }
        }
        return actions;
    }

    /** The release's author or a maintainer adds or removes its changesets (while it is open: a state rule). */
    public static Decision editContent(Actor actor, String createdBy) {
        return actor.has(Role.MAINTAINER) || actor.username().equals(createdBy)
                ? Decision.allow()
                : Decision.deny("Only the release's author (" + createdBy
                        + ") or a maintainer may change its changesets.");
    }

    /** CI or a maintainer reports when a release merged and reached production. */
    public static Decision reportDeployment(Actor actor) {
        return actor.hasAny(DEPLOYMENT_REPORTERS)
                ? Decision.allow()
                : Decision.deny("Only CI or a maintainer may report deployments.");
    }

    /**
     * Segregation of duties, the one rule for every decision about a release (a review, an override, an emergency's
     * assessment or leader decision): nobody decides about a release they created or that holds a changeset they
     * wrote. A refusal says why, followed by {@code instead} (who must decide, e.g. "another code reviewer must review
     * it").
     */
    public static Decision decideAbout(ReleaseFacts release, String username, String instead) {
        if (username.equals(release.createdBy())) {
            return Decision.deny("You created this release: " + instead + ".");
        }
        if (release.changesetAuthors().contains(username)) {
            return Decision.deny("You wrote a changeset in this release: " + instead + ".");
        }
        return Decision.allow();
    }

    /**
     * The same rule for a measurement a person reports about the release (a gate result, a post-release check, a
     * deployment); CI, the machine client, reports what the pipeline measured.
     */
    public static Decision report(ReleaseFacts release, Actor reporter, String instead) {
        return reporter.has(Role.CI) ? Decision.allow() : decideAbout(release, reporter.username(), instead);
    }

    private static String roleList(Set<Role> roles) {
        return roles.stream().sorted().map(r -> r.label().toLowerCase() + "s").collect(Collectors.joining(", "));
    }
}

package dev.greenlight.incident;

import java.util.Set;

import dev.greenlight.common.Decision;
import dev.greenlight.security.Actor;
import dev.greenlight.security.Role;

/**
 * Who may file, see and edit incidents (their report included). A security incident is seen only by the security team
 * and reviewers, engineering leaders and the people named on it; to anyone else it does not exist, so they may not
 * edit it either. The service enforces these, pages and the release page show them.
 */
public final class IncidentPermissions {
    /** Who may file an incident. */
    private static final Set<Role> FILERS = Set.of(Role.AUTHOR, Role.SECURITY_TEAM, Role.PRODUCT_TEAM,
            Role.ENGINEERING_LEADER, Role.MAINTAINER, Role.ADMIN);
    /** Who may edit any incident they see; its reporter may edit their own. */
    private static final Set<Role> EDITORS = Set.of(Role.SECURITY_TEAM, Role.PRODUCT_TEAM, Role.ENGINEERING_LEADER,
            Role.MAINTAINER, Role.ADMIN);
    /** Who sees every security incident. */
    private static final Set<Role> SECURITY_READERS = Set.of(Role.SECURITY_TEAM, Role.SECURITY_REVIEWER,
            Role.ENGINEERING_LEADER);

    private IncidentPermissions() {
    }

    public static Decision file(Actor actor) {
        return actor.hasAny(FILERS)
                ? Decision.allow()
                : Decision.deny("Only authors, the security or product team, engineering leaders, maintainers and"
                        + " admins may file incidents.");
    }

    /** Whether the actor sees every incident, security ones included, so that no query needs to filter. */
    public static boolean seesAll(Actor actor) {
        return actor.hasAny(SECURITY_READERS);
    }

    /**
     * Whether the actor sees an incident: every role sees the others; a security one only those who see all, its
     * reporter and the people {@code named} on it (its post-mortems' owners and their action items' owners).
     */
    public static Decision see(Actor actor, boolean security, String reporter, boolean named) {
        if (!security || seesAll(actor) || actor.username().equals(reporter) || named) {
            return Decision.allow();
        }
        return Decision.deny("This is " + IncidentSummary.HIDDEN + ": only the security team and reviewers,"
                + " engineering leaders and the people named on it may change it.");
    }

    /** The incident's reporter and the editors may edit it, as its page says. */
    public static Decision edit(Actor actor, String reporter) {
        return actor.hasAny(EDITORS) || actor.username().equals(reporter)
                ? Decision.allow()
                : Decision.deny("Only its reporter (" + reporter + "), the security or product team, engineering"
                        + " leaders, maintainers and admins may edit this incident.");
    }

    /** The same for incident {@code id}, which the actor must see ({@link #see}) to change, as the service says. */
    public static Decision edit(Actor actor, long id, String reporter, Decision seen) {
        return seen.and(actor.hasAny(EDITORS) || actor.username().equals(reporter)
                ? Decision.allow()
                : Decision.deny("Only its reporter (" + reporter + "), the security or product team, engineering"
                        + " leaders, maintainers and admins may edit incident " + id + "."));
    }
}

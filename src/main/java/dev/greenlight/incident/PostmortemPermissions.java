package dev.greenlight.incident;

import java.util.Set;

import dev.greenlight.common.Decision;
import dev.greenlight.security.Actor;
import dev.greenlight.security.Role;

/**
 * Who may write, review and publish a post-mortem: its owner or the teams write it, someone else reviews it, the
 * owner, its reviewer or an engineering leader publishes it. The service enforces these, its pages show them.
 */
public final class PostmortemPermissions {
    private static final Set<Role> WRITERS = Set.of(Role.SECURITY_TEAM, Role.PRODUCT_TEAM, Role.ENGINEERING_LEADER,
            Role.MAINTAINER, Role.ADMIN);
    private static final Set<Role> REVIEWERS = Set.of(Role.SECURITY_TEAM, Role.PRODUCT_TEAM, Role.ENGINEERING_LEADER,
            Role.MAINTAINER);

    private PostmortemPermissions() {
    }

    /** The incident's editors ({@link IncidentPermissions#edit}) start its post-mortem. */
    public static Decision start(Actor actor, String incidentReporter) {
        return IncidentPermissions.edit(actor, incidentReporter).allowed()
                ? Decision.allow()
                : Decision.deny("Only the incident's reporter (" + incidentReporter + "), the security or product"
                        + " team, engineering leaders, maintainers and admins may start its post-mortem.");
    }

    /** Its owner and the writers write it (in draft) and update its action items (always). */
    public static boolean writer(Actor actor, String owner) {
        return actor.username().equals(owner) || actor.hasAny(WRITERS);
    }

    /** {@link #writer}, with the reason a page shows. */
    public static Decision write(Actor actor, String owner) {
        return writer(actor, owner)
                ? Decision.allow()
                : Decision.deny("Only its owner (" + owner + "), the security or product team, engineering leaders,"
                        + " maintainers and admins may write it.");
    }

    /** {@link #writer}, with the reason the service gives for post-mortem {@code id}. */
    public static Decision write(Actor actor, long id, String owner) {
        return writer(actor, owner)
                ? Decision.allow()
                : Decision.deny("Only its owner (" + owner + "), the security or product team, engineering leaders,"
                        + " maintainers and admins may write post-mortem " + id + ".");
    }

    /** An action item's owner updates its status, as do those who write the post-mortem. */
    public static Decision updateActionItem(Actor actor, String itemOwner, String owner) {
        return writer(actor, owner) || actor.username().equals(itemOwner)
                ? Decision.allow()
                : Decision.deny("Only the action item's owner (" + itemOwner + "), the post-mortem's owner (" + owner
                        + "), the security or product team, engineering leaders, maintainers and admins may update"
                        + " it.");
    }

    /** A reviewer neither owns it nor sent it for review. */
    public static Decision review(Actor actor, String owner, String submittedBy) {
        if (!actor.hasAny(REVIEWERS)) {
            return Decision.deny("Only the security or product team, engineering leaders and maintainers may review"
                    + " post-mortems.");
        }
        if (actor.username().equals(owner)) {
            return Decision.deny("You own this post-mortem: someone else must review it.");
        }
        if (actor.username().equals(submittedBy)) {
            return Decision.deny("You sent this post-mortem for review: someone else must review it.");
        }
        return Decision.allow();
    }

    /** The owner, the reviewer who signed off, or an engineering leader publishes. */
    public static Decision publish(Actor actor, String owner, String reviewer) {
        if (actor.username().equals(owner) || actor.username().equals(reviewer)
                || actor.has(Role.ENGINEERING_LEADER)) {
            return Decision.allow();
        }
        return Decision.deny("Only its owner (" + owner + "), the reviewer who signed it off, or an engineering leader"
                + " may publish this post-mortem.");
    }
}

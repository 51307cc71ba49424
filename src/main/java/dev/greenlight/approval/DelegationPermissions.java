package dev.greenlight.approval;

import java.util.Optional;
import java.util.Set;

import dev.greenlight.common.Decision;
import dev.greenlight.security.Actor;
import dev.greenlight.security.Role;

/** Who may hand their review slots to whom, and who may take a delegation back. */
public final class DelegationPermissions {

    private DelegationPermissions() {
    }

    /**
     * A reviewer hands a review role they hold to another known person holding that role; never to themselves,
     * never to someone Greenlight does not know or who lacks the role.
     *
     * @param reviewerRoles the roles that fill review slots under the policy
     * @param delegateRoles the roles Greenlight knows the delegate by; empty when it does not know them
     */
    public static Decision delegate(Actor actor, Role role, Set<Role> reviewerRoles, String delegate,
            Optional<Set<Role>> delegateRoles) {
        if (!reviewerRoles.contains(role)) {
            return Decision.deny("Only review roles are delegated; " + role.label().toLowerCase()
                    + " fills no review slot.");
        }
        if (!actor.has(role)) {
            return Decision.deny("Only a " + role.label().toLowerCase() + " may delegate that role's reviews.");
        }
        if (actor.username().equals(delegate)) {
            return Decision.deny("Delegate to someone else: you already hold your own slots.");
        }
        if (delegateRoles.isEmpty()) {
            return Decision.deny("Greenlight knows nobody called " + delegate
                    + ": they must have signed in once before they can stand in.");
        }
        if (!delegateRoles.get().contains(role)) {
            return Decision.deny(delegate + " is not a " + role.label().toLowerCase()
                    + ": reviews go only to someone of the same role.");
        }
        return Decision.allow();
    }

    /** The delegator takes their delegation back; an admin may too (someone left). */
    public static Decision revoke(Actor actor, String delegator) {
        return actor.username().equals(delegator) || actor.has(Role.ADMIN)
                ? Decision.allow()
                : Decision.deny("Only " + delegator + ", who delegated, or an admin may revoke this delegation.");
    }
}

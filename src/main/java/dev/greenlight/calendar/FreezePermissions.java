package dev.greenlight.calendar;

import java.util.Set;

import dev.greenlight.common.Decision;
import dev.greenlight.security.Actor;
import dev.greenlight.security.Role;

/** Who may do what with freeze windows; services enforce it, pages show the button or the reason. */
public final class FreezePermissions {
    private static final Set<Role> MANAGERS = Set.of(Role.ENGINEERING_LEADER, Role.ADMIN);

    private FreezePermissions() {
    }

    /** Engineering leaders and admins create, change and delete windows; everyone with a role reads them. */
    public static Decision manage(Actor actor) {
        return actor.hasAny(MANAGERS)
                ? Decision.allow()
                : Decision.deny("Only engineering leaders and admins may create, change or delete freeze windows.");
    }

    /** Every Greenlight role reads the calendar. */
    public static Decision read(Actor actor) {
        return actor.roles().isEmpty()
                ? Decision.deny("The change calendar is for people with a Greenlight role.")
                : Decision.allow();
    }
}

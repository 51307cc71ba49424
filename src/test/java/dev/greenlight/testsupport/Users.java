package dev.greenlight.testsupport;

import java.util.List;

import dev.greenlight.security.Actor;
import dev.greenlight.security.Role;

/** The demo users of the test OIDC provider (application.properties), one or two per role. */
public enum Users {
    ALICE("alice", Role.AUTHOR),
    BOB("bob", Role.AUTHOR),
    CAROL("carol", Role.CODE_REVIEWER),
    SAM("sam", Role.SECURITY_REVIEWER),
    PAULA("paula", Role.PRODUCT_REVIEWER),
    SEAN("sean", Role.SECURITY_TEAM),
    PETE("pete", Role.PRODUCT_TEAM),
    LEAH("leah", Role.ENGINEERING_LEADER),
    MAX("max", Role.MAINTAINER),
    ADA("ada", Role.ADMIN),
    CI("ci", Role.CI);

    public final String username;
    public final Role role;

    Users(String username, Role role) {
        this.username = username;
        this.role = role;
    }

    public String bearer() {
        return Tokens.bearer(username);
    }

    public Actor actor() {
        return Actor.of(username, role);
    }

    /** One user per role. */
    public static List<Users> onePerRole() {
        return List.of(ALICE, CAROL, SAM, PAULA, SEAN, PETE, LEAH, MAX, ADA, CI);
    }
}

package dev.greenlight.testsupport;

import java.util.List;

import dev.greenlight.security.Actor;
import dev.greenlight.security.Role;

/** The demo users of the test OIDC provider (application.properties), one or two per role, and one with none. */
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
    CI("ci", Role.CI),
    /** Author and code reviewer: may not review what she created or wrote. */
    RITA("rita", Role.AUTHOR, Role.CODE_REVIEWER),
    /** Code and security reviewer: fills at most one slot of a release. */
    VICTOR("victor", Role.CODE_REVIEWER, Role.SECURITY_REVIEWER),
    /** A second code reviewer, for slots that need two. */
    CARL("carl", Role.CODE_REVIEWER),
    /** A second admin: the override's second person. */
    ADRIAN("adrian", Role.ADMIN),
    /** A second engineering leader. */
    LARS("lars", Role.ENGINEERING_LEADER),
    /** Author, security team and leader: may request an emergency, never also assess or approve it. */
    TOM("tom", Role.AUTHOR, Role.SECURITY_TEAM, Role.ENGINEERING_LEADER),
    /** Security team and leader: may assess or approve an emergency, never both. */
    IVY("ivy", Role.SECURITY_TEAM, Role.ENGINEERING_LEADER),
    /** An account of the identity provider with no Greenlight role: may read nothing. */
    NORA("nora");

    public final String username;
    /** The first role; null for {@link #NORA}. */
    public final Role role;
    private final Role[] roles;

    Users(String username, Role... roles) {
        this.username = username;
        this.role = roles.length == 0 ? null : roles[0];
        this.roles = roles;
    }

    public String bearer() {
        return Tokens.bearer(username);
    }

    public Actor actor() {
        return Actor.of(username, roles);
    }

    /** One user per role. */
    public static List<Users> onePerRole() {
        return List.of(ALICE, CAROL, SAM, PAULA, SEAN, PETE, LEAH, MAX, ADA, CI);
    }
}

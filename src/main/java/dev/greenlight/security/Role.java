package dev.greenlight.security;

import java.util.Arrays;
import java.util.Optional;

/** The roles Greenlight knows, as they arrive in the token's role claim. */
public enum Role {
    AUTHOR(Roles.AUTHOR, "Author"),
    CODE_REVIEWER(Roles.CODE_REVIEWER, "Code reviewer"),
    SECURITY_REVIEWER(
            Roles.SECURITY_REVIEWER, "Security reviewer"),
    PRODUCT_REVIEWER(Roles.PRODUCT_REVIEWER,
            "Product reviewer"),
    SECURITY_TEAM(Roles.SECURITY_TEAM, "Security team"),
    PRODUCT_TEAM(
            Roles.PRODUCT_TEAM, "Product team"),
    ENGINEERING_LEADER(Roles.ENGINEERING_LEADER,
            "Engineering leader"),
    MAINTAINER(Roles.MAINTAINER,
            "Maintainer"),
    ADMIN(Roles.ADMIN, "Admin"),
    CI(Roles.CI, "CI");

    private final String claim;
    private final String label;

    Role(String claim, String label) {
        this.claim = claim;
        this.label = label;
    }

    /** The value in the token's role claim. */
    public String claim() {
        return claim;
    }

    public String label() {
        return label;
    }

    public static Optional<Role> fromClaim(String claim) {
        return Arrays.stream(values()).filter(role -> role.claim.equals(claim)).findFirst();
    }
}

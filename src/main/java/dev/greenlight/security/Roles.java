package dev.greenlight.security;

/** Role claim values as constants, for {@code @RolesAllowed}. */
public final class Roles {
    public static final String AUTHOR = "author";
    public static final String CODE_REVIEWER = "code-reviewer";
    public static final String SECURITY_REVIEWER = "security-reviewer";
    public static final String PRODUCT_REVIEWER = "product-reviewer";
    public static final String SECURITY_TEAM = "security-team";
    public static final String PRODUCT_TEAM = "product-team";
    public static final String ENGINEERING_LEADER = "engineering-leader";
    public static final String MAINTAINER = "maintainer";
    public static final String ADMIN = "admin";
    public static final String CI = "ci";

    private Roles() {
    }
}

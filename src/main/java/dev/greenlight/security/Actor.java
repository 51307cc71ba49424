package dev.greenlight.security;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/** Who performs an action: a person or a CI client, with the roles their token carried. */
public record Actor(String username, String displayName, String email, Set<Role> roles) {
    /** Greenlight itself, for the steps it takes when their conditions are met. */
    public static final Actor SYSTEM = new Actor("greenlight", "Greenlight", null, Set.of());

    public Actor {
        roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    public static Actor of(String username, Role... roles) {
        return new Actor(username, username, null, roles.length == 0 ? Set.of() : Set.copyOf(Arrays.asList(roles)));
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Set<Role> wanted) {
        return wanted.stream().anyMatch(roles::contains);
    }
}

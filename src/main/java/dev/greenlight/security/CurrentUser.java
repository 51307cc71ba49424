package dev.greenlight.security;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;

/** The signed-in user of the current request, read from the verified token. */
@RequestScoped
@Named("currentUser")
public class CurrentUser {
    private final SecurityIdentity identity;

    @Inject
    CurrentUser(SecurityIdentity identity) {
        this.identity = identity;
    }

    public boolean isSignedIn() { return !identity.isAnonymous(); }

    public String username() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    public String displayName() {
        String name = claim("name");
        return name == null || name.isBlank() ? username() : name;
    }

    public String email() {
        return claim("email");
    }

    public Set<Role> roles() {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        identity.getRoles().forEach(claim -> Role.fromClaim(claim).ifPresent(roles::add));
        return roles;
    }

    public boolean has(Role role) {
        return identity.hasRole(role.claim());
    }

    /** For templates: {@code hasRole('maintainer')}. */
    public boolean hasRole(String claim) {
        return identity.hasRole(claim);
    }

    public String roleLabels() {
        return roles().stream().map(Role::label).collect(Collectors.joining(", "));
    }

    public Actor actor() {
        return new Actor(username(), displayName(), email(), roles());
    }

    private String claim(String name) {
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            Object value = token.getClaim(name);
            return value == null ? null : value.toString();
        }
        return null;
    }
}

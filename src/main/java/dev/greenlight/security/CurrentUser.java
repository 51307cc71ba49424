package dev.greenlight.security;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.oidc.runtime.OidcJwtCallerPrincipal;
import io.quarkus.security.identity.SecurityIdentity;

/** The signed-in user of the current request, read from the verified token. */
@RequestScoped
@Named("currentUser")
public class CurrentUser {
    private final SecurityIdentity identity;
    private Actor actor;

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

    /** Whether the user holds at least one Greenlight role: without one they may read nothing. */
    public boolean isMember() {
        return !roles().isEmpty();
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

    /** The main menu for this person (layout template). */
    public Navigation navigation() {
        return Navigation.of(actor());
    }

    /** Built once per request: a page asks for it from several sections. */
    public Actor actor() {
        if (actor == null) {
            actor = new Actor(username(), displayName(), email(), roles());
        }
        return actor;
    }

    private String claim(String name) {
        // JsonWebToken.getClaim throws and catches an exception inside for every claim MP-JWT does not name ("name")
        if (identity.getPrincipal() instanceof OidcJwtCallerPrincipal principal) {
            Object value = principal.getClaims().getClaimValue(name);
            return value == null ? null : value.toString();
        }
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            Object value = token.getClaim(name);
            return value == null ? null : value.toString();
        }
        return null;
    }
}

package dev.greenlight.security;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import io.quarkus.oidc.runtime.OidcJwtCallerPrincipal;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;

/**
 * Records in {@link People} whom each verified token vouches for, once per token: the first request with a new token
 * writes its bearer's name and roles before it proceeds; later requests with the same token cost a map lookup.
 */
@ApplicationScoped
class PeopleRecorder implements SecurityIdentityAugmentor {
    private static final Logger LOG = Logger.getLogger(PeopleRecorder.class);
    /** Tokens remembered per instance; a forgotten one is only recorded again. */
    private static final int REMEMBERED = 10_000;

    private final People people;
    private final Map<String, Boolean> recorded = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    });

    @Inject
    PeopleRecorder(People people) {
        this.people = people;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        Actor actor = actorOf(identity, token);
        String key = String.join("\n", actor.username(), String.valueOf(token.getIssuedAtTime()),
                String.valueOf(actor.roles()), actor.displayName(), String.valueOf(actor.email()));
        if (recorded.containsKey(key)) {
            return Uni.createFrom().item(identity);
        }
        return context.runBlocking(() -> {
            try {
                people.record(actor);
                recorded.put(key, Boolean.TRUE);
            } catch (RuntimeException e) {
                // the request goes on; the next one with this token tries again
                LOG.warnf("Could not record %s from their token: %s", actor.username(), e.toString());
            }
            return identity;
        });
    }

    private static Actor actorOf(SecurityIdentity identity, JsonWebToken token) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        identity.getRoles().forEach(claim -> Role.fromClaim(claim).ifPresent(roles::add));
        String username = identity.getPrincipal().getName();
        String name = claim(token, "name");
        return new Actor(username, name == null || name.isBlank() ? username : name, claim(token, "email"), roles);
    }

    private static String claim(JsonWebToken token, String name) {
        // as CurrentUser: OidcJwtCallerPrincipal answers without the exception MP-JWT throws for unnamed claims
        Object value = token instanceof OidcJwtCallerPrincipal principal
                ? principal.getClaims().getClaimValue(name)
                : token.getClaim(name);
        return value == null ? null : value.toString();
    }
}

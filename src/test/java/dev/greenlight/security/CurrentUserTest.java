package dev.greenlight.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Set;

import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

import io.quarkus.oidc.runtime.OidcJwtCallerPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;

class CurrentUserTest {

    private static CurrentUser signedIn(JwtClaims claims, String... roles) {
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                .setPrincipal(new OidcJwtCallerPrincipal(claims, null));
        for (String role : roles) {
            identity.addRole(role);
        }
        return new CurrentUser(identity.build());
    }

    private static JwtClaims claims(String username) {
        JwtClaims claims = new JwtClaims();
        claims.setSubject("subject-of-" + username);
        claims.setClaim("preferred_username", username);
        return claims;
    }

    @Test
    void actorCarriesTheNameEmailAndRolesOfTheToken() {
        JwtClaims claims = claims("carol");
        claims.setClaim("name", "Carol Reviewer");
        claims.setClaim("email", "carol@neuronx.example");

        Actor actor = signedIn(claims, "code-reviewer", "not-a-greenlight-role").actor();

        assertEquals("carol", actor.username());
        assertEquals("Carol Reviewer", actor.displayName());
        assertEquals("carol@neuronx.example", actor.email());
        assertEquals(Set.of(Role.CODE_REVIEWER), actor.roles());
    }

    @Test
    void displayNameFallsBackToTheUsernameWhenTheTokenHasNoName() {
        CurrentUser user = signedIn(claims("ci"), "ci");

        assertEquals("ci", user.displayName());
        assertNull(user.actor().email());
    }

    @Test
    void oneActorServesTheWholeRequest() {
        CurrentUser user = signedIn(claims("max"), "maintainer");

        assertSame(user.actor(), user.actor());
    }
}

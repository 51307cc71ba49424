package dev.greenlight.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

import dev.greenlight.testsupport.Fixtures;
import dev.greenlight.testsupport.PageSession;
import dev.greenlight.testsupport.Users;

/**
 * The cookies that authenticate a browser: the session and the CSRF token are never readable by scripts and never
 * travel with a cross-site POST (SameSite=Lax); the sign-in state survives the provider's redirect back (a cross-site
 * top-level GET). Secure is the production profile's (ProductionProfileTest): tests run over plain HTTP.
 */
@QuarkusTest
class CookieTest {
    @Inject
    Fixtures fixtures;

    private static String cookie(List<String> setCookies, String prefix) {
        return setCookies.stream()
                .filter(c -> c.startsWith(prefix))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No " + prefix + " cookie in " + setCookies));
    }

    @Test
    void theSessionCookieIsHttpOnlyAndLax() {
        String session = cookie(PageSession.signIn(Users.CAROL).signInCookies(), "q_session");

        assertThat(session).containsIgnoringCase("; HttpOnly").containsIgnoringCase("; SameSite=Lax");
    }

    /** The CSRF cookie, and the one that keeps its token across page views (FormTokenCookie). */
    @Test
    void theCsrfCookieIsHttpOnlyAndLax() {
        PageSession carol = PageSession.signIn(Users.CAROL);
        List<String> setCookies = carol.get("/releases")
                .then()
                .statusCode(200)
                .extract()
                .headers()
                .getValues("Set-Cookie");
        String csrf = cookie(setCookies, "csrf-token=");
        String formToken = cookie(setCookies, FormTokenCookie.COOKIE + "=");

        assertThat(csrf).containsIgnoringCase("; HttpOnly").containsIgnoringCase("; SameSite=Lax");
        assertThat(formToken).containsIgnoringCase("; HttpOnly").containsIgnoringCase("; SameSite=Lax");
    }

    /** The one-line message after a POST-redirect-GET, and the cookie that expires it once shown. */
    @Test
    void theFlashCookieIsHttpOnlyAndLaxLikeTheSessionCookie() {
        fixtures.neuronxWorkspace();
        String id = "flash-cookie-" + System.nanoTime();
        fixtures.changeset(Users.ALICE, id, "\"@neuronx/core\": patch", "Flash");
        long draft = fixtures.draftRelease(Users.ALICE, "Flash", id).id();
        PageSession alice = PageSession.signIn(Users.ALICE);
        List<String> set = alice.submit("/releases/" + draft, "/releases/" + draft + "/cancel", Map.of("reason",
                "Not needed"))
                .then()
                .statusCode(303)
                .extract()
                .headers()
                .getValues("Set-Cookie");
        String flash = cookie(set, "gl_flash=");
        String expired = cookie(alice.get("/releases/" + draft)
                .then()
                .statusCode(200)
                .extract()
                .headers()
                .getValues(
                        "Set-Cookie"),
                "gl_flash=");

        for (String c : List.of(flash, expired)) {
            assertThat(c).containsIgnoringCase("HttpOnly")
                    .containsIgnoringCase("SameSite=Lax")
                    .containsIgnoringCase("Path=/")
                    .doesNotContainIgnoringCase("Secure");
        }
    }

    @Test
    void theSignInStateCookieSurvivesTheRedirectBackFromTheProvider() {
        List<String> setCookies = RestAssured.given()
                .redirects()
                .follow(false)
                .get("/releases")
                .then()
                .statusCode(302)
                .extract()
                .headers()
                .getValues("Set-Cookie");
        String state = cookie(setCookies, "q_auth");

        assertThat(state).containsIgnoringCase("; HttpOnly")
                .doesNotContainIgnoringCase("SameSite=Strict")
                .doesNotContainIgnoringCase("SameSite=None");
    }
}

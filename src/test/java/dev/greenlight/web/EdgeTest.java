package dev.greenlight.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

import dev.greenlight.testsupport.EdgeTestProfile;
import dev.greenlight.testsupport.Users;

/** The required audience (API and pages) and the trusted proxies, configured as in production. */
@QuarkusTest
@TestProfile(EdgeTestProfile.class)
class EdgeTest {

    private static int status(String token) {
        return given().header("Authorization", "Bearer " + token).get("/api/v1/releases").statusCode();
    }

    @Test
    void aTokenIssuedForAnotherAudienceOrForNoneIsRefused() {
        assertThat(status(EdgeTestProfile.token("ci", List.of("ci"), "some-other-client"))).isEqualTo(401);
        assertThat(status(EdgeTestProfile.token("ci", List.of("ci"), null))).isEqualTo(401);
        // the same token for Greenlight's audience: the audience alone made the difference
        assertThat(status(EdgeTestProfile.token("ci", List.of("ci"), "greenlight"))).isEqualTo(200);
    }

    /** The test provider's access tokens carry no audience: on pages, as on the API, they are no longer enough. */
    @Test
    void aBearerTokenWithoutGreenlightsAudienceIsRefusedOnPages() {
        given().redirects()
                .follow(false)
                .header("Authorization", Users.ALICE.bearer())
                .get("/releases")
                .then()
                .statusCode(401);
    }

    @Test
    void forwardedHeadersFromAnAddressThatIsNoTrustedProxyAreIgnored() {
        Response toLogin = given().redirects()
                .follow(false)
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "greenlight.example.com")
                .get("/releases");
        toLogin.then().statusCode(302);
        assertThat(ForwardedHeadersTest.redirectUri(toLogin)).startsWith("http://localhost:");
        assertThat(toLogin.getHeaders().getValues("Set-Cookie")).noneMatch(c -> c.contains("Secure"));
    }
}

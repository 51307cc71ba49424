package dev.greenlight.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Behind a TLS-terminating proxy (the tests' own address is a trusted one by default): the sign-in redirect comes back
 * to the public https address and the cookies set on the way are Secure.
 */
@QuarkusTest
class ForwardedHeadersTest {

    /** The redirect_uri the sign-in redirect asks the provider to return to. */
    static String redirectUri(Response toLogin) {
        String query = URI.create(toLogin.header("Location")).getRawQuery();
        for (String pair : query.split("&")) {
            if (pair.startsWith("redirect_uri=")) {
                return URLDecoder.decode(pair.substring("redirect_uri=".length()), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("No redirect_uri in " + toLogin.header("Location"));
    }

    @Test
    void behindATrustedTlsProxySignInReturnsToTheHttpsAddressWithSecureCookies() {
        Response toLogin = given().redirects()
                .follow(false)
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "greenlight.example.com")
                .get("/releases");
        toLogin.then().statusCode(302);
        assertThat(redirectUri(toLogin)).startsWith("https://greenlight.example.com/");
        assertThat(toLogin.getHeaders().getValues("Set-Cookie")).isNotEmpty().allMatch(c -> c.contains("Secure"));
    }
}

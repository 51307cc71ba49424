package dev.greenlight.testsupport;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.microprofile.config.ConfigProvider;

import io.restassured.http.ContentType;

/** Access tokens from the test OIDC provider (a real token endpoint, password grant), one per demo user. */
public final class Tokens {
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private Tokens() {
    }

    public static String of(String username) {
        return CACHE.computeIfAbsent(username, Tokens::fetch);
    }

    public static String bearer(String username) {
        return "Bearer " + of(username);
    }

    private static String fetch(String username) {
        String issuer = ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class);
        String clientId = ConfigProvider.getConfig().getValue("quarkus.oidc.client-id", String.class);
        return given().contentType(ContentType.URLENC)
                .formParam("grant_type", "password")
                .formParam("client_id", clientId)
                .formParam("username", username)
                .formParam("password", username)
                .formParam("scope", "openid profile email")
                .post(issuer + "/token")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
    }
}

package dev.greenlight.web;

import java.security.SecureRandom;
import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.vertx.ext.web.Router;

/**
 * CSRF protects what a browser's cookie authenticates: the pages. The JSON API accepts bearer tokens only (its OIDC
 * tenant ignores session cookies), so a forged cross-site request cannot act there; yet the CSRF filter applies to
 * every POST, PUT and DELETE whatever its content type, CI's JSON calls and evidence uploads included. For bearer calls
 * to /api/ this hands the filter a fresh token and its signed cookie ({@link CsrfSigning}), so that it passes them
 * without weakening the pages.
 */
@ApplicationScoped
class ApiCsrfExemption {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final CsrfSigning signing;
    private final String cookieName;
    private final String headerName;
    private final int tokenSize;

    ApiCsrfExemption(CsrfSigning signing,
            @ConfigProperty(name = "quarkus.rest-csrf.cookie-name", defaultValue = "csrf-token") String cookieName,
            @ConfigProperty(name = "quarkus.rest-csrf.token-header-name", defaultValue = "X-CSRF-TOKEN") String headerName,
            @ConfigProperty(name = "quarkus.rest-csrf.token-size", defaultValue = "16") int tokenSize) {
        this.signing = signing;
        this.cookieName = cookieName;
        this.headerName = headerName;
        this.tokenSize = tokenSize;
    }

    void install(@Observes Router router) {
        router.route("/api/*").order(Integer.MIN_VALUE).handler(rc -> {
            String authorization = rc.request().getHeader("Authorization");
            if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                byte[] bytes = new byte[tokenSize];
                RANDOM.nextBytes(bytes);
                String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
                rc.request()
                        .headers()
                        .remove("Cookie")
                        .set("Cookie", cookieName + "=" + signing.cookieFor(token))
                        .set(headerName, token);
            }
            rc.next();
        });
    }
}

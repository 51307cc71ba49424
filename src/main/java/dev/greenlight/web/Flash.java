package dev.greenlight.web;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpServerRequest;

/**
 * The one-line message shown after a POST-redirect-GET ("Release 12 submitted for review"). It travels in a short-lived
 * cookie so that any replica can show it.
 */
@RequestScoped
@Named("flash")
public class Flash {
    static final String COOKIE = "gl_flash";

    private final HttpServerRequest request;
    private String message;
    private boolean read;

    @Inject
    Flash(HttpServerRequest request) {
        this.request = request;
    }

    /** A 303 to {@code location} that shows {@code message} on the next page. */
    public static Response redirect(URI location, String message) {
        NewCookie cookie = new NewCookie.Builder(COOKIE)
                .value(URLEncoder.encode(message, StandardCharsets.UTF_8))
                .path("/")
                .httpOnly(true)
                .sameSite(NewCookie.SameSite.LAX)
                .maxAge(60)
                .build();
        return Response.seeOther(location).cookie(cookie).build();
    }

    /** Reads the message once and expires the cookie. */
    public String getMessage() {
        if (!read) {
            read = true;
            Cookie cookie = request.getCookie(COOKIE);
            if (cookie != null) {
                message = URLDecoder.decode(cookie.getValue(), StandardCharsets.UTF_8);
                request.response()
                        .addCookie(Cookie.cookie(COOKIE, "")
                                .setPath("/")
                                .setMaxAge(0)
                                .setHttpOnly(true)
                                .setSameSite(CookieSameSite.LAX));
            }
        }
        return message;
    }
}

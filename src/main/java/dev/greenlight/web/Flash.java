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

import org.eclipse.microprofile.config.ConfigProvider;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpServerRequest;

/**
 * The one-line message shown after a POST-redirect-GET ("Release 12 submitted for review"). It travels in a short-lived
 * cookie so that any replica can show it: HttpOnly and SameSite=Lax like the session and CSRF cookies, and Secure when
 * they are ({@value #SECURE_PROPERTY}, on in production).
 */
@RequestScoped
@Named("flash")
public class Flash {
    static final String COOKIE = "gl_flash";
    static final String SECURE_PROPERTY = "greenlight.flash.cookie-force-secure";

    private final HttpServerRequest request;
    private String message;
    private boolean read;

    @Inject
    Flash(HttpServerRequest request) {
        this.request = request;
    }

    /** A 303 to {@code location} that shows {@code message} on the next page. */
    public static Response redirect(URI location, String message) {
        return redirect(location, message, secure());
    }

    static Response redirect(URI location, String message, boolean secure) {
        NewCookie cookie = new NewCookie.Builder(COOKIE)
                .value(URLEncoder.encode(message, StandardCharsets.UTF_8))
                .path("/")
                .httpOnly(true)
                .secure(secure)
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
                                .setSecure(secure())
                                .setSameSite(CookieSameSite.LAX));
            }
        }
        return message;
    }

    /** Read where it is needed: {@link #redirect} is static, called by every page action. */
    private static boolean secure() {
        return ConfigProvider.getConfig().getOptionalValue(SECURE_PROPERTY, Boolean.class).orElse(false);
    }
}

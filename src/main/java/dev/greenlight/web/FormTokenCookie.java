package dev.greenlight.web;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.quarkus.csrf.reactive.runtime.CsrfTokenParameterProvider;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Keeps the session's CSRF token while other pages are opened. The signed CSRF cookie ({@link CsrfSigning}) holds only
 * the token's signature, from which Quarkus' filter cannot read the token back, so each page view would issue a new
 * one and expire the forms open in other tabs. The token therefore also travels in an HttpOnly cookie of its own;
 * on a page view it is handed to the filter as the token header when the CSRF cookie is its signature, so that the
 * filter keeps it (any other cookie, planted or stale, is ignored and the filter issues a new token). Only GET and HEAD
 * are touched: a state-changing request is checked by the filter alone, against the token its form sent.
 */
@ApplicationScoped
class FormTokenCookie {
    static final String COOKIE = "gl_form_token";

    private final CsrfSigning signing;
    private final CsrfTokenParameterProvider csrf;
    private final FormToken formToken;
    private final boolean forceSecure;
    private final Duration maxAge;

    @Inject
    FormTokenCookie(CsrfSigning signing, CsrfTokenParameterProvider csrf, FormToken formToken,
            @ConfigProperty(name = "quarkus.rest-csrf.cookie-force-secure", defaultValue = "false") boolean forceSecure,
            @ConfigProperty(name = "quarkus.rest-csrf.cookie-max-age", defaultValue = "2H") Duration maxAge) {
        this.signing = signing;
        this.csrf = csrf;
        this.formToken = formToken;
        this.forceSecure = forceSecure;
        this.maxAge = maxAge;
    }

    /** After {@link ApiCsrfExemption}, which gives bearer calls their own pair. */
    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(rc -> {
            HttpServerRequest request = rc.request();
            if ((request.method() == HttpMethod.GET || request.method() == HttpMethod.HEAD)
                    && request.getHeader(csrf.getHeaderName()) == null) {
                Cookie token = request.getCookie(COOKIE);
                Cookie signed = request.getCookie(csrf.getCookieName());
                if (token != null && signed != null && signing.signs(signed.getValue(), token.getValue())) {
                    request.headers().set(csrf.getHeaderName(), token.getValue());
                }
            }
            rc.next();
        });
    }

    /** Every page that has a token, new or kept, sends it back with the CSRF cookie's lifetime. */
    @ServerResponseFilter
    public void remember(RoutingContext routing) {
        if (routing.normalizedPath().startsWith("/api/") || !formToken.isAvailable()) {
            return;
        }
        routing.response()
                .addCookie(Cookie.cookie(COOKIE, csrf.getToken())
                        .setPath("/")
                        .setHttpOnly(true)
                        .setSameSite(CookieSameSite.LAX)
                        .setSecure(forceSecure || routing.request().isSSL())
                        .setMaxAge(maxAge.toSeconds()));
    }
}

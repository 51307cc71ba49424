package dev.greenlight.web;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.quarkus.csrf.reactive.runtime.CsrfTokenParameterProvider;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;

/**
 * Quarkus' CSRF filter refuses a request whose token is missing or wrong, or whose cookie expired or is corrupt, by
 * aborting with a bare 400: a blank page. A request it let through has a token ({@link FormToken}); a 400 without a
 * body on one that has none is its refusal, and gets Greenlight's error page, or a problem document under /api. The
 * check itself is untouched: nothing here lets a request through. On a GET the only refusal is a corrupt cookie, which
 * the browser would send again and again for its two hours: it is expired, so that reloading gets a fresh one.
 */
class CsrfRefusals {
    static final String TITLE = "Form expired";
    static final String DETAIL = "This form has expired or did not come from Greenlight: reload the page and try"
            + " again. Nothing was changed.";
    static final String API_DETAIL = "The request's CSRF token is missing or wrong; nothing was changed. Call the API"
            + " with a bearer token.";

    private final FormToken token;
    private final String cookieName;

    @Inject
    CsrfRefusals(FormToken token, CsrfTokenParameterProvider csrf) {
        this.token = token;
        this.cookieName = csrf.getCookieName();
    }

    @ServerResponseFilter
    public Uni<Void> explain(ContainerRequestContext request, ContainerResponseContext response,
            RoutingContext routing) {
        if (response.getStatus() != 400 || response.hasEntity() || token.isAvailable()) {
            return Uni.createFrom().voidItem();
        }
        if (HttpMethod.GET.equals(request.getMethod()) || HttpMethod.HEAD.equals(request.getMethod())) {
            routing.response().addCookie(Cookie.cookie(cookieName, "").setPath("/").setMaxAge(0).setHttpOnly(true));
        }
        String path = routing.normalizedPath();
        Response error = ErrorMappers.respond(path, 400, TITLE, path.startsWith("/api/") ? API_DETAIL : DETAIL,
                List.of());
        if (error.getEntity() instanceof TemplateInstance page) {
            return page.createUni()
                    .invoke(html -> response.setEntity(html, null, MediaType.TEXT_HTML_TYPE))
                    .replaceWithVoid();
        }
        response.setEntity(error.getEntity(), null, error.getMediaType());
        return Uni.createFrom().voidItem();
    }
}

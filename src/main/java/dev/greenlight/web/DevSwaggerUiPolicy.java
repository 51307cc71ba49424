package dev.greenlight.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.vertx.http.runtime.filters.Filters;

/**
 * Swagger UI (dev mode only) runs inline scripts and styles, which the portal's Content Security Policy forbids: its
 * own pages get a policy that allows them. Greenlight's pages keep theirs.
 */
@IfBuildProfile("dev")
@ApplicationScoped
class DevSwaggerUiPolicy {
    static final String POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            + "script-src 'self' 'unsafe-inline'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    void register(@Observes Filters filters) {
        filters.register(context -> {
            if (context.normalizedPath().startsWith("/q/swagger-ui")) {
                // set last, after the configured headers
                context.addHeadersEndHandler(
                        ended -> context.response().headers().set("Content-Security-Policy", POLICY));
            }
            context.next();
        }, 100);
    }
}

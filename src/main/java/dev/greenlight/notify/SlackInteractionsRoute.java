package dev.greenlight.notify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * POST /slack/interactions, Slack's Interactivity Request URL. A plain HTTP route rather than a REST resource: it needs
 * the raw body to check the signature, and Slack's form posts carry no CSRF token (the signature protects them). The
 * path is public in application.properties; the signature is its authentication.
 */
@ApplicationScoped
class SlackInteractionsRoute {
    static final String PATH = "/slack/interactions";
    private static final Logger LOG = Logger.getLogger(SlackInteractionsRoute.class);
    private static final long MAX_BODY = 64 * 1024;

    private final SlackInteractions interactions;
    private final ObjectMapper mapper;

    @Inject
    SlackInteractionsRoute(SlackInteractions interactions, ObjectMapper mapper) {
        this.interactions = interactions;
        this.mapper = mapper;
    }

    void register(@Observes Router router) {
        router.post(PATH).handler(BodyHandler.create().setBodyLimit(MAX_BODY)).blockingHandler(this::handle, false);
    }

    private void handle(RoutingContext context) {
        SlackInteractions.Answer answer;
        try {
            byte[] body = context.body().buffer() == null ? new byte[0] : context.body().buffer().getBytes();
            answer = interactions.handle(context.request().getHeader("X-Slack-Request-Timestamp"),
                    context.request().getHeader("X-Slack-Signature"), body);
        } catch (RuntimeException e) {
            LOG.error("Slack interaction failed", e);
            answer = SlackInteractions.Answer.error(500, "internal_error");
        }
        try {
            context.response()
                    .setStatusCode(answer.status())
                    .putHeader("Content-Type", "application/json")
                    .end(mapper.writeValueAsString(answer.body()));
        } catch (JsonProcessingException e) {
            context.fail(e);
        }
    }
}

package dev.greenlight.notify;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * POST /slack/interactions, Slack's Interactivity Request URL. A plain HTTP route rather than a REST resource: it needs
 * the raw body to check the signature, and Slack's form posts carry no CSRF token (the signature protects them). The
 * path is public in application.properties; the signature is its authentication, so everything before it is checked
 * first: only a form ({@code application/x-www-form-urlencoded}, else 415) of at most {@link #MAX_BODY} bytes (else
 * 413), read into memory by this handler itself. No body handler runs, so no upload ever reaches the disk.
 */
@ApplicationScoped
class SlackInteractionsRoute {
    static final String PATH = "/slack/interactions";
    static final String FORM = "application/x-www-form-urlencoded";
    /** Slack's block_actions payloads carry the whole message: a few kilobytes, far below this. */
    static final int MAX_BODY = 64 * 1024;
    private static final Logger LOG = Logger.getLogger(SlackInteractionsRoute.class);

    private final SlackInteractions interactions;
    private final ObjectMapper mapper;

    @Inject
    SlackInteractionsRoute(SlackInteractions interactions, ObjectMapper mapper) {
        this.interactions = interactions;
        this.mapper = mapper;
    }

    void register(@Observes Router router) {
        router.post(PATH).handler(this::receive);
    }

    private void receive(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (!FORM.equals(mediaType(request.getHeader(HttpHeaders.CONTENT_TYPE)))) {
            refuse(context, SlackInteractions.Answer.error(415, "unsupported_media_type"));
            return;
        }
        if (declaredLength(request) > MAX_BODY) {
            refuse(context, SlackInteractions.Answer.error(413, "body_too_large"));
            return;
        }
        Buffer body = Buffer.buffer();
        request.handler(chunk -> {
            if (context.response().ended()) {
                return;
            }
            if (body.length() + chunk.length() > MAX_BODY) {
                refuse(context, SlackInteractions.Answer.error(413, "body_too_large"));
                return;
            }
            body.appendBuffer(chunk);
        });
        request.exceptionHandler(e -> LOG.debugf("Slack interaction body not read: %s", e.toString()));
        request.endHandler(end -> {
            if (!context.response().ended()) {
                context.vertx()
                        .executeBlocking(() -> handle(request, body.getBytes()), false)
                        .onComplete(done -> respond(context, done.succeeded()
                                ? done.result()
                                : SlackInteractions.Answer.error(500, "internal_error"), false));
            }
        });
        request.resume();
    }

    private SlackInteractions.Answer handle(HttpServerRequest request, byte[] body) {
        try {
            return interactions.handle(request.getHeader("X-Slack-Request-Timestamp"),
                    request.getHeader("X-Slack-Signature"), body);
        } catch (RuntimeException e) {
            LOG.error("Slack interaction failed", e);
            return SlackInteractions.Answer.error(500, "internal_error");
        }
    }

    /** Answers before the body is read, and closes the connection so that the rest of the body is never read. */
    private void refuse(RoutingContext context, SlackInteractions.Answer answer) {
        respond(context, answer, true);
    }

    private void respond(RoutingContext context, SlackInteractions.Answer answer, boolean close) {
        if (context.response().ended()) {
            return;
        }
        String json;
        try {
            json = mapper.writeValueAsString(answer.body());
        } catch (JsonProcessingException e) {
            context.fail(e);
            return;
        }
        context.response().setStatusCode(answer.status()).putHeader(HttpHeaders.CONTENT_TYPE, "application/json");
        if (close) {
            context.response().putHeader(HttpHeaders.CONNECTION, "close");
            context.response().end(json).onComplete(sent -> context.request().connection().close());
        } else {
            context.response().end(json);
        }
    }

    static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    private static long declaredLength(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return 0;
        }
        try {
            return Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}

package dev.greenlight.notify;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.greenlight.common.DomainException;
import dev.greenlight.security.Actor;

/**
 * Slack's interaction requests (a button pressed on a Greenlight message): verified by signature and timestamp, never
 * accepted twice, the Slack user mapped to a Greenlight user, then handed to the {@link SlackActionHandler}.
 */
@ApplicationScoped
class SlackInteractions {
    private static final Logger LOG = Logger.getLogger(SlackInteractions.class);

    /** The HTTP answer: status and JSON body. */
    record Answer(int status, Map<String, Object> body) {
        static Answer error(int status, String code) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("ok", false);
            body.put("error", code);
            return new Answer(status, body);
        }

        /** The reply as text: Slack reads it as mrkdwn, and it can hold what users typed (titles, names). */
        static Answer ephemeral(SlackActionReply reply) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("response_type", "ephemeral");
            body.put("replace_original", false);
            body.put("done", reply.done());
            body.put("text", SlackMarkup.escape(reply.text()));
            return new Answer(200, body);
        }
    }

    private final SlackSettings settings;
    private final ReplayGuard replays;
    private final SlackUsers users;
    private final SlackActionHandler handler;
    private final ObjectMapper mapper;
    private final Clock clock;

    @Inject
    SlackInteractions(SlackSettings settings, ReplayGuard replays, SlackUsers users, SlackActionHandler handler,
            ObjectMapper mapper, Clock clock) {
        this.settings = settings;
        this.replays = replays;
        this.users = users;
        this.handler = handler;
        this.mapper = mapper;
        this.clock = clock;
    }

    @ActivateRequestContext
    Answer handle(String timestamp, String signature, byte[] body) {
        Optional<String> secret = settings.signingSecret().filter(s -> !s.isBlank());
        if (secret.isEmpty()) {
            return Answer.error(503, "not_configured");
        }
        SlackSignature.Verdict verdict = SlackSignature.verify(secret.get(), timestamp, signature, body,
                clock.instant(), settings.interactions().maxClockSkew());
        if (verdict != SlackSignature.Verdict.VALID) {
            LOG.infof("Slack interaction refused: %s", verdict.code());
            return Answer.error(401, verdict.code());
        }
        if (!replays.firstSeen(signature, settings.interactions().maxClockSkew())) {
            LOG.warnf("Slack interaction replayed (timestamp %s)", timestamp);
            return Answer.error(401, "replayed");
        }
        JsonNode payload = payload(body);
        if (payload == null || !"block_actions".equals(payload.path("type").asText())
                || payload.path("user").path("id").asText("").isBlank() || !payload.path("actions").has(0)) {
            return Answer.error(400, "invalid_payload");
        }
        String slackUserId = payload.path("user").path("id").asText();
        JsonNode action = payload.path("actions").get(0);
        SlackUsers.Lookup lookup = users.actorFor(slackUserId);
        Optional<Actor> actor = lookup.actor();
        if (actor.isEmpty()) {
            return Answer.ephemeral(SlackActionReply.refused(lookup.refusal()));
        }
        SlackAction slackAction = new SlackAction(action.path("action_id").asText(), action.path("value").asText(""),
                actor.get(), slackUserId, payload.path("channel").path("id").asText(null),
                payload.path("message").path("ts").asText(null), payload.path("response_url").asText(null));
        try {
            return Answer.ephemeral(handler.handle(slackAction));
        } catch (DomainException e) {
            // the same rules as the web refused it: say why, as the web would
            return Answer.ephemeral(SlackActionReply.refused(e.getMessage()));
        }
    }

    private JsonNode payload(byte[] body) {
        String form = new String(body, StandardCharsets.UTF_8);
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && "payload".equals(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8))) {
                try {
                    return mapper.readTree(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                } catch (JsonProcessingException | IllegalArgumentException e) {
                    return null;
                }
            }
        }
        return null;
    }
}

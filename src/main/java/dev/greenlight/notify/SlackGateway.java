package dev.greenlight.notify;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.response.auth.AuthTestResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.chat.ChatUpdateResponse;
import com.slack.api.methods.response.users.UsersInfoResponse;
import com.slack.api.util.http.SlackHttpClient;

import okhttp3.OkHttpClient;

/**
 * Slack's Web API through the official SDK, with a bot token: chat.postMessage, chat.update, users.info, auth.test.
 * Every failure comes back as a {@link Delivery}, never as an exception.
 */
@ApplicationScoped
class SlackGateway {
    private static final Logger LOG = Logger.getLogger(SlackGateway.class);
    /** Slack error codes worth another try; any other error is final. */
    private static final Set<String> TRANSIENT_ERRORS = Set.of("internal_error", "fatal_error", "service_unavailable",
            "request_timeout", "ratelimited", "rate_limited", "team_added_to_org");
    private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);

    /** Who the bot is, from auth.test. */
    record Identity(String user, String team, String url) {
    }

    private final SlackSettings settings;
    private final ObjectMapper mapper;
    private final Slack relaySlack;
    private final Slack interactiveSlack;
    private volatile Identity identity;

    @Inject
    SlackGateway(SlackSettings settings, ObjectMapper mapper) {
        this.settings = settings;
        this.mapper = mapper;
        this.relaySlack = slack(config(settings, settings.relay().httpTimeout()));
        this.interactiveSlack = slack(config(settings, settings.interactions().lookupTimeout()));
    }

    /**
     * The SDK's client without OkHttp's silent retry of a request on a failed connection: a repeated post must go
     * through the relay, which counts it as a possible duplicate.
     */
    private static Slack slack(SlackConfig config) {
        OkHttpClient client = SlackHttpClient.buildOkHttpClient(config)
                .newBuilder()
                .retryOnConnectionFailure(false)
                .build();
        SlackHttpClient http = new SlackHttpClient(client);
        http.setConfig(config);
        return Slack.getInstance(config, http);
    }

    private static SlackConfig config(SlackSettings settings, Duration timeout) {
        SlackConfig config = new SlackConfig();
        String prefix = settings.methodsEndpointUrlPrefix();
        config.setMethodsEndpointUrlPrefix(prefix.endsWith("/") ? prefix : prefix + "/");
        int millis = (int) Math.max(1, timeout.toMillis());
        config.setHttpClientReadTimeoutMillis(millis);
        config.setHttpClientWriteTimeoutMillis(millis);
        config.setHttpClientCallTimeoutMillis(millis);
        config.setStatsEnabled(false);
        config.getMethodsConfig().setStatsEnabled(false);
        config.setPrettyResponseLoggingEnabled(false);
        return config;
    }

    @PreDestroy
    void close() {
        for (Slack slack : new Slack[]{relaySlack, interactiveSlack}) {
            try {
                slack.close();
            } catch (Exception e) {
                LOG.debug("Closing the Slack client failed", e);
            }
        }
    }

    boolean configured() {
        return settings.configured();
    }

    /** chat.postMessage; the outbox id travels in the message metadata so that duplicates can be traced. */
    Delivery post(String channel, String payload, long outboxId) {
        Message message = parse(payload);
        return call(() -> {
            ChatPostMessageResponse response = methods().chatPostMessage(r -> r.channel(channel)
                    .text(message.text())
                    .blocksAsString(message.blocks())
                    .metadataAsString(metadata(outboxId))
                    .unfurlLinks(false));
            return outcome(response, response.getTs());
        });
    }

    /** chat.update of the message {@code ts} in {@code channel}. */
    Delivery update(String channel, String ts, String payload, long outboxId) {
        Message message = parse(payload);
        return call(() -> {
            ChatUpdateResponse response = methods().chatUpdate(r -> r.channel(channel)
                    .ts(ts)
                    .text(message.text())
                    .blocksAsString(message.blocks())
                    .metadataAsString(metadata(outboxId)));
            return outcome(response, response.getTs());
        });
    }

    /** The e-mail Slack knows for a user (users.info, needs the users:read.email scope), quickly or not at all. */
    Optional<String> emailOf(String slackUserId) {
        if (!configured()) {
            return Optional.empty();
        }
        try {
            UsersInfoResponse response = interactiveSlack.methods(settings.token().orElseThrow())
                    .usersInfo(r -> r.user(slackUserId));
            if (response.isOk() && response.getUser() != null && response.getUser().getProfile() != null) {
                return Optional.ofNullable(response.getUser().getProfile().getEmail()).filter(e -> !e.isBlank());
            }
            LOG.infof("users.info for %s failed: %s", slackUserId, response.getError());
        } catch (IOException | SlackApiException | RuntimeException e) {
            LOG.infof("users.info for %s failed: %s", slackUserId, e.toString());
        }
        return Optional.empty();
    }

    /** auth.test, once: who the bot is, for the admin page. Empty when Slack is not configured or unreachable. */
    Optional<Identity> identity() {
        if (identity == null && configured()) {
            try {
                AuthTestResponse response = methods().authTest(r -> r);
                if (response.isOk()) {
                    identity = new Identity(response.getUser(), response.getTeam(), response.getUrl());
                } else {
                    LOG.warnf("Slack auth.test failed: %s", response.getError());
                }
            } catch (IOException | SlackApiException | RuntimeException e) {
                LOG.warnf("Slack auth.test failed: %s", e.toString());
            }
        }
        return Optional.ofNullable(identity);
    }

    private MethodsClient methods() {
        return relaySlack.methods(settings.token().orElseThrow(() -> new IllegalStateException("no Slack token")));
    }

    private interface Call {
        Delivery run() throws IOException, SlackApiException;
    }

    private Delivery call(Call call) {
        try {
            return call.run();
        } catch (SlackApiException e) {
            int status = e.getResponse().code();
            if (status == 429) {
                return new Delivery.RateLimited(retryAfter(e.getResponse().header("Retry-After")));
            }
            String error = "HTTP " + status + (e.getError() != null && e.getError().getError() != null
                    ? " " + e.getError().getError()
                    : "");
            boolean permanent = status >= 400 && status < 500 && status != 408;
            return new Delivery.Failed(error, permanent, false);
        } catch (ConnectException e) {
            return new Delivery.Failed("cannot connect: " + e.getMessage(), false, false);
        } catch (IOException e) {
            // the request may have reached Slack: a retry can duplicate it
            return new Delivery.Failed("no answer: " + e, false, true);
        } catch (RuntimeException e) {
            return new Delivery.Failed("unreadable answer: " + e, false, true);
        }
    }

    private static Delivery outcome(SlackApiTextResponse response, String ts) {
        if (response.isOk()) {
            return new Delivery.Sent(ts);
        }
        String error = response.getError() == null ? "unknown_error" : response.getError();
        if ("ratelimited".equals(error) || "rate_limited".equals(error)) {
            return new Delivery.RateLimited(DEFAULT_RETRY_AFTER);
        }
        return new Delivery.Failed(error, !TRANSIENT_ERRORS.contains(error), false);
    }

    static Duration retryAfter(String header) {
        if (header != null) {
            try {
                long seconds = Long.parseLong(header.strip());
                if (seconds >= 0) {
                    return Duration.ofSeconds(seconds);
                }
            } catch (NumberFormatException e) {
                // an HTTP date or garbage: wait the default
            }
        }
        return DEFAULT_RETRY_AFTER;
    }

    private record Message(String text, String blocks) {
    }

    private Message parse(String payload) {
        try {
            JsonNode json = mapper.readTree(payload);
            return new Message(json.path("text").asText(""), mapper.writeValueAsString(json.path("blocks")));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Outbox payload is not JSON", e);
        }
    }

    private String metadata(long outboxId) {
        try {
            return mapper.writeValueAsString(Map.of("event_type", "greenlight_outbox", "event_payload",
                    Map.of("outbox_id", outboxId)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

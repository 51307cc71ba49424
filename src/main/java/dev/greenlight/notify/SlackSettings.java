package dev.greenlight.notify;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Slack configuration; docs/slack.md documents every key. The bot token and the signing secret come from the
 * environment only ({@code GREENLIGHT_SLACK_BOT_TOKEN}, {@code GREENLIGHT_SLACK_SIGNING_SECRET}).
 */
@ConfigMapping(prefix = "greenlight.slack")
interface SlackSettings {

    /** Bot token (xoxb-…); without it nothing is sent and the outbox keeps what would have been. */
    Optional<String> botToken();

    /** Verifies interaction requests; without it /slack/interactions refuses every request. */
    Optional<String> signingSecret();

    /** Where the Web API lives; tests point it at a fake Slack. */
    @WithDefault("https://slack.com/api/")
    String methodsEndpointUrlPrefix();

    /** Channel for event types not listed under {@link #channels()}. */
    @WithDefault("#releases")
    String defaultChannel();

    /** Channel per event type (release.submitted, gate.failed, …); "none" sends nothing for that type. */
    Map<String, String> channels();

    /** Slack mention per Greenlight role (code-reviewer, engineering-leader, …), e.g. {@code <!subteam^S0123>}. */
    Map<String, String> mentions();

    Relay relay();

    Interactions interactions();

    interface Relay {
        /** Runs the scheduled relay on this instance; every instance may run it. */
        @WithDefault("true")
        boolean enabled();

        /** How often the scheduled relay looks for work. */
        @WithDefault("1s")
        String interval();

        /** A message is dead-lettered after this many failed attempts. */
        @WithDefault("8")
        int maxAttempts();

        /** First retry delay; doubled per attempt, with jitter. */
        @WithDefault("PT2S")
        Duration backoffBase();

        @WithDefault("PT10M")
        Duration backoffMax();

        /** Pause between two calls to the same channel (Slack allows about one message per second per channel). */
        @WithDefault("PT1S")
        Duration pace();

        /** How long a relay holds a claimed message; longer than the HTTP timeout. */
        @WithDefault("PT1M")
        Duration lease();

        /** Messages claimed per round (at most one per channel). */
        @WithDefault("20")
        int batchSize();

        /** Timeout of one Web API call. */
        @WithDefault("PT10S")
        Duration httpTimeout();

        /** How long one scheduled run may keep draining before it yields to the next. */
        @WithDefault("PT30S")
        Duration runBudget();
    }

    interface Interactions {
        /** Requests signed longer ago (or further ahead) than this are refused. */
        @WithDefault("PT5M")
        Duration maxClockSkew();

        /** Timeout of users.info while answering an interaction (Slack wants the answer within 3 s). */
        @WithDefault("PT1.5S")
        Duration lookupTimeout();

        /**
         * How recent a linked person's last verified token must be for them to act from Slack with its roles: a role
         * the identity provider withdrew stops working in Slack this long after, at most.
         */
        @WithDefault("P1D")
        Duration rolesMaxAge();
    }

    default Optional<String> token() {
        return botToken().filter(t -> !t.isBlank());
    }

    default boolean configured() {
        return token().isPresent();
    }

    /** The channel for an event type, or empty when that type is switched off. */
    default Optional<String> channelFor(String eventType) {
        String channel = channels().getOrDefault(eventType, defaultChannel()).strip();
        return channel.isEmpty() || channel.equals("none") ? Optional.empty() : Optional.of(channel);
    }
}

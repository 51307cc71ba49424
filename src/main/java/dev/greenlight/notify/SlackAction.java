package dev.greenlight.notify;

import dev.greenlight.security.Actor;

/**
 * A verified Slack interaction: which button ({@code actionId}, e.g. {@code release_approve}) with which value (the
 * release id), pressed by whom, on which message.
 */
public record SlackAction(String actionId, String value, Actor actor, String slackUserId, String channel,
        String messageTs, String responseUrl) {

    public static final String APPROVE_RELEASE = "release_approve";
    public static final String REJECT_RELEASE = "release_reject";
    public static final String OPEN_RELEASE = "release_open";
}

package dev.greenlight.notify;

/**
 * Carries out a button pressed in Slack, for a verified request from a mapped Greenlight user. It must apply the same
 * rules as the web (roles, segregation of duties) by calling the feature's service with {@link SlackAction#actor()},
 * and answer quickly: Slack gives up after 3 seconds.
 */
public interface SlackActionHandler {

    SlackActionReply handle(SlackAction action);
}

package dev.greenlight.notify;

/** What the person who pressed the button reads (ephemeral, only them); {@code done} says whether it took effect. */
public record SlackActionReply(boolean done, String text) {

    public static SlackActionReply done(String text) {
        return new SlackActionReply(true, text);
    }

    public static SlackActionReply refused(String text) {
        return new SlackActionReply(false, text);
    }
}

package dev.greenlight.notify;

import dev.greenlight.common.Decision;
import dev.greenlight.security.Actor;
import dev.greenlight.security.Role;

/** Who may administer Slack: admins link people to their Slack users and send failed messages again. */
public final class SlackPermissions {

    private SlackPermissions() {
    }

    /** Linking decides who acts in Slack as whom, so only admins link and unlink. */
    public static Decision link(Actor actor) {
        return actor.has(Role.ADMIN) ? Decision.allow() : Decision.deny("Only admins may link Slack users.");
    }

    public static Decision retry(Actor actor) {
        return actor.has(Role.ADMIN) ? Decision.allow() : Decision.deny("Only admins may retry Slack messages.");
    }
}

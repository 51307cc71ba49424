package dev.greenlight.incident;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Post-mortem deadlines and reminders ("Post-mortem: incident review conducted within 24 hours"). An emergency's
 * post-mortem is due {@code greenlight.policy.emergency.post-mortem-due} after publishing.
 */
@ConfigMapping(prefix = "greenlight.policy.post-mortem")
public interface PostmortemPolicy {

    /** How long after it is created from an incident a post-mortem is due. */
    @WithDefault("PT24H")
    Duration due();

    /** How long before its due time the owner is reminded (once). */
    @WithDefault("PT4H")
    Duration reminderBefore();

    /** An overdue post-mortem is escalated to engineering leaders again every interval. */
    @WithDefault("PT4H")
    Duration escalationInterval();

    /** How often each instance looks for reminders and escalations to send; "off" disables the job. */
    @WithDefault("1m")
    String jobInterval();
}

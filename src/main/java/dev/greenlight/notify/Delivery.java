package dev.greenlight.notify;

import java.time.Duration;

/** What one call to Slack came to. */
sealed interface Delivery {

    /** Slack accepted it; {@code ts} identifies the message in its channel. */
    record Sent(String ts) implements Delivery {
    }

    /** HTTP 429: come back after {@code retryAfter}. Uses no attempt. */
    record RateLimited(Duration retryAfter) implements Delivery {
    }

    /**
     * It failed. {@code permanent}: retrying cannot help (channel_not_found, invalid_auth). {@code uncertain}: Slack may
     * have posted it anyway (timeout), so a retry may show it twice.
     */
    record Failed(String error, boolean permanent, boolean uncertain) implements Delivery {
    }

    /** Nothing to send (an update of a first message that was never posted). */
    record Skipped(String reason) implements Delivery {
    }
}

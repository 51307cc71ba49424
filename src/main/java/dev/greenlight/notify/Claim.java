package dev.greenlight.notify;

import java.time.Instant;

/**
 * An outbox message a relay holds until {@code leaseUntil}: what to send and where. {@code updateTs} is the first
 * message's ts for an update (null when that message was never posted).
 */
record Claim(long id, MessageKind kind, String channel, String eventType, String orderingKey, String payload,
        String updateTs, Instant leaseUntil) {
}

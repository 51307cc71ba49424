package dev.greenlight.release;

import java.time.Instant;

/**
 * A release moved from one state to another (or was created: {@code from} is null). Fired synchronously inside the
 * transaction that made the change, so observers (notifications) commit or roll back with it.
 */
public record ReleaseStateChanged(long releaseId, String title, ReleaseState from, ReleaseState to,
        ReleaseAction action, String actor, String reason, String createdBy, Instant at) {
}

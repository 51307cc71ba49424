package dev.greenlight.audit;

import java.time.Instant;

/** Which audit events to show: each filter optional; {@code before} continues a page (keyset, newest first). */
public record AuditQuery(String actor, String action, Long releaseId, Instant from, Instant to, Long before,
        int size) {
}

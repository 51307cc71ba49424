package dev.greenlight.audit;

import java.util.List;

/** A page of audit events as one reader may read them, newest first, and where the next (older) page starts. */
public record AuditPage(List<AuditEventView> events, Long nextBefore) {
}

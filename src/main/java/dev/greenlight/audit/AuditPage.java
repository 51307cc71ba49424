package dev.greenlight.audit;

import java.util.List;

/** A page of audit events, newest first, and where the next (older) page starts. */
public record AuditPage(List<AuditEvent> events, Long nextBefore) {
}

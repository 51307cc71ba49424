package dev.greenlight.emergency;

import java.time.Instant;
import java.util.List;

import dev.greenlight.incident.IncidentSummary;

/** An override as pages and the API show it, with the content version it was asked for and what it waived. */
public record OverrideView(long id, long releaseId, String reason, OverrideState state, String requestedBy,
        Instant requestedAt, String decidedBy, Instant decidedAt, String decisionReason, int contentVersion,
        IncidentSummary incident, List<EmergencyView.WaiverView> waived) {
}

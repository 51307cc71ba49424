package dev.greenlight.emergency;

import java.time.Instant;
import java.util.List;

import dev.greenlight.incident.IncidentSummary;
import dev.greenlight.incident.PostmortemSummary;
import dev.greenlight.release.ReleaseState;

/** An emergency request as pages and the API show it. */
public record EmergencyView(long id, long releaseId, String releaseTitle, ReleaseState releaseState,
        Criterion criterion, String justification, String affectedServices, String risk, EmergencyState state,
        String requestedBy, Instant requestedAt, String assessedBy, Instant assessedAt, String assessmentReason,
        String decidedBy, Instant decidedAt, String decisionReason, IncidentSummary incident,
        List<LeaderApproval> approvals, List<WaiverView> bypasses, PostmortemSummary postmortem) {

    /**
     * One leader's approval and the bypasses they chose, for a content version of the release; stale once the release
     * holds other changesets.
     */
    public record LeaderApproval(String approver, String reason, List<EmergencyApproval.Bypass> bypasses,
            Instant approvedAt, int contentVersion, boolean stale) {
    }

    /**
     * A waived requirement: "gate:coverage", why, by whom, when, for which content version; stale once the release
     * holds other changesets.
     */
    public record WaiverView(String requirement, String label, String reason, String waivedBy, Instant waivedAt,
            int contentVersion, boolean stale) {
    }
}

package dev.greenlight.emergency;

import java.time.Instant;
import java.util.List;

import dev.greenlight.release.ReleaseState;

/** An emergency request as pages and the API show it. */
public record EmergencyView(long id, long releaseId, String releaseTitle, ReleaseState releaseState,
        Criterion criterion, String justification, String affectedServices, String risk, EmergencyState state,
        String requestedBy, Instant requestedAt, String assessedBy, Instant assessedAt, String assessmentReason,
        String decidedBy, Instant decidedAt, String decisionReason, IncidentView incident,
        List<LeaderApproval> approvals, List<WaiverView> bypasses, PostmortemView postmortem) {

    public record IncidentView(long id, String title, Severity severity, String report) {
        public boolean hasReport() {
            return report != null && !report.isBlank();
        }

        static IncidentView of(Incident incident) {
            return new IncidentView(incident.id, incident.title, incident.severity, incident.report);
        }
    }

    /** One leader's approval and the bypasses they chose. */
    public record LeaderApproval(String approver, String reason, List<EmergencyApproval.Bypass> bypasses,
            Instant approvedAt) {
    }

    /** A waived requirement: "gate:coverage", why, by whom, when. */
    public record WaiverView(String requirement, String label, String reason, String waivedBy, Instant waivedAt) {
    }

    public record PostmortemView(long id, long releaseId, String owner, Instant dueAt, String state,
            boolean overdue) {
        static PostmortemView of(Postmortem p, Instant now) {
            return new PostmortemView(p.id, p.releaseId, p.owner, p.dueAt, p.state.name(),
                    p.state != Postmortem.State.PUBLISHED && p.dueAt.isBefore(now));
        }
    }
}

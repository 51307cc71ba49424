package dev.greenlight.incident;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A post-mortem in full, as its pages and the API show it. */
public record PostmortemView(long id, Long releaseId, long incidentId, String incidentTitle, Long emergencyId,
        String owner, Instant dueAt, PostmortemState state, boolean overdue, String lateBy, String summary,
        String impact, String rootCause, String contributingFactors, String wentWell, String lessons,
        List<Timeline> timeline, List<Action> actionItems, String createdBy, Instant createdAt, String submittedBy,
        Instant submittedAt, String changesRequestedReason, String reviewer, Instant reviewedAt, String publishedBy,
        Instant publishedAt, long version) {

    public record Timeline(long id, Instant occurredAt, String text, String createdBy) {
    }

    public record Action(long id, String description, String owner, LocalDate dueOn, ActionItemStatus status,
            long version) {
    }

    public boolean signedOff() {
        return reviewer != null;
    }
}

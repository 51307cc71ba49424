package dev.greenlight.incident;

import java.time.Duration;
import java.time.Instant;

/** A post-mortem in lists: whose, due when, and how late. */
public record PostmortemSummary(long id, Long releaseId, long incidentId, String incidentTitle, String owner,
        Instant dueAt, String state, boolean overdue, String lateBy) {

    static PostmortemSummary of(Postmortem p, String incidentTitle, Instant now) {
        boolean overdue = p.isOverdue(now);
        return new PostmortemSummary(p.id, p.releaseId, p.incidentId, incidentTitle, p.owner, p.dueAt, p.state.name(),
                overdue, overdue ? late(Duration.between(p.dueAt, now)) : null);
    }

    /** "2 d 3 h", "5 h 20 min", "12 min". */
    static String late(Duration late) {
        long days = late.toDays();
        long hours = late.toHoursPart();
        long minutes = late.toMinutesPart();
        if (days > 0) {
            return days + " d " + hours + " h";
        }
        if (hours > 0) {
            return hours + " h " + minutes + " min";
        }
        return Math.max(1, minutes) + " min";
    }
}

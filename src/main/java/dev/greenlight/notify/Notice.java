package dev.greenlight.notify;

import java.time.Instant;
import java.util.List;

/**
 * Something people should hear of in Slack, handed to {@link Outbox#enqueue(Notice)} by the feature where it happened,
 * in the transaction that made it happen. Each kind has its template in {@code templates/SlackMessages/} and its
 * channel under {@code greenlight.slack.channels."<eventType>"}. Notices about one release are delivered in the order
 * they were enqueued.
 */
public sealed interface Notice {

    /** Routing key and audit name, e.g. {@code gate.failed}. */
    String eventType();

    long releaseId();

    /** Makes enqueueing idempotent: a second notice with the same key is dropped. Null for none. */
    default String dedupeKey() {
        return null;
    }

    /** A quality gate of a release failed. */
    record GateFailed(long releaseId, String releaseTitle, String gate, String detail, String recordedBy)
            implements
                Notice {
        @Override
        public String eventType() {
            return "gate.failed";
        }
    }

    /** A post-release check of a published release failed: someone should roll back or open an incident. */
    record CheckFailed(long releaseId, String releaseTitle, String check, String detail, String recordedBy)
            implements
                Notice {
        @Override
        public String eventType() {
            return "check.failed";
        }
    }

    /** Every step of a rollback's checklist is done (its start is the release's "rolled back" message). */
    record RollbackCompleted(long rollbackId, long releaseId, String releaseTitle, List<String> toTags,
            String completedBy) implements Notice {
        @Override
        public String eventType() {
            return "rollback.completed";
        }
    }

    /** Someone asked for the emergency path; engineering leaders are paged (urgent). */
    record EmergencyRequested(long emergencyId, long releaseId, String releaseTitle, String criterion,
            String justification, String requestedBy) implements Notice {
        @Override
        public String eventType() {
            return "emergency.requested";
        }
    }

    /** The security or product team assessed an emergency request. */
    record EmergencyAssessed(long emergencyId, long releaseId, String releaseTitle, String assessedBy,
            String assessment) implements Notice {
        @Override
        public String eventType() {
            return "emergency.assessed";
        }
    }

    /** Engineering leadership approved or denied an emergency release. */
    record EmergencyDecided(long emergencyId, long releaseId, String releaseTitle, boolean approved, String decidedBy,
            String reason) implements Notice {
        @Override
        public String eventType() {
            return approved ? "emergency.approved" : "emergency.denied";
        }
    }

    /** A post-mortem is due soon ({@code greenlight.policy.post-mortem.reminder-before} before its due time); once. */
    record PostMortemDueSoon(long postMortemId, long releaseId, String releaseTitle, Instant dueAt,
            List<String> owners) implements Notice {
        @Override
        public String eventType() {
            return "post-mortem.due";
        }

        @Override
        public String dedupeKey() {
            return "post-mortem:" + postMortemId + ":due";
        }
    }

    /**
     * A post-mortem is overdue; {@code escalation} counts from 1 (one per {@code greenlight.policy.post-mortem.
     * escalation-interval}, see {@code incident.PostmortemReminders}) and each one is sent once.
     */
    record PostMortemOverdue(long postMortemId, long releaseId, String releaseTitle, Instant dueAt, int escalation,
            List<String> owners) implements Notice {
        @Override
        public String eventType() {
            return "post-mortem.overdue";
        }

        @Override
        public String dedupeKey() {
            return "post-mortem:" + postMortemId + ":overdue:" + escalation;
        }
    }
}

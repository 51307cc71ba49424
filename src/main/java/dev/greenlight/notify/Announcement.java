package dev.greenlight.notify;

/**
 * Something people should hear of in Slack that concerns no single release (a change freeze starting or ending),
 * handed to {@link Outbox#announce(Announcement)} in the transaction that decided it. Like a {@link Notice}, each kind
 * has its template in {@code templates/SlackMessages/} and its channel under
 * {@code greenlight.slack.channels."<eventType>"}; announcements of one subject are delivered in order.
 */
public sealed interface Announcement {

    String eventType();

    /** What the announcement is about, e.g. {@code freeze:3}: its messages are delivered in order. */
    String subject();

    /** Makes announcing idempotent: a second announcement with the same key is dropped. */
    String dedupeKey();

    /** A freeze window's occurrence started: nothing it covers may be published until {@code until}. */
    record FreezeStarted(long windowId, String reason, String scope, long occurrenceStart, String until)
            implements
                Announcement {
        @Override
        public String eventType() {
            return "freeze.started";
        }

        @Override
        public String subject() {
            return "freeze:" + windowId;
        }

        @Override
        public String dedupeKey() {
            return "freeze:" + windowId + ":" + occurrenceStart + ":started";
        }
    }

    /** A freeze window's occurrence ended: publishing is open again. */
    record FreezeEnded(long windowId, String reason, String scope, long occurrenceStart) implements Announcement {
        @Override
        public String eventType() {
            return "freeze.ended";
        }

        @Override
        public String subject() {
            return "freeze:" + windowId;
        }

        @Override
        public String dedupeKey() {
            return "freeze:" + windowId + ":" + occurrenceStart + ":ended";
        }
    }
}

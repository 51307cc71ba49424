package dev.greenlight.notify;

/** Where an outbox message stands. */
enum DeliveryStatus {
    /** Waiting for its turn, its channel's pace or its next retry. */
    PENDING("Pending"),
    SENT("Sent"),
    /** Gave up: too many failed attempts, or Slack refused it for good. An admin can retry it. */
    DEAD("Dead letter"),
    /** Slack was not configured when it was written: kept to show what would have been sent. */
    NOT_CONFIGURED("Not configured"),
    /** An update of a first message that was never posted: nothing to update. */
    SKIPPED("Skipped");

    private final String label;

    DeliveryStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean retryable() {
        return this == DEAD || this == NOT_CONFIGURED;
    }
}

package dev.greenlight.rollback;

/** A checklist step: open, done, or (only a skippable one) not applicable with a reason. Never back to open. */
public enum StepState {
    OPEN,
    DONE,
    NOT_APPLICABLE;

    public boolean isResolved() { return this != OPEN; }
}

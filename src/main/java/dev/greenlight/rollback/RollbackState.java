package dev.greenlight.rollback;

/** A rollback is in progress until the last step of its checklist is done. */
public enum RollbackState {
    IN_PROGRESS,
    COMPLETED
}

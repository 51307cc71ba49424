package dev.greenlight.emergency;

/** An override is requested by one admin and approved or denied by a second admin or an engineering leader. */
public enum OverrideState {
    REQUESTED,
    APPROVED,
    DENIED;

    /** The state after the decision; only a requested override can be decided. */
    OverrideState decide(boolean approve) {
        return switch (this) {
            case REQUESTED -> approve ? APPROVED : DENIED;
            case APPROVED, DENIED -> throw new dev.greenlight.web.ConflictException(
                    "This override is already " + name().toLowerCase() + ".");
        };
    }
}

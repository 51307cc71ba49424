package dev.greenlight.emergency;

import dev.greenlight.common.ConflictException;

/**
 * An override is requested by one admin and approved or denied by a second admin or an engineering leader; it lapses
 * when the release's changesets change before anyone decided.
 */
public enum OverrideState {
    REQUESTED,
    APPROVED,
    DENIED,
    LAPSED;

    /** The state after the decision; only a requested override can be decided. */
    OverrideState decide(boolean approve) {
        return switch (this) {
            case REQUESTED -> approve ? APPROVED : DENIED;
            case APPROVED, DENIED -> throw new ConflictException("This override is already " + name().toLowerCase()
                    + ".");
            case LAPSED -> throw new ConflictException("This override lapsed: the release's changesets changed since"
                    + " it was asked. Ask for a new override for what the release holds now.");
        };
    }

    /** The state once the release's content changed. */
    OverrideState lapse() {
        return switch (this) {
            case REQUESTED -> LAPSED;
            case APPROVED, DENIED, LAPSED -> this;
        };
    }
}

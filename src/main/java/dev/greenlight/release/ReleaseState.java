package dev.greenlight.release;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * The life of a release. The table behind {@link #next} is the only place that knows the transitions; everything else
 * asks it.
 */
public enum ReleaseState {
    DRAFT("Draft"),
    IN_REVIEW("In review"),
    APPROVED("Approved"),
    PUBLISHED("Published"),
    VALIDATED(
            "Validated"),
    ROLLED_BACK("Rolled back"),
    REJECTED("Rejected"),
    CANCELLED("Cancelled");

    private final String label;

    ReleaseState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The state after {@code action}, or an {@link IllegalTransitionException} saying why not. */
    public ReleaseState next(ReleaseAction action) {
        ReleaseState target = target(action);
        if (target == null) {
            throw new IllegalTransitionException(this, action);
        }
        return target;
    }

    /** The transitions: the state after {@code action}, null when it is not allowed. */
    private ReleaseState target(ReleaseAction action) {
        return switch (this) {
            case DRAFT -> switch (action) {
                case SUBMIT -> IN_REVIEW;
                case CANCEL -> CANCELLED;
                case DECLINE -> REJECTED;
                default -> null;
            };
            case IN_REVIEW -> switch (action) {
                case APPROVE -> APPROVED;
                case REJECT -> DRAFT;
                case CANCEL -> CANCELLED;
                case DECLINE -> REJECTED;
                default -> null;
            };
            case APPROVED -> switch (action) {
                case PUBLISH -> PUBLISHED;
                case INVALIDATE -> IN_REVIEW;
                case CANCEL -> CANCELLED;
                case DECLINE -> REJECTED;
                default -> null;
            };
            case PUBLISHED -> switch (action) {
                case VALIDATE -> VALIDATED;
                case ROLL_BACK -> ROLLED_BACK;
                default -> null;
            };
            case VALIDATED -> switch (action) {
                case ROLL_BACK -> ROLLED_BACK;
                default -> null;
            };
            case ROLLED_BACK, REJECTED, CANCELLED -> null;
        };
    }

    /** Asked for every button of every page: a lookup, never an exception with its stack trace. */
    public boolean allows(ReleaseAction action) {
        return target(action) != null;
    }

    public Set<ReleaseAction> allowedActions() {
        Set<ReleaseAction> allowed = EnumSet.noneOf(ReleaseAction.class);
        Arrays.stream(ReleaseAction.values()).filter(this::allows).forEach(allowed::add);
        return allowed;
    }

    public boolean isTerminal() { return allowedActions().isEmpty(); }

    /** The release's content (its changesets) may still change. */
    public boolean isOpen() {
        return this == DRAFT || this == IN_REVIEW || this == APPROVED;
    }
}

package dev.greenlight.release;

import dev.greenlight.common.ConflictException;

/** The release's state does not allow the action. */
public class IllegalTransitionException extends ConflictException {
    private final ReleaseState from;
    private final ReleaseAction action;

    public IllegalTransitionException(ReleaseState from, ReleaseAction action) {
        super("A release that is " + from.label().toLowerCase() + " cannot be " + action.pastTense() + ".");
        this.from = from;
        this.action = action;
    }

    public ReleaseState from() {
        return from;
    }

    public ReleaseAction action() {
        return action;
    }
}

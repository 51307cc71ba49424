package dev.greenlight.incident;

import dev.greenlight.common.ConflictException;

/** 409: the post-mortem's state does not allow this step. */
public class IllegalPostmortemTransitionException extends ConflictException {

    public IllegalPostmortemTransitionException(PostmortemState from, PostmortemAction action) {
        super("A post-mortem that is " + from.label().toLowerCase() + " cannot be " + pastTense(action)
                + (from == PostmortemState.IN_REVIEW && action == PostmortemAction.EDIT
                        ? "; the reviewer may send it back to draft with the changes wanted."
                        : "."));
    }

    private static String pastTense(PostmortemAction action) {
        return switch (action) {
            case EDIT -> "edited";
            case SUBMIT -> "sent for review";
            case REQUEST_CHANGES -> "sent back to draft";
            case SIGN_OFF -> "signed off";
            case PUBLISH -> "published";
        };
    }
}

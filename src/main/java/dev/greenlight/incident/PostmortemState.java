package dev.greenlight.incident;

import io.quarkus.qute.TemplateEnum;

/**
 * The life of a post-mortem. {@link #next} is the only place that knows the transitions: written as a draft, sent for
 * review, signed off and published by someone other than its owner, or sent back to draft with the changes wanted.
 * Sign-off is recorded on the post-mortem while it stays in review; publishing needs it.
 */
@TemplateEnum
public enum PostmortemState {
    DRAFT("Draft"),
    IN_REVIEW("In review"),
    PUBLISHED("Published");

    private final String label;

    PostmortemState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The state after {@code action}, or an {@link IllegalPostmortemTransitionException} saying why not. */
    public PostmortemState next(PostmortemAction action) {
        PostmortemState target = switch (this) {
            case DRAFT -> switch (action) {
                case EDIT -> DRAFT;
                case SUBMIT -> IN_REVIEW;
                case REQUEST_CHANGES, SIGN_OFF, PUBLISH -> null;
            };
            case IN_REVIEW -> switch (action) {
                case REQUEST_CHANGES -> DRAFT;
                case SIGN_OFF -> IN_REVIEW;
                case PUBLISH -> PUBLISHED;
                case EDIT, SUBMIT -> null;
            };
            case PUBLISHED -> null;
        };
        if (target == null) {
            throw new IllegalPostmortemTransitionException(this, action);
        }
        return target;
    }

    public boolean allows(PostmortemAction action) {
        try {
            next(action);
            return true;
        } catch (IllegalPostmortemTransitionException e) {
            return false;
        }
    }
}

package dev.greenlight.incident;

/** What people do to a post-mortem; {@link PostmortemState#next} says when each is allowed. */
public enum PostmortemAction {
    EDIT,
    SUBMIT,
    REQUEST_CHANGES,
    SIGN_OFF,
    PUBLISH
}

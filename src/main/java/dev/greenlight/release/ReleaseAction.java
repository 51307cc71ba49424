package dev.greenlight.release;

import java.util.Set;

import io.quarkus.qute.TemplateEnum;

import dev.greenlight.security.Role;

/** What can happen to a release, and which roles may make it happen. System actions follow from other records. */
@TemplateEnum
public enum ReleaseAction {
    SUBMIT("submitted", "submitted for review", Set.of(Role.AUTHOR, Role.MAINTAINER)),
    CANCEL("cancelled", "cancelled", Set.of(Role.AUTHOR, Role.MAINTAINER, Role.ADMIN)),
    /** A reviewer sends the release back to its author with the reason. */
    REJECT("rejected", "sent back to draft", Set.of(Role.CODE_REVIEWER, Role.SECURITY_REVIEWER, Role.PRODUCT_REVIEWER)),
    /** The release will not ship in this form at all. */
    DECLINE("declined", "declined", Set.of(Role.MAINTAINER, Role.ENGINEERING_LEADER, Role.ADMIN)),
    /** Every review slot is filled and every gate passes. */
    APPROVE("approved", "approved", Set.of()),
    /** Its content changed after approval: approvals are stale. */
    INVALIDATE("invalidated", "returned to review", Set.of()),
    PUBLISH("published", "published", Set.of(Role.MAINTAINER)),
    /** Every post-release check passed. */
    VALIDATE("validated", "validated", Set.of()),
    ROLL_BACK("rolled-back", "rolled back", Set.of(Role.MAINTAINER, Role.ENGINEERING_LEADER));

    private final String event;
    private final String pastTense;
    private final Set<Role> performers;

    ReleaseAction(String event, String pastTense, Set<Role> performers) {
        this.event = event;
        this.pastTense = pastTense;
        this.performers = performers;
    }

    /** The audit action it records: "release." + this, e.g. "release.submitted". */
    public String event() {
        return event;
    }

    public String pastTense() {
        return pastTense;
    }

    /** Roles that may take this action by hand; empty for actions Greenlight takes itself. */
    public Set<Role> performers() {
        return performers;
    }

    public boolean isSystem() { return performers.isEmpty(); }
}

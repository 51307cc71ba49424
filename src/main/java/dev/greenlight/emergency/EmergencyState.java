package dev.greenlight.emergency;

import io.quarkus.qute.TemplateEnum;

/**
 * The life of an emergency request. {@link #next} is the only place that knows the transitions: requested, assessed by
 * the security or product team (or declined), approved by engineering leadership (or denied), back to assessed when
 * the release's changesets change before it ships, published with the release.
 */
@TemplateEnum
public enum EmergencyState {
    REQUESTED("Requested"),
    ASSESSED("Assessed"),
    DECLINED("Declined"),
    APPROVED("Approved"),
    DENIED("Denied"),
    PUBLISHED("Published");

    private final String label;

    EmergencyState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The state after {@code action}, or an {@link IllegalEmergencyTransitionException} saying why not. */
    public EmergencyState next(EmergencyAction action) {
        EmergencyState target = target(action);
        if (target == null) {
            throw new IllegalEmergencyTransitionException(this, action);
        }
        return target;
    }

    public boolean allows(EmergencyAction action) {
        return target(action) != null;
    }

    /** Null when the action does not apply in this state. */
    private EmergencyState target(EmergencyAction action) {
        return switch (this) {
            case REQUESTED -> switch (action) {
                case ASSESS -> ASSESSED;
                case DECLINE -> DECLINED;
                case APPROVE, DENY, REOPEN, PUBLISH -> null;
            };
            case ASSESSED -> switch (action) {
                case APPROVE -> APPROVED;
                case DENY -> DENIED;
                case ASSESS, DECLINE, REOPEN, PUBLISH -> null;
            };
            case APPROVED -> switch (action) {
                case PUBLISH -> PUBLISHED;
                // the assessment still holds; leaders decide again on the new changesets
                case REOPEN -> ASSESSED;
                case ASSESS, DECLINE, APPROVE, DENY -> null;
            };
            case DECLINED, DENIED, PUBLISHED -> null;
        };
    }

    /** Still on its way: it counts as the release's emergency. */
    public boolean isLive() {
        return this != DECLINED && this != DENIED;
    }

    public boolean isTerminal() { return this == DECLINED || this == DENIED || this == PUBLISHED; }
}

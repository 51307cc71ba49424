package dev.greenlight.emergency;

import dev.greenlight.common.ConflictException;

/** 409: the emergency request's state does not allow this step. */
public class IllegalEmergencyTransitionException extends ConflictException {

    public IllegalEmergencyTransitionException(EmergencyState from, EmergencyAction action) {
        super("An emergency request that is " + from.label().toLowerCase() + " cannot be " + pastTense(action) + ".");
    }

    private static String pastTense(EmergencyAction action) {
        return switch (action) {
            case ASSESS -> "assessed";
            case DECLINE -> "declined";
            case APPROVE -> "approved";
            case DENY -> "denied";
            case REOPEN -> "reopened";
            case PUBLISH -> "published";
        };
    }
}

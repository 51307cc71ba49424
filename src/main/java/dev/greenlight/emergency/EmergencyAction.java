package dev.greenlight.emergency;

/** What can happen to an emergency request. */
public enum EmergencyAction {
    /** The security or product team validates the emergency. */
    ASSESS,
    /** The security or product team finds it is no emergency. */
    DECLINE,
    /** Engineering leadership approves it (with the bypasses it chose). */
    APPROVE,
    /** Engineering leadership refuses it. */
    DENY,
    /** The release's changesets changed after approval: the leaders' approvals and bypasses no longer hold. */
    REOPEN,
    /** The release shipped. */
    PUBLISH
}

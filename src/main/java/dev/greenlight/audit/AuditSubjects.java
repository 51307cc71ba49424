package dev.greenlight.audit;

/** Where each kind of audited subject is shown, so that every event on the audit page links to it. */
final class AuditSubjects {
    private AuditSubjects() {
    }

    /**
     * The subject's page, or null for subjects that have none (the release link then stands for it) and for a subject
     * withheld from the reader.
     */
    static String href(AuditEventView e) {
        if (e.entityId() == null) {
            return null;
        }
        String release = e.releaseId() == null ? null : "/releases/" + e.releaseId();
        return switch (e.entityType()) {
            case "release" -> "/releases/" + e.entityId();
            case "emergency" -> "/emergencies/" + e.entityId();
            case "override" -> "/overrides/" + e.entityId();
            case "incident" -> "/incidents/" + e.entityId();
            case "postmortem" -> "/postmortems/" + e.entityId();
            case "changeset" -> release != null ? release + "#changesets-title" : "/changesets";
            case "package" -> "/packages";
            case "evidence" -> release != null ? release + "/evidence/" + e.entityId() : null;
            case "gate-result", "waiver" -> release != null ? release + "#gates-title" : null;
            case "release-adr" -> release != null ? release + "#adrs-title" : null;
            case "approval" -> release != null ? release + "#reviews-title" : null;
            case "rollback" -> release != null ? release + "#rollback" : null;
            case "release-check" -> release != null ? release + "#validation" : null;
            case "outbox_message", "slack_user_link" -> "/admin/slack";
            case "freeze-window" -> "/calendar?view=list#freeze-" + e.entityId();
            default -> release;
        };
    }
}

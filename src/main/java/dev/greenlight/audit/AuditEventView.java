package dev.greenlight.audit;

import java.time.Instant;

/**
 * An audit event as one reader may read it ({@link Withholding}). When {@code withheld}, {@code before} and
 * {@code after} read "withheld: concerns a security incident you cannot see", and {@code entityId} is null when the
 * subject is that incident or its post-mortem; the hashes are the stored ones, which only a reader who may see the event
 * can recompute.
 */
public record AuditEventView(long id, Instant occurredAt, String actor, String action, String entityType,
        String entityId, Long releaseId, Object before, Object after, String prevHash, String hash, short hashVersion,
        boolean withheld) {
    /** What a withheld payload reads. */
    public static final String WITHHELD = Withholding.SHOWN;

    static AuditEventView of(AuditEvent e, Withholding withholding) {
        if (!withholding.withholds(e.entityType, e.entityId, e.before, e.after)) {
            return new AuditEventView(e.id, e.occurredAt, e.actor, e.action, e.entityType, e.entityId, e.releaseId,
                    e.before, e.after, e.prevHash, e.hash, e.hashVersion, false);
        }
        return new AuditEventView(e.id, e.occurredAt, e.actor, e.action, e.entityType,
                withholding.hidesSubject(e.entityType, e.entityId) ? null : e.entityId, e.releaseId, WITHHELD,
                WITHHELD, e.prevHash, e.hash, e.hashVersion, true);
    }
}

package dev.greenlight.bundle;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import dev.greenlight.adr.AdrReference;
import dev.greenlight.approval.SlotStatus;
import dev.greenlight.audit.AuditEventView;
import dev.greenlight.changeset.ChangesetView;
import dev.greenlight.emergency.EmergencyView;
import dev.greenlight.emergency.OverrideView;
import dev.greenlight.evidence.EvidenceView;
import dev.greenlight.gate.GateStatus;
import dev.greenlight.incident.IncidentView;
import dev.greenlight.incident.PostmortemView;
import dev.greenlight.release.ReleaseView;
import dev.greenlight.rollback.RollbackView;
import dev.greenlight.validation.CheckStatus;

/**
 * Everything Greenlight knows about one release, as an auditor reads it: what shipped and why it was allowed to.
 * Serialised as {@code release.json} in the evidence bundle and rendered as {@code summary.html}.
 */
public record Dossier(Instant generatedAt, String generatedBy, ReleaseView release, List<AdrReference> adrs,
        List<ChangesetView> changesets,
        List<SlotStatus> reviews, List<GateStatus> gates, List<String> waivers, List<EmergencyView> emergencies,
        List<OverrideView> overrides, List<CheckStatus> validation, List<RollbackView> rollbacks,
        List<IncidentView> incidents, List<PostmortemView> postmortems, List<AuditEntry> auditEvents) {

    /**
     * One audit event with the hashes that tie it into the log's chain; {@code withheld} from the bundle's reader as
     * {@link AuditEventView} says.
     */
    public record AuditEntry(long id, Instant occurredAt, String actor, String action, String entityType,
            String entityId, Object before, Object after, String prevHash, String hash, boolean withheld) {
        static AuditEntry of(AuditEventView event) {
            return new AuditEntry(event.id(), event.occurredAt(), event.actor(), event.action(), event.entityType(),
                    event.entityId(), event.before(), event.after(), event.prevHash(), event.hash(),
                    event.withheld());
        }
    }

    /** Every evidence file the release's current gate and post-release check results point to. */
    public List<EvidenceView> evidenceFiles() {
        return Stream.concat(gates.stream().map(GateStatus::evidence), validation.stream().map(CheckStatus::evidence))
                .filter(e -> e != null && "file".equals(e.kind()))
                .distinct()
                .toList();
    }
}

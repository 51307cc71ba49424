package dev.greenlight.emergency;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import dev.greenlight.approval.ApprovalService;
import dev.greenlight.approval.SlotStatus;
import dev.greenlight.audit.AuditLog;
import dev.greenlight.common.ConflictException;
import dev.greenlight.common.Decision;
import dev.greenlight.common.FieldError;
import dev.greenlight.common.Inputs;
import dev.greenlight.common.InvalidInputException;
import dev.greenlight.common.Limits;
import dev.greenlight.common.ResourceNotFoundException;
import dev.greenlight.gate.GateService;
import dev.greenlight.gate.GateStatus;
import dev.greenlight.incident.IncidentService;
import dev.greenlight.incident.IncidentSummary;
import dev.greenlight.incident.Severity;
import dev.greenlight.release.ReleaseContentChanged;
import dev.greenlight.release.ReleaseFacts;
import dev.greenlight.release.ReleaseHeadline;
import dev.greenlight.release.ReleaseService;
import dev.greenlight.release.ReleaseState;
import dev.greenlight.security.Actor;

/**
 * "Manual Releases: Override": an admin asks to publish a normal release outside the rules, with an incident report; a
 * second admin or an engineering leader approves. Approval waives every gate and review slot still unmet, each waiver
 * audited and shown on the release for ever.
 */
@ApplicationScoped
public class OverrideService {

    /**
     * What the admin asks: the release, why, and the incident with its report; a new incident's title and severity
     * are needed only when no existing incident is named.
     */
    public record OverrideInput(long releaseId,
            @NotBlank(message = "say why the release must ship outside the rules") @Size(max = Limits.REASON_CHARS, message = "must be at most {max} characters") String reason,
            Long incidentId,
            @Size(max = Limits.SHORT_TEXT_CHARS, message = "must be at most {max} characters") String incidentTitle,
            String incidentSeverity,
            @NotBlank(message = "an override needs an incident report") @Size(max = Limits.REPORT_CHARS, message = "must be at most {max} characters") String incidentReport) {
    }

    private final ReleaseService releases;
    private final GateService gates;
    private final ApprovalService approvals;
    private final EmergencyService emergencies;
    private final IncidentService incidents;
    private final AuditLog audit;
    private final Inputs inputs;
    private final Clock clock;

    @Inject
    OverrideService(ReleaseService releases, GateService gates, ApprovalService approvals,
            EmergencyService emergencies, IncidentService incidents, AuditLog audit, Inputs inputs, Clock clock) {
        this.incidents = incidents;
        this.releases = releases;
        this.gates = gates;
        this.approvals = approvals;
        this.emergencies = emergencies;
        this.audit = audit;
        this.inputs = inputs;
        this.clock = clock;
    }

    @Transactional
    public OverrideView request(Actor actor, OverrideInput input) {
        OverridePermissions.request(actor).orThrow();
        List<FieldError> errors = new ArrayList<>(inputs.refusals(input));
        IncidentSummary incident = null;
        Severity severity = null;
        if (input.incidentId() != null) {
            incident = incidents.visible(actor, input.incidentId()).orElse(null);
            if (incident == null) {
                errors.add(new FieldError("incidentId", "there is no incident " + input.incidentId()));
            }
        } else {
            if (input.incidentTitle() == null || input.incidentTitle().isBlank()) {
                errors.add(new FieldError("incidentTitle", "must not be blank"));
            }
            try {
                severity = Severity.parse("incidentSeverity", input.incidentSeverity());
            } catch (InvalidInputException e) {
                errors.addAll(e.errors());
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        ReleaseFacts release = releases.lockFacts(input.releaseId());
        if (release.state() != ReleaseState.IN_REVIEW) {
            throw new ConflictException("An override is for a release in review; release " + release.id() + " is "
                    + release.state().label().toLowerCase() + ".");
        }
        if (EmergencyRequest.liveForRelease(release.id()).isPresent()) {
            throw new ConflictException("Release " + release.id() + " is on the emergency path; its engineering"
                    + " leader chooses what is bypassed.");
        }
        if (ReleaseOverride.liveForRelease(release.id(), release.contentVersion()).isPresent()) {
            throw new ConflictException("Release " + release.id() + " already has an override for its changesets.");
        }
        Instant now = clock.instant();
        if (incident == null) {
            // an override names no criterion, and its form does not ask whether the matter is a security one
            incident = incidents.fileFor(actor, input.incidentTitle(), severity, false, input.incidentReport(),
                    release.id());
        } else {
            incidents.linkRelease(incident.id(), release.id());
            incident = incidents.writeReport(actor, incident.id(), input.incidentReport(), release.id());
        }
        ReleaseOverride override = new ReleaseOverride();
        override.releaseId = release.id();
        override.incidentId = incident.id();
        override.reason = input.reason().strip();
        override.state = OverrideState.REQUESTED;
        override.requestedBy = actor.username();
        override.requestedAt = now;
        override.contentVersion = release.contentVersion();
        override.persistAndFlush();
        audit.record(actor, new AuditLog.Change("override.requested", "override", override.id, release.id(), null,
                snapshot(override)));
        return view(actor, override);
    }

    /** The second person: another admin or an engineering leader, never the admin who asked. */
    @Transactional
    public OverrideView approve(Actor actor, long id, String reason) {
        Locked locked = lockForDecision(actor, id);
        ReleaseOverride override = locked.override();
        ReleaseFacts release = locked.release();
        if (release.state() != ReleaseState.IN_REVIEW) {
            throw new ConflictException("Release " + release.id() + " is " + release.state().label().toLowerCase()
                    + "; an override applies to a release in review.");
        }
        // one asked before V12 and still undecided did not lapse when the changesets changed
        if (override.state == OverrideState.REQUESTED && override.contentVersion != release.contentVersion()) {
            throw new ConflictException("Release " + release.id() + "'s changesets changed since override " + id
                    + " was asked; deny it and ask for a new override for what the release holds now.");
        }
        Map<String, Object> before = snapshot(override);
        override.state = override.state.decide(true);
        override.decidedBy = actor.username();
        override.decidedAt = clock.instant();
        override.decisionReason = reason == null || reason.isBlank() ? null : reason.strip();
        String waiverReason = "Override #" + override.id + ": " + override.reason;
        for (GateStatus gate : gates.status(release)) {
            if (!gate.isSatisfied()) {
                emergencies.grant(actor, release.id(), release.contentVersion(), GrantedWaiver.Source.OVERRIDE,
                        override.id, EmergencyService.gateKey(gate.gate()), waiverReason, actor.username(),
                        override.decidedAt);
            }
        }
        for (SlotStatus slot : approvals.slots(release)) {
            if (!slot.isFilled()) {
                emergencies.grant(actor, release.id(), release.contentVersion(), GrantedWaiver.Source.OVERRIDE,
                        override.id, "slot:" + slot.requirement().slot(), waiverReason, actor.username(),
                        override.decidedAt);
            }
        }
        audit.record(actor, new AuditLog.Change("override.approved", "override", id, release.id(), before,
                snapshot(override)));
        releases.approveIfReady(release.id());
        return view(actor, override);
    }

    @Transactional
    public OverrideView deny(Actor actor, long id, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "say why the override is denied");
        }
        ReleaseOverride override = lockForDecision(actor, id).override();
        Map<String, Object> before = snapshot(override);
        override.state = override.state.decide(false);
        override.decidedBy = actor.username();
        override.decidedAt = clock.instant();
        override.decisionReason = reason.strip();
        audit.record(actor, new AuditLog.Change("override.denied", "override", id, override.releaseId, before,
                snapshot(override)));
        return view(actor, override);
    }

    public OverrideView get(Actor viewer, long id) {
        return view(viewer, ReleaseOverride.<ReleaseOverride>findByIdOptional(id)
                .orElseThrow(() -> new ResourceNotFoundException("Override", id)));
    }

    /** Every override requested for a release, oldest first. */
    public List<OverrideView> forRelease(Actor viewer, long releaseId) {
        return views(viewer, ReleaseOverride.forRelease(releaseId));
    }

    /** Overrides waiting for a second person, oldest first. */
    public List<OverrideView> open(Actor viewer) {
        return views(viewer, ReleaseOverride.open());
    }

    /** Whether the actor may decide the override now, and if not why. */
    public Decision mayDecide(Actor actor, OverrideView override) {
        return OverridePermissions.decideNow(actor, override.requestedBy(), override.state(),
                releases.facts(override.releaseId()));
    }

    /**
     * The release's changesets changed: an override nobody decided yet was asked for other content and lapses. An
     * approved one stays approved, its waivers stale (see {@link EmergencyWaivers}).
     */
    void contentChanged(@Observes ReleaseContentChanged event) {
        for (ReleaseOverride override : ReleaseOverride.waitingForRelease(event.releaseId())) {
            Map<String, Object> before = snapshot(override);
            override.state = override.state.lapse();
            override.decidedBy = Actor.SYSTEM.username();
            override.decidedAt = clock.instant();
            override.decisionReason = "The release's changesets changed (content version " + event.contentVersion()
                    + ") before a second person decided.";
            audit.record(Actor.SYSTEM, new AuditLog.Change("override.lapsed", "override", override.id,
                    override.releaseId, before, snapshot(override)));
        }
    }

    /** An override with the facts of its release, both locked until the transaction ends. */
    private record Locked(ReleaseOverride override, ReleaseFacts release) {
    }

    /** Locks the release first, then the override: the order in which content changes take them. */
    private Locked lockForDecision(Actor actor, long id) {
        OverridePermissions.decider(actor).orThrow();
        long releaseId = ReleaseOverride.releaseOf(id).orElseThrow(() -> new ResourceNotFoundException("Override", id));
        ReleaseFacts release = releases.lockFacts(releaseId);
        ReleaseOverride override = ReleaseOverride.findForUpdate(id).orElseThrow();
        OverridePermissions.decide(actor, override.requestedBy, release).orThrow();
        return new Locked(override, release);
    }

    OverrideView view(Actor viewer, ReleaseOverride o) {
        return views(viewer, List.of(o)).get(0);
    }

    /**
     * Views of several overrides, each waiver marked stale when its release holds other changesets now, each incident
     * as the viewer may see it.
     */
    private List<OverrideView> views(Actor viewer, List<ReleaseOverride> overrides) {
        Map<Long, ReleaseHeadline> headlines = releases.headlines(
                overrides.stream().map(o -> o.releaseId).collect(Collectors.toSet()));
        Map<Long, IncidentSummary> incidentsById = incidents.summaries(viewer,
                overrides.stream().map(o -> o.incidentId).collect(Collectors.toSet()));
        return overrides.stream().map(o -> {
            int releaseVersion = headlines.get(o.releaseId).contentVersion();
            return new OverrideView(o.id, o.releaseId, o.reason, o.state, o.requestedBy, o.requestedAt, o.decidedBy,
                    o.decidedAt, o.decisionReason, o.contentVersion, incidentsById.get(o.incidentId),
                    GrantedWaiver.<GrantedWaiver>list("releaseId = ?1 and source = ?2 and sourceId = ?3 order by id",
                            o.releaseId, GrantedWaiver.Source.OVERRIDE, o.id)
                            .stream()
                            .map(w -> EmergencyService.view(w, releaseVersion))
                            .toList());
        }).toList();
    }

    private static Map<String, Object> snapshot(ReleaseOverride o) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("state", o.state.name());
        state.put("reason", o.reason);
        state.put("incident", o.incidentId);
        state.put("requestedBy", o.requestedBy);
        state.put("decidedBy", o.decidedBy);
        state.put("decisionReason", o.decisionReason);
        state.put("contentVersion", o.contentVersion);
        return state;
    }
}

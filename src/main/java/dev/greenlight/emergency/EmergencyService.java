package dev.greenlight.emergency;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Page;

import dev.greenlight.approval.ApprovalService;
import dev.greenlight.approval.SlotStatus;
import dev.greenlight.audit.AuditLog;
import dev.greenlight.common.ConflictException;
import dev.greenlight.common.Decision;
import dev.greenlight.common.FieldError;
import dev.greenlight.common.ForbiddenActionException;
import dev.greenlight.common.InvalidInputException;
import dev.greenlight.common.Limits;
import dev.greenlight.common.ResourceNotFoundException;
import dev.greenlight.gate.Gate;
import dev.greenlight.gate.GateService;
import dev.greenlight.gate.GateStatus;
import dev.greenlight.incident.IncidentService;
import dev.greenlight.incident.IncidentSummary;
import dev.greenlight.incident.PostmortemService;
import dev.greenlight.incident.PostmortemSummary;
import dev.greenlight.incident.Severity;
import dev.greenlight.notify.Notice;
import dev.greenlight.notify.Outbox;
import dev.greenlight.release.ReleaseContentChanged;
import dev.greenlight.release.ReleaseFacts;
import dev.greenlight.release.ReleaseHeadline;
import dev.greenlight.release.ReleaseService;
import dev.greenlight.release.ReleaseState;
import dev.greenlight.release.ReleaseStateChanged;
import dev.greenlight.security.Actor;

/**
 * The emergency path ("Emergency Release Process"): an author requests, the security or product team assesses,
 * engineering leadership approves with the bypasses it chooses, a maintainer publishes, a post-mortem falls due.
 * Requester, assessor and approvers are different people; every step is audited in its transaction.
 */
@ApplicationScoped
public class EmergencyService {

    /** What an author asks for: an existing release of theirs, or a new one from named pending changesets. */
    public record RequestInput(Long releaseId, String title, List<String> changesets, String criterion,
            String justification, String affectedServices, String risk, Long incidentId, String incidentTitle,
            String incidentSeverity, String incidentReport) {
    }

    /** A bypass a leader chooses: the requirement key ("gate:coverage", "slot:security") and why. */
    public record BypassInput(String requirement, String reason) {
    }

    /** A gate or review slot a leader may bypass, with where it stands now. */
    public record Candidate(String key, String label, String kind, String status, boolean satisfied,
            String detail) {
    }

    private final ReleaseService releases;
    private final Outbox outbox;
    private final GateService gates;
    private final ApprovalService approvals;
    private final AuditLog audit;
    private final EmergencyPolicy policy;
    private final IncidentService incidents;
    private final PostmortemService postmortems;
    private final Clock clock;

    @Inject
    EmergencyService(ReleaseService releases, GateService gates, ApprovalService approvals, AuditLog audit,
            Outbox outbox, EmergencyPolicy policy, IncidentService incidents, PostmortemService postmortems,
            Clock clock) {
        this.incidents = incidents;
        this.postmortems = postmortems;
        this.releases = releases;
        this.outbox = outbox;
        this.gates = gates;
        this.approvals = approvals;
        this.audit = audit;
        this.policy = policy;
        this.clock = clock;
    }

    @Transactional
    public EmergencyView request(Actor actor, RequestInput input) {
        EmergencyPermissions.request(actor).orThrow();
        List<FieldError> errors = new ArrayList<>();
        Criterion criterion = null;
        try {
            criterion = Criterion.parse(input.criterion());
        } catch (InvalidInputException e) {
            errors.addAll(e.errors());
        }
        required(errors, "justification", input.justification(), Limits.REASON_CHARS);
        required(errors, "affectedServices", input.affectedServices(), Limits.SHORT_TEXT_CHARS);
        required(errors, "risk", input.risk(), Limits.REASON_CHARS);
        IncidentSummary existing = null;
        Severity severity = null;
        if (input.incidentId() != null) {
            existing = incidents.visible(actor, input.incidentId()).orElse(null);
            if (existing == null) {
                errors.add(new FieldError("incidentId", "there is no incident " + input.incidentId()));
            }
        } else {
            required(errors, "incidentTitle", input.incidentTitle(), Limits.SHORT_TEXT_CHARS);
            try {
                severity = Severity.parse("incidentSeverity", input.incidentSeverity());
            } catch (InvalidInputException e) {
                errors.addAll(e.errors());
            }
        }
        if (input.incidentReport() != null && input.incidentReport().length() > Limits.REPORT_CHARS) {
            errors.add(new FieldError("incidentReport", "must be at most " + Limits.REPORT_CHARS + " characters"));
        }
        if (input.releaseId() == null) {
            required(errors, "title", input.title(), 200);
            if (input.changesets() == null || input.changesets().isEmpty()) {
                errors.add(new FieldError("changesets", "name the pending changesets to release, or a release"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (existing != null && hasText(input.incidentReport())) {
            refuse(incidents.whyNotEdit(actor, existing.id()),
                    " Name the incident without a report to link it to the release.");
        }

        long releaseId;
        if (input.releaseId() != null) {
            ReleaseFacts release = releases.lockFacts(input.releaseId());
            EmergencyPermissions.requestFor(actor, release.createdBy()).orThrow();
            if (release.state() != ReleaseState.DRAFT && release.state() != ReleaseState.IN_REVIEW) {
                throw new ConflictException("Only a draft or a release in review can take the emergency path; "
                        + "release " + release.id() + " is " + release.state().label().toLowerCase() + ".");
            }
            releaseId = release.id();
        } else {
            releaseId = releases.create(actor, input.title(), input.changesets(), null).id();
        }
        EmergencyRequest.liveForRelease(releaseId).ifPresent(e -> {
            throw new ConflictException("Release " + releaseId + " already has emergency request " + e.id + ".");
        });
        if (releases.get(releaseId).state() == ReleaseState.DRAFT) {
            releases.submit(actor, releaseId);
        }

        Instant now = clock.instant();
        IncidentSummary incident;
        if (existing == null) {
            incident = incidents.fileFor(actor, input.incidentTitle(), severity, criterion.security(),
                    input.incidentReport(), releaseId);
        } else {
            incidents.linkRelease(existing.id(), releaseId);
            incident = hasText(input.incidentReport())
                    ? incidents.writeReport(actor, existing.id(), input.incidentReport(), releaseId)
                    : existing;
        }
        EmergencyRequest emergency = new EmergencyRequest();
        emergency.releaseId = releaseId;
        emergency.incidentId = incident.id();
        emergency.criterion = criterion;
        emergency.justification = input.justification().strip();
        emergency.affectedServices = input.affectedServices().strip();
        emergency.risk = input.risk().strip();
        emergency.state = EmergencyState.REQUESTED;
        emergency.requestedBy = actor.username();
        emergency.requestedAt = now;
        emergency.updatedAt = now;
        emergency.persistAndFlush();
        audit.record(actor, new AuditLog.Change("emergency.requested", "emergency", emergency.id, releaseId, null,
                snapshot(emergency)));
        outbox.enqueue(new Notice.EmergencyRequested(emergency.id, releaseId, releaseTitle(emergency),
                emergency.criterion.name(), emergency.justification, actor.username()));
        return view(actor, emergency);
    }

    /** The security or product team validates the emergency, with the reason. */
    @Transactional
    public EmergencyView assess(Actor actor, long id, String reason) {
        return assessment(actor, id, reason, EmergencyAction.ASSESS);
    }

    /** The security or product team finds it is no emergency: the release stays on the normal path. */
    @Transactional
    public EmergencyView decline(Actor actor, long id, String reason) {
        return assessment(actor, id, reason, EmergencyAction.DECLINE);
    }

    /**
     * An engineering leader approves, choosing the gates and review slots to bypass, each with a reason. Once the
     * policy's number of leaders approved, the bypasses are in force and the release is approved if nothing else is
     * missing.
     */
    @Transactional
    public EmergencyView approve(Actor actor, long id, String reason, List<BypassInput> bypasses) {
        Locked locked = lockForDecision(actor, id);
        EmergencyRequest emergency = locked.emergency();
        int contentVersion = locked.release().contentVersion();
        emergency.state.next(EmergencyAction.APPROVE);
        if (EmergencyApproval.current(id, contentVersion)
                .stream()
                .anyMatch(a -> a.approver.equals(actor.username()))) {
            throw new ConflictException("You already approved emergency " + id + "; another engineering leader must"
                    + " approve too.");
        }
        List<EmergencyApproval.Bypass> chosen = validBypasses(emergency.releaseId, bypasses);
        if (reason != null && reason.length() > Limits.REASON_CHARS) {
            throw new InvalidInputException("reason", "must be at most " + Limits.REASON_CHARS + " characters");
        }
        Instant now = clock.instant();
        EmergencyApproval approval = new EmergencyApproval();
        approval.emergencyId = id;
        approval.approver = actor.username();
        approval.reason = blankToNull(reason);
        approval.bypasses = chosen;
        approval.approvedAt = now;
        approval.contentVersion = contentVersion;
        approval.persistAndFlush();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("reason", approval.reason);
        after.put("contentVersion", contentVersion);
        after.put("bypasses", chosen.stream()
                .map(b -> Map.of("requirement", b.requirement(), "reason", b.reason()))
                .toList());
        audit.record(actor, new AuditLog.Change("emergency.leader-approved", "emergency", id, emergency.releaseId,
                null, after));

        // approvals given for other changesets do not count
        List<EmergencyApproval> all = EmergencyApproval.current(id, contentVersion);
        if (all.size() >= policy.leaderApprovals()) {
            Map<String, Object> before = snapshot(emergency);
            emergency.state = emergency.state.next(EmergencyAction.APPROVE);
            emergency.decidedBy = actor.username();
            emergency.decidedAt = now;
            emergency.decisionReason = approval.reason;
            emergency.updatedAt = now;
            for (EmergencyApproval a : all) {
                for (EmergencyApproval.Bypass bypass : a.bypasses) {
                    if (GrantedWaiver.count("releaseId = ?1 and requirement = ?2 and contentVersion = ?3",
                            emergency.releaseId, bypass.requirement(), contentVersion) == 0) {
                        grant(actor, emergency.releaseId, contentVersion, GrantedWaiver.Source.EMERGENCY, id,
                                bypass.requirement(), bypass.reason(), a.approver, now);
                    }
                }
            }
            audit.record(actor, new AuditLog.Change("emergency.approved", "emergency", id, emergency.releaseId,
                    before, snapshot(emergency)));
            outbox.enqueue(new Notice.EmergencyDecided(id, emergency.releaseId, releaseTitle(emergency), true,
                    actor.username(), reason));
            releases.approveIfReady(emergency.releaseId);
        }
        return view(actor, emergency);
    }

    @Transactional
    public EmergencyView deny(Actor actor, long id, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "say why the emergency is denied");
        }
        EmergencyRequest emergency = lockForDecision(actor, id).emergency();
        Map<String, Object> before = snapshot(emergency);
        emergency.state = emergency.state.next(EmergencyAction.DENY);
        emergency.decidedBy = actor.username();
        emergency.decidedAt = clock.instant();
        emergency.decisionReason = reason.strip();
        emergency.updatedAt = emergency.decidedAt;
        audit.record(actor, new AuditLog.Change("emergency.denied", "emergency", id, emergency.releaseId, before,
                snapshot(emergency)));
        outbox.enqueue(new Notice.EmergencyDecided(id, emergency.releaseId, releaseTitle(emergency), false,
                actor.username(), emergency.decisionReason));
        return view(actor, emergency);
    }

    /** The incident report, required before an emergency release is approved and published. */
    @Transactional
    public EmergencyView writeIncidentReport(Actor actor, long id, String report) {
        EmergencyPermissions.reportWriter(actor).orThrow();
        // release first, the order content changes and publishing take: approving it below cannot deadlock with them
        EmergencyRequest emergency = lock(id).emergency();
        EmergencyPermissions.writeReport(actor, emergency.requestedBy).orThrow();
        refuse(incidents.whyNotEdit(actor, emergency.incidentId), "");
        if (report == null || report.isBlank()) {
            throw new InvalidInputException("report", "describe what happened, its impact and the fix");
        }
        if (report.length() > Limits.REPORT_CHARS) {
            throw new InvalidInputException("report", "must be at most " + Limits.REPORT_CHARS + " characters");
        }
        if (emergency.state.isTerminal() && emergency.state != EmergencyState.PUBLISHED) {
            throw new ConflictException("This emergency is " + emergency.state.label().toLowerCase() + ".");
        }
        incidents.writeReport(actor, emergency.incidentId, report, emergency.releaseId);
        if (emergency.state == EmergencyState.APPROVED) {
            releases.approveIfReady(emergency.releaseId);
        }
        return view(actor, emergency);
    }

    public EmergencyView get(Actor viewer, long id) {
        return view(viewer, EmergencyRequest.<EmergencyRequest>findByIdOptional(id)
                .orElseThrow(() -> new ResourceNotFoundException("Emergency request", id)));
    }

    /** Requests waiting for someone, oldest first: for a leader (assessed) and the assessors (requested). */
    public List<EmergencyView> waiting(Actor viewer, EmergencyState state) {
        return views(viewer, EmergencyRequest.inStates(List.of(state), Page.ofSize(100))).stream()
                .filter(e -> e.releaseState().isOpen())
                .toList();
    }

    /** Every emergency request a release had, declined and denied ones included, oldest first. */
    public List<EmergencyView> forRelease(Actor viewer, long releaseId) {
        return views(viewer, EmergencyRequest.list("releaseId = ?1 order by id", releaseId));
    }

    public List<EmergencyView> recent(Actor viewer, int page, int size) {
        return views(viewer, EmergencyRequest.newestFirst(Page.of(page, size)));
    }

    /** Post-mortems past due and not published, most overdue first, of the incidents the actor sees. */
    public List<PostmortemSummary> overduePostmortems(Actor actor) {
        return postmortems.overdue(actor, 0, 50);
    }

    /** Gates and review slots of the release, with where each stands: what a leader may choose to bypass. */
    public List<Candidate> candidates(long releaseId) {
        ReleaseFacts facts = releases.facts(releaseId);
        List<Candidate> candidates = new ArrayList<>();
        for (GateStatus gate : gates.status(facts)) {
            candidates.add(new Candidate(gateKey(gate.gate()), gate.gate().label() + " gate", "gate",
                    gate.state().name().toLowerCase(), gate.isSatisfied(), gate.detail()));
        }
        for (SlotStatus slot : approvals.slots(facts)) {
            candidates.add(new Candidate("slot:" + slot.requirement().slot(), slot.requirement().label(), "slot",
                    slot.bypass() != null ? "bypassed" : slot.isFilled() ? "approved" : "open", slot.isFilled(),
                    slot.bypass() != null
                            ? "bypassed: " + slot.bypass().reason()
                            : slot.missing() + " more approval" + (slot.missing() == 1 ? "" : "s") + " needed"));
        }
        return candidates;
    }

    /**
     * The id of the release's emergency that engineering leadership approved for the changesets it holds now, if any:
     * the one way through a change freeze.
     */
    public Optional<Long> approvedFor(long releaseId) {
        return EmergencyRequest.liveForRelease(releaseId)
                .filter(e -> e.state == EmergencyState.APPROVED)
                .map(e -> e.id);
    }

    /** What still holds the release back, from every requirement. */
    public List<String> unmet(long releaseId) {
        return releases.unmet(releaseId);
    }

    /** What the viewer may do on the emergency's page: assess it, decide it, write its incident report. */
    public record Choices(Decision assess, Decision decide, boolean writeReport) {
    }

    /** The viewer's choices on the emergency's page, from one look at the release. */
    public Choices choices(Actor actor, EmergencyView emergency) {
        ReleaseFacts release = releases.facts(emergency.releaseId());
        boolean writeReport = !emergency.state().isTerminal() && !emergency.incident().hidden()
                && EmergencyPermissions.writeReport(actor, emergency.requestedBy()).allowed()
                && incidents.whyNotEdit(actor, emergency.incident().id()) == null;
        return new Choices(
                EmergencyPermissions.assessNow(actor, emergency.requestedBy(), emergency.state(), release),
                EmergencyPermissions.decideNow(actor, emergency, release), writeReport);
    }

    /**
     * The release's changesets changed: its leaders approved, and bypassed, other content. An approved emergency waits
     * for a leader again (its assessment still holds); the earlier approvals and waivers stay on the record, stale.
     */
    void contentChanged(@Observes ReleaseContentChanged event) {
        EmergencyRequest.liveForRelease(event.releaseId())
                .filter(e -> e.state == EmergencyState.APPROVED || e.state == EmergencyState.ASSESSED)
                .filter(e -> EmergencyApproval.count("emergencyId = ?1 and contentVersion < ?2", e.id,
                        event.contentVersion()) > 0)
                .ifPresent(emergency -> {
                    Map<String, Object> before = snapshot(emergency);
                    boolean approved = emergency.state == EmergencyState.APPROVED;
                    if (approved) {
                        emergency.state = emergency.state.next(EmergencyAction.REOPEN);
                        emergency.decidedBy = null;
                        emergency.decidedAt = null;
                        emergency.decisionReason = null;
                    }
                    emergency.updatedAt = clock.instant();
                    Map<String, Object> after = snapshot(emergency);
                    after.put("contentVersion", event.contentVersion());
                    audit.record(Actor.SYSTEM, new AuditLog.Change(approved
                            ? "emergency.reopened"
                            : "emergency.approvals-stale", "emergency", emergency.id, emergency.releaseId, before,
                            after));
                });
    }

    /** The release's post-mortem: created when the emergency release was published. */
    void published(@Observes ReleaseStateChanged event) {
        if (event.to() != ReleaseState.PUBLISHED) {
            return;
        }
        EmergencyRequest.liveForRelease(event.releaseId())
                .filter(e -> e.state == EmergencyState.APPROVED)
                .ifPresent(emergency -> {
                    Map<String, Object> before = snapshot(emergency);
                    emergency.state = emergency.state.next(EmergencyAction.PUBLISH);
                    emergency.updatedAt = event.at();
                    audit.record(Actor.SYSTEM, new AuditLog.Change("emergency.published", "emergency", emergency.id,
                            emergency.releaseId, before, snapshot(emergency)));
                    postmortems.createForEmergency(emergency.releaseId, emergency.incidentId, emergency.id,
                            emergency.requestedBy, event.at(), event.at().plus(policy.postMortemDue()));
                });
    }

    /** Writes one waiver, for the release's content version {@code contentVersion}, and its audit event. */
    void grant(Actor actor, long releaseId, int contentVersion, GrantedWaiver.Source source, long sourceId,
            String requirement, String reason, String waivedBy, Instant at) {
        GrantedWaiver waiver = new GrantedWaiver();
        waiver.releaseId = releaseId;
        waiver.contentVersion = contentVersion;
        waiver.source = source;
        waiver.sourceId = sourceId;
        waiver.requirement = requirement;
        waiver.reason = reason;
        waiver.waivedBy = waivedBy;
        waiver.waivedAt = at;
        waiver.persistAndFlush();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("requirement", requirement);
        after.put("reason", reason);
        after.put("waivedBy", waivedBy);
        after.put("source", source.name().toLowerCase());
        after.put("sourceId", sourceId);
        after.put("contentVersion", contentVersion);
        audit.record(actor, new AuditLog.Change("waiver.granted", "waiver", waiver.id, releaseId, null, after));
    }

    EmergencyView view(Actor viewer, EmergencyRequest e) {
        return views(viewer, List.of(e)).get(0);
    }

    /**
     * Views of several requests in a fixed number of queries, whatever their number (lists, dashboards), with their
     * incidents and post-mortems as the viewer may see them.
     */
    List<EmergencyView> views(Actor viewer, List<EmergencyRequest> requests) {
        if (requests.isEmpty()) {
            return List.of();
        }
        List<Long> ids = requests.stream().map(e -> e.id).toList();
        Set<Long> releaseIds = requests.stream().map(e -> e.releaseId).collect(Collectors.toSet());
        Map<Long, ReleaseHeadline> headlines = releases.headlines(releaseIds);
        Map<Long, IncidentSummary> incidentsById = incidents.summaries(viewer,
                requests.stream().map(e -> e.incidentId).collect(Collectors.toSet()));
        Map<Long, PostmortemSummary> postmortemsByRelease = postmortems.forReleases(viewer, releaseIds);
        Map<Long, Integer> contentVersions = requests.stream()
                .collect(Collectors.toMap(e -> e.id, e -> headlines.get(e.releaseId).contentVersion()));
        Map<Long, List<EmergencyView.LeaderApproval>> approvals = EmergencyApproval.of(ids)
                .stream()
                .collect(Collectors.groupingBy(a -> a.emergencyId, Collectors.mapping(
                        a -> new EmergencyView.LeaderApproval(a.approver, a.reason, a.bypasses, a.approvedAt,
                                a.contentVersion, a.contentVersion != contentVersions.get(a.emergencyId)),
                        Collectors.toList())));
        Map<Long, List<EmergencyView.WaiverView>> bypasses = GrantedWaiver
                .<GrantedWaiver>list("source = ?1 and sourceId in ?2 order by id", GrantedWaiver.Source.EMERGENCY, ids)
                .stream()
                .collect(Collectors.groupingBy(w -> w.sourceId,
                        Collectors.mapping(w -> view(w, contentVersions.get(w.sourceId)), Collectors.toList())));
        return requests.stream().map(e -> {
            ReleaseHeadline release = headlines.get(e.releaseId);
            return new EmergencyView(e.id, e.releaseId, release.title(), release.state(), e.criterion,
                    e.justification, e.affectedServices, e.risk, e.state, e.requestedBy, e.requestedAt, e.assessedBy,
                    e.assessedAt, e.assessmentReason, e.decidedBy, e.decidedAt, e.decisionReason,
                    incidentsById.get(e.incidentId), approvals.getOrDefault(e.id, List.of()),
                    bypasses.getOrDefault(e.id, List.of()), postmortemsByRelease.get(e.releaseId));
        }).toList();
    }

    /** A waiver as shown, stale when the release holds another content version than {@code releaseVersion}. */
    static EmergencyView.WaiverView view(GrantedWaiver w, int releaseVersion) {
        return new EmergencyView.WaiverView(w.requirement, label(w.requirement), w.reason, w.waivedBy, w.waivedAt,
                w.contentVersion, w.contentVersion != releaseVersion);
    }

    /** "Coverage gate" for "gate:coverage", "Security review" for "slot:security". */
    static String label(String requirement) {
        if (requirement.startsWith("gate:")) {
            String id = requirement.substring(5);
            return Gate.fromId(id).map(g -> g.label() + " gate").orElse(id + " gate");
        }
        if (requirement.startsWith("slot:")) {
            String slot = requirement.substring(5);
            return slot.isEmpty() ? requirement : Character.toUpperCase(slot.charAt(0)) + slot.substring(1) + " review";
        }
        return requirement;
    }

    static String gateKey(Gate gate) {
        return "gate:" + gate.id();
    }

    private EmergencyView assessment(Actor actor, long id, String reason, EmergencyAction action) {
        EmergencyPermissions.assessor(actor).orThrow();
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", action == EmergencyAction.ASSESS
                    ? "say why this is an emergency"
                    : "say why this is no emergency");
        }
        if (reason.length() > Limits.REASON_CHARS) {
            throw new InvalidInputException("reason", "must be at most " + Limits.REASON_CHARS + " characters");
        }
        Locked locked = lock(id);
        EmergencyRequest emergency = locked.emergency();
        EmergencyPermissions.assess(actor, emergency.requestedBy, locked.release()).orThrow();
        refuseUnlessOpen(locked.release());
        Map<String, Object> before = snapshot(emergency);
        emergency.state = emergency.state.next(action);
        emergency.assessedBy = actor.username();
        emergency.assessedAt = clock.instant();
        emergency.assessmentReason = reason.strip();
        emergency.updatedAt = emergency.assessedAt;
        audit.record(actor, new AuditLog.Change(action == EmergencyAction.ASSESS
                ? "emergency.assessed"
                : "emergency.declined", "emergency", id, emergency.releaseId, before,
                snapshot(emergency)));
        outbox.enqueue(new Notice.EmergencyAssessed(id, emergency.releaseId, releaseTitle(emergency),
                actor.username(), (action == EmergencyAction.ASSESS ? "Validated: " : "Declined: ")
                        + emergency.assessmentReason));
        return view(actor, emergency);
    }

    private String releaseTitle(EmergencyRequest emergency) {
        return releases.get(emergency.releaseId).title();
    }

    private Locked lockForDecision(Actor actor, long id) {
        EmergencyPermissions.leader(actor).orThrow();
        Locked locked = lock(id);
        EmergencyRequest emergency = locked.emergency();
        EmergencyPermissions.decide(actor, emergency.requestedBy, emergency.assessedBy, locked.release()).orThrow();
        refuseUnlessOpen(locked.release());
        return locked;
    }

    /** An emergency with the facts of its release, both locked until the transaction ends. */
    private record Locked(EmergencyRequest emergency, ReleaseFacts release) {
    }

    /** The release first, then the emergency: the order in which publishing and content changes take them. */
    private Locked lock(long id) {
        long releaseId = EmergencyRequest.releaseOf(id)
                .orElseThrow(() -> new ResourceNotFoundException("Emergency request", id));
        ReleaseFacts release = releases.lockFacts(releaseId);
        EmergencyRequest emergency = EmergencyRequest.findForUpdate(id).orElseThrow();
        return new Locked(emergency, release);
    }

    /** A cancelled or rejected release has no emergency left to decide. */
    private static void refuseUnlessOpen(ReleaseFacts release) {
        if (!release.state().isOpen()) {
            throw new ConflictException("Release " + release.id() + " is " + release.state().label().toLowerCase()
                    + "; its emergency request can no longer be decided.");
        }
    }

    private List<EmergencyApproval.Bypass> validBypasses(long releaseId, List<BypassInput> bypasses) {
        if (bypasses == null || bypasses.isEmpty()) {
            return List.of();
        }
        Set<String> known = new java.util.HashSet<>();
        candidates(releaseId).forEach(c -> known.add(c.key()));
        List<FieldError> errors = new ArrayList<>();
        Map<String, EmergencyApproval.Bypass> chosen = new LinkedHashMap<>();
        for (int i = 0; i < bypasses.size(); i++) {
            BypassInput b = bypasses.get(i);
            String key = b == null || b.requirement() == null ? "" : b.requirement().strip();
            if (!known.contains(key)) {
                errors.add(new FieldError("bypasses[" + i + "].requirement", "this release has no gate or review "
                        + "slot " + (key.isEmpty() ? "(none named)" : key) + "; choose from " + String.join(", ",
                                known)));
                continue;
            }
            if (b.reason() == null || b.reason().isBlank()) {
                errors.add(new FieldError("bypasses[" + i + "].reason", "say why " + label(key) + " is bypassed"));
                continue;
            }
            if (b.reason().length() > Limits.SHORT_TEXT_CHARS) {
                errors.add(new FieldError("bypasses[" + i + "].reason", "must be at most " + Limits.SHORT_TEXT_CHARS
                        + " characters"));
                continue;
            }
            chosen.putIfAbsent(key, new EmergencyApproval.Bypass(key, b.reason().strip()));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return List.copyOf(chosen.values());
    }

    private static Map<String, Object> snapshot(EmergencyRequest e) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("state", e.state.name());
        state.put("criterion", e.criterion.name());
        state.put("justification", e.justification);
        state.put("affectedServices", e.affectedServices);
        state.put("risk", e.risk);
        state.put("incident", e.incidentId);
        state.put("requestedBy", e.requestedBy);
        state.put("assessedBy", e.assessedBy);
        state.put("assessmentReason", e.assessmentReason);
        state.put("decidedBy", e.decidedBy);
        state.put("decisionReason", e.decisionReason);
        return state;
    }

    private static void required(List<FieldError> errors, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "must not be blank"));
        } else if (value.length() > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters"));
        }
    }

    private static void refuse(String refusal, String hint) {
        if (refusal != null) {
            throw new ForbiddenActionException(refusal + hint);
        }
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

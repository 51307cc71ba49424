package dev.greenlight.rollback;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.greenlight.audit.AuditLog;
import dev.greenlight.common.ConflictException;
import dev.greenlight.common.FieldError;
import dev.greenlight.common.InvalidInputException;
import dev.greenlight.common.Limits;
import dev.greenlight.common.ResourceNotFoundException;
import dev.greenlight.incident.IncidentService;
import dev.greenlight.incident.IncidentSummary;
import dev.greenlight.notify.Notice;
import dev.greenlight.notify.Outbox;
import dev.greenlight.policy.RollbackPolicy;
import dev.greenlight.release.ReleaseFacts;
import dev.greenlight.release.ReleaseService;
import dev.greenlight.release.ReleaseView;
import dev.greenlight.security.Actor;

/**
 * Rollbacks of published releases ("Rollback Procedures"): Greenlight names the earlier version tags to go back to,
 * withdraws the release at once (it is rolled back from the start), and the policy's manual steps are ticked in order,
 * each with who and when. Ticking the last step completes the rollback.
 */
@ApplicationScoped
public class RollbackService {

    /** What a tick does to a step. */
    public enum Outcome {
        DONE,
        NOT_APPLICABLE;

        /** A missing outcome is refused, never read as done: a tick says what was done. */
        static Outcome parse(String value) {
            if (value == null || value.isBlank()) {
                throw new InvalidInputException("outcome", "is missing: must be done or not-applicable");
            }
            if (value.strip().equalsIgnoreCase("done")) {
                return DONE;
            }
            if (value.strip().equalsIgnoreCase("not-applicable") || value.strip().equalsIgnoreCase("not_applicable")) {
                return NOT_APPLICABLE;
            }
            throw new InvalidInputException("outcome", "must be done or not-applicable, not " + value);
        }
    }

    private final ReleaseService releases;
    private final IncidentService incidents;
    private final RollbackPolicy policy;
    private final AuditLog audit;
    private final Outbox outbox;
    private final Clock clock;

    @Inject
    RollbackService(ReleaseService releases, IncidentService incidents, RollbackPolicy policy, AuditLog audit,
            Outbox outbox, Clock clock) {
        this.releases = releases;
        this.incidents = incidents;
        this.policy = policy;
        this.audit = audit;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The release's rollbacks, newest first, in a fixed number of queries, each incident as the viewer sees it. */
    public List<RollbackView> ofRelease(Actor viewer, long releaseId) {
        return views(viewer, Rollback.ofRelease(releaseId));
    }

    public RollbackView get(Actor viewer, long releaseId, long rollbackId) {
        return Rollback.<Rollback>find("id = ?1 and releaseId = ?2", rollbackId, releaseId)
                .firstResultOptional()
                .map(r -> views(viewer, List.of(r)).get(0))
                .orElseThrow(() -> new ResourceNotFoundException("Rollback", rollbackId));
    }

    /** What a rollback of the release would go back to, by package; empty for packages Greenlight never shipped before. */
    public Map<String, String> targets(long releaseId) {
        return releases.previousTags(releaseId);
    }

    /**
     * Starts a rollback of a published or validated release: the release becomes rolled back now; the checklist says
     * what people still have to do. Refused (409) when Greenlight knows no earlier tag to go back to.
     */
    @Transactional
    public RollbackView start(Actor actor, long releaseId, String reason, Long incidentId) {
        RollbackPermissions.start(actor).orThrow();
        List<FieldError> errors = new ArrayList<>();
        if (reason == null || reason.isBlank()) {
            errors.add(new FieldError("reason", "say why the release is rolled back"));
        } else if (reason.length() > Limits.REASON_CHARS) {
            errors.add(new FieldError("reason", "must be at most " + Limits.REASON_CHARS + " characters"));
        }
        IncidentSummary incident = null;
        if (incidentId != null) {
            incident = incidents.visible(actor, incidentId).orElse(null);
            if (incident == null) {
                errors.add(new FieldError("incidentId", "there is no incident " + incidentId));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        ReleaseFacts release = releases.lockFacts(releaseId);
        RollbackPermissions.rollBack(releaseId, release.state()).orThrow(ConflictException::new);
        if (Rollback.count("releaseId = ?1 and state = ?2", releaseId, RollbackState.IN_PROGRESS) > 0) {
            throw new ConflictException("Release " + releaseId + " already has a rollback in progress.");
        }
        ReleaseView view = releases.get(releaseId);
        Map<String, String> targets = targets(releaseId);
        List<String> unknown = release.packages()
                .stream()
                .map(ReleaseView.PackageChange::name)
                .filter(name -> !targets.containsKey(name))
                .toList();
        if (!unknown.isEmpty()) {
            throw new ConflictException("Greenlight knows no earlier published version of " + String.join(", ", unknown)
                    + " to roll back to: release " + releaseId + " is the first it published for "
                    + (unknown.size() == 1 ? "that package" : "those packages")
                    + ". Roll back by hand and record it as an incident.");
        }
        Instant now = clock.instant();
        Rollback rollback = new Rollback();
        rollback.releaseId = releaseId;
        rollback.fromTags = view.publication() == null ? List.of() : List.copyOf(view.publication().tags());
        rollback.toTags = List.copyOf(targets.values());
        rollback.reason = reason.strip();
        rollback.incidentId = incidentId;
        rollback.state = RollbackState.IN_PROGRESS;
        rollback.startedBy = actor.username();
        rollback.startedAt = now;
        rollback.persistAndFlush();
        if (incidentId != null) {
            incidents.linkRelease(incidentId, releaseId);
        }
        int position = 0;
        for (String id : policy.steps()) {
            RollbackStep step = new RollbackStep();
            step.rollbackId = rollback.id;
            step.position = ++position;
            step.step = id;
            step.label = policy.labelOf(id);
            step.skippable = policy.skippable().contains(id);
            step.state = StepState.OPEN;
            step.persist();
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("from", rollback.fromTags);
        after.put("to", rollback.toTags);
        after.put("reason", rollback.reason);
        after.put("incidentId", incidentId);
        after.put("steps", policy.steps());
        audit.record(actor, new AuditLog.Change("rollback.started", "rollback", rollback.id, releaseId, null, after));
        releases.rollBack(actor, releaseId, rollback.reason + " (back to " + String.join(", ", rollback.toTags)
                + (incident == null ? "" : incident.security() ? "; a security incident" : "; incident #" + incidentId)
                + ")");
        return views(actor, List.of(rollback)).get(0);
    }

    /**
     * Ticks a step (done, or not applicable with a reason when the policy allows), in order, once: the rollback is
     * locked, so two people ticking at once are serialised and the second is told who was first.
     */
    @Transactional
    public RollbackView tick(Actor actor, long releaseId, long rollbackId, String stepId, String outcomeValue,
            String note) {
        RollbackPermissions.tick(actor).orThrow();
        Outcome outcome = Outcome.parse(outcomeValue);
        if (note != null && note.length() > Limits.NOTE_CHARS) {
            throw new InvalidInputException("note", "must be at most " + Limits.NOTE_CHARS + " characters");
        }
        if (outcome == Outcome.NOT_APPLICABLE && (note == null || note.isBlank())) {
            throw new InvalidInputException("note", "say why the step does not apply");
        }
        Rollback rollback = Rollback.findForUpdate(releaseId, rollbackId)
                .orElseThrow(() -> new ResourceNotFoundException("Rollback", rollbackId));
        List<RollbackStep> steps = RollbackStep.ofRollback(rollback.id);
        int index = -1;
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).step.equals(stepId)) {
                index = i;
            }
        }
        if (index < 0) {
            throw new ResourceNotFoundException("Rollback step", stepId);
        }
        if (rollback.state == RollbackState.COMPLETED) {
            throw new ConflictException("Rollback " + rollbackId + " is completed; its steps cannot change.");
        }
        Checklist checklist = checklist(steps);
        String refusal = outcome == Outcome.DONE ? checklist.whyNotDo(index) : checklist.whyNotSkip(index);
        if (refusal != null) {
            throw new ConflictException(refusal);
        }
        Instant now = clock.instant();
        RollbackStep step = steps.get(index);
        step.state = outcome == Outcome.DONE ? StepState.DONE : StepState.NOT_APPLICABLE;
        step.note = note == null || note.isBlank() ? null : note.strip();
        step.doneBy = actor.username();
        step.doneAt = now;
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("step", step.step);
        after.put("state", step.state.name());
        after.put("note", step.note);
        audit.record(actor, new AuditLog.Change("rollback.step-ticked", "rollback", rollback.id, releaseId,
                Map.of("step", step.step, "state", StepState.OPEN.name()), after));
        if (checklist(steps).isComplete()) {
            rollback.state = RollbackState.COMPLETED;
            rollback.completedAt = now;
            audit.record(actor, new AuditLog.Change("rollback.completed", "rollback", rollback.id, releaseId,
                    Map.of("state", RollbackState.IN_PROGRESS.name()),
                    Map.of("state", RollbackState.COMPLETED.name(), "to", rollback.toTags)));
            outbox.enqueue(new Notice.RollbackCompleted(rollback.id, releaseId, releases.facts(releaseId).title(),
                    rollback.toTags, actor.username()));
        }
        return views(actor, List.of(rollback)).get(0);
    }

    private static Checklist checklist(List<RollbackStep> steps) {
        return new Checklist(steps.stream()
                .map(s -> new Checklist.Item(s.step, s.label, s.skippable, s.state, s.doneBy))
                .toList());
    }

    /**
     * Rollbacks of one release, with their steps read in one query; a security incident the viewer may not see is
     * described as such, without its number.
     */
    private List<RollbackView> views(Actor viewer, List<Rollback> rollbacks) {
        if (rollbacks.isEmpty()) {
            return List.of();
        }
        Map<Long, IncidentSummary> incidentsById = incidents.summaries(viewer, rollbacks.stream()
                .map(r -> r.incidentId)
                .filter(Objects::nonNull)
                .collect(Collectors.toSet()));
        Map<Long, List<RollbackStep>> steps = RollbackStep.ofRelease(rollbacks.get(0).releaseId)
                .stream()
                .collect(Collectors.groupingBy(s -> s.rollbackId, LinkedHashMap::new, Collectors.toList()));
        return rollbacks.stream()
                .map(r -> new RollbackView(r.id, r.releaseId, r.state, r.fromTags, r.toTags, r.reason,
                        shownIncidentId(r.incidentId, incidentsById), Optional.ofNullable(r.incidentId)
                                .map(incidentsById::get)
                                .map(IncidentSummary::description)
                                .orElse(null),
                        r.startedBy,
                        r.startedAt, r.completedAt,
                        steps.getOrDefault(r.id, List.of())
                                .stream()
                                .map(s -> new RollbackView.StepView(s.position, s.step, s.label, s.skippable, s.state,
                                        s.note, s.doneBy, s.doneAt))
                                .toList()))
                .toList();
    }

    private static Long shownIncidentId(Long incidentId, Map<Long, IncidentSummary> incidentsById) {
        return incidentId == null || incidentsById.get(incidentId).hidden() ? null : incidentId;
    }
}

package dev.greenlight.incident;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Page;

import dev.greenlight.audit.AuditLog;
import dev.greenlight.common.ConflictException;
import dev.greenlight.common.Decision;
import dev.greenlight.common.FieldError;
import dev.greenlight.common.InvalidInputException;
import dev.greenlight.common.Limits;
import dev.greenlight.common.ResourceNotFoundException;
import dev.greenlight.security.Actor;

/**
 * Post-mortems: created from an incident or by an emergency publish, written by their owner (or the teams who run
 * production), sent for review, signed off by someone who neither owns nor submitted it, then published. Every step is
 * audited in its transaction; edits carry the version the writer saw.
 */
@ApplicationScoped
public class PostmortemService {
    /** The sections, as typed; {@code version} is the one the writer loaded. */
    public record SectionsInput(String summary, String impact, String rootCause, String contributingFactors,
            String wentWell, String lessons, Long version) {
    }

    private final IncidentService incidents;
    private final AuditLog audit;
    private final PostmortemPolicy policy;
    private final Clock clock;

    @Inject
    PostmortemService(IncidentService incidents, AuditLog audit, PostmortemPolicy policy, Clock clock) {
        this.incidents = incidents;
        this.audit = audit;
        this.policy = policy;
        this.clock = clock;
    }

    // --- For the emergency path ---------------------------------------------------------------------------------

    /** The post-mortem an emergency release owes, owned by its requester, due at {@code dueAt}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public PostmortemSummary createForEmergency(long releaseId, long incidentId, long emergencyId, String owner,
            Instant at, Instant dueAt) {
        Postmortem p = newPostmortem(incidentId, owner, Actor.SYSTEM, at, dueAt);
        p.releaseId = releaseId;
        p.emergencyId = emergencyId;
        p.persistAndFlush();
        incidents.linkRelease(incidentId, releaseId);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("owner", p.owner);
        after.put("dueAt", p.dueAt.toString());
        after.put("incident", p.incidentId);
        audit.record(Actor.SYSTEM, new AuditLog.Change("postmortem.created", "postmortem", p.id, releaseId, null,
                after));
        return summary(p, at);
    }

    /**
     * The post-mortems a release's story holds: its own (an emergency's) and those of the incidents that touched it
     * ({@code incidents}, as {@link IncidentService#forRelease} gave them to the actor), each once.
     */
    public List<PostmortemSummary> ofReleaseStory(Actor actor, long releaseId, List<IncidentView> incidents) {
        Map<Long, PostmortemSummary> story = new LinkedHashMap<>();
        Map<Long, String> titles = new HashMap<>();
        incidents.forEach(i -> titles.put(i.id(), i.title()));
        Postmortem.forRelease(releaseId)
                .filter(p -> titles.containsKey(p.incidentId) || maySee(actor, p))
                .ifPresent(p -> story.put(p.id, summaries(List.of(p), clock.instant(), titles).get(0)));
        incidents.forEach(i -> i.postmortems().forEach(p -> story.putIfAbsent(p.id(), p)));
        return List.copyOf(story.values());
    }

    /**
     * The post-mortems several releases owe, by release, of the incidents the viewer sees, in at most three queries
     * whatever their number.
     */
    public Map<Long, PostmortemSummary> forReleases(Actor viewer, Collection<Long> releaseIds) {
        if (releaseIds.isEmpty()) {
            return Map.of();
        }
        List<Postmortem> owed = Postmortem.list("releaseId in ?1", releaseIds);
        if (owed.isEmpty()) {
            return Map.of();
        }
        List<Incident> incidents = Incident.list("id in ?1", owed.stream().map(p -> p.incidentId).distinct().toList());
        Set<Long> hidden = IncidentVisibility.hidden(viewer, incidents);
        Map<Long, String> titles = new HashMap<>();
        incidents.forEach(i -> titles.put(i.id, i.title));
        Map<Long, PostmortemSummary> byRelease = new HashMap<>();
        summaries(owed.stream().filter(p -> !hidden.contains(p.incidentId)).toList(), clock.instant(), titles)
                .forEach(p -> byRelease.put(p.releaseId(), p));
        return byRelease;
    }

    // --- Everyone else ------------------------------------------------------------------------------------------

    /** A post-mortem for an incident, owned by {@code owner} (the creator when blank), due by the policy. */
    @Transactional
    public PostmortemView createFromIncident(Actor actor, long incidentId, String owner) {
        IncidentView incident = incidents.get(actor, incidentId);
        PostmortemPermissions.start(actor, incident.createdBy()).orThrow();
        if (owner != null && owner.length() > Limits.OWNER_CHARS) {
            throw new InvalidInputException("owner", "must be at most " + Limits.OWNER_CHARS + " characters");
        }
        Optional<Postmortem> existing = Postmortem.ofIncident(incidentId).stream().findFirst();
        if (existing.isPresent()) {
            throw new ConflictException("Incident " + incidentId + " already has post-mortem " + existing.get().id
                    + ".");
        }
        Instant now = clock.instant();
        String ownedBy = owner == null || owner.isBlank() ? actor.username() : owner.strip();
        Postmortem p = newPostmortem(incidentId, ownedBy, actor, now, now.plus(policy.due()));
        p.persistAndFlush();
        audit.record(actor, new AuditLog.Change("postmortem.created", "postmortem", p.id, releaseOf(incident), null,
                snapshot(p)));
        return view(p);
    }

    /** The post-mortem, if the actor sees its incident ({@link IncidentVisibility}); else a 404. */
    public PostmortemView get(Actor actor, long id) {
        Postmortem p = find(id);
        if (!maySee(actor, p)) {
            throw new ResourceNotFoundException("Post-mortem", id);
        }
        return view(p);
    }

    @Transactional
    public PostmortemView edit(Actor actor, long id, SectionsInput input) {
        Postmortem p = lock(actor, id);
        refuseUnlessWriter(actor, p);
        IncidentService.refuseIfStale("Post-mortem " + id, input.version(), p.version, p.updatedAt);
        p.state.next(PostmortemAction.EDIT);
        List<FieldError> errors = new ArrayList<>();
        String summary = IncidentService.text(errors, "summary", input.summary(), Limits.REPORT_CHARS, false);
        String impact = IncidentService.text(errors, "impact", input.impact(), Limits.REPORT_CHARS, false);
        String rootCause = IncidentService.text(errors, "rootCause", input.rootCause(), Limits.REPORT_CHARS, false);
        String factors = IncidentService.text(errors, "contributingFactors", input.contributingFactors(),
                Limits.REPORT_CHARS,
                false);
        String wentWell = IncidentService.text(errors, "wentWell", input.wentWell(), Limits.REPORT_CHARS, false);
        String lessons = IncidentService.text(errors, "lessons", input.lessons(), Limits.REPORT_CHARS, false);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Map<String, Object> before = snapshot(p);
        p.summary = summary;
        p.impact = impact;
        p.rootCause = rootCause;
        p.contributingFactors = factors;
        p.wentWell = wentWell;
        p.lessons = lessons;
        return changed(actor, p, "postmortem.edited", before);
    }

    @Transactional
    public PostmortemView addTimelineEntry(Actor actor, long id, String occurredAt, String text) {
        Postmortem p = lockForEdit(actor, id);
        List<FieldError> errors = new ArrayList<>();
        Instant at = Times.instant(errors, "occurredAt", occurredAt);
        if (at == null && (occurredAt == null || occurredAt.isBlank())) {
            errors.add(new FieldError("occurredAt", "must not be blank"));
        }
        String line = IncidentService.text(errors, "text", text, Limits.LINE_CHARS, true);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Instant now = clock.instant();
        TimelineEntry entry = new TimelineEntry();
        entry.postmortemId = id;
        entry.occurredAt = at;
        entry.text = line;
        entry.createdBy = actor.username();
        entry.createdAt = now;
        entry.persist();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("occurredAt", at.toString());
        after.put("text", line);
        return changed(actor, p, "postmortem.timeline-added", null, after);
    }

    @Transactional
    public PostmortemView addActionItem(Actor actor, long id, String description, String owner, String dueOn,
            String status) {
        Postmortem p = lockForEdit(actor, id);
        List<FieldError> errors = new ArrayList<>();
        String what = IncidentService.text(errors, "description", description, Limits.LINE_CHARS, true);
        String who = IncidentService.text(errors, "owner", owner, Limits.OWNER_CHARS, true);
        LocalDate due = Times.date(errors, "dueOn", dueOn);
        ActionItemStatus itemStatus = null;
        try {
            itemStatus = ActionItemStatus.parse("status", status);
        } catch (InvalidInputException e) {
            errors.addAll(e.errors());
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Instant now = clock.instant();
        ActionItem item = new ActionItem();
        item.postmortemId = id;
        item.description = what;
        item.owner = who;
        item.dueOn = due;
        item.status = itemStatus;
        item.createdBy = actor.username();
        item.createdAt = now;
        item.updatedAt = now;
        item.persist();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("description", what);
        after.put("owner", who);
        after.put("dueOn", due.toString());
        after.put("status", itemStatus.name());
        return changed(actor, p, "postmortem.action-added", null, after);
    }

    /** A line added by mistake leaves the draft; the audit event keeps what it said. */
    @Transactional
    public PostmortemView removeTimelineEntry(Actor actor, long id, long entryId) {
        Postmortem p = lockForEdit(actor, id);
        TimelineEntry entry = TimelineEntry.<TimelineEntry>findByIdOptional(entryId)
                .filter(e -> e.postmortemId == id)
                .orElseThrow(() -> new ResourceNotFoundException("Timeline entry", entryId));
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("entry", entryId);
        before.put("occurredAt", entry.occurredAt.toString());
        before.put("text", entry.text);
        entry.delete();
        return changed(actor, p, "postmortem.timeline-removed", before, null);
    }

    /** Only from a draft: once submitted, action items are followed up, not withdrawn. */
    @Transactional
    public PostmortemView removeActionItem(Actor actor, long id, long itemId) {
        Postmortem p = lockForEdit(actor, id);
        ActionItem item = actionItem(id, itemId);
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("item", itemId);
        before.put("description", item.description);
        before.put("owner", item.owner);
        before.put("dueOn", item.dueOn.toString());
        before.put("status", item.status.name());
        item.delete();
        return changed(actor, p, "postmortem.action-removed", before, null);
    }

    /** Action items are followed up after publishing too: their owner or any writer updates the status. */
    @Transactional
    public PostmortemView setActionItemStatus(Actor actor, long id, long itemId, String status) {
        Postmortem p = lock(actor, id);
        ActionItem item = actionItem(id, itemId);
        PostmortemPermissions.updateActionItem(actor, item.owner, p.owner).orThrow();
        ActionItemStatus next = ActionItemStatus.parse("status", status);
        Map<String, Object> before = Map.of("item", itemId, "status", item.status.name());
        item.status = next;
        item.updatedAt = clock.instant();
        return changed(actor, p, "postmortem.action-updated", before, Map.of("item", itemId, "status", next.name()));
    }

    @Transactional
    public PostmortemView submit(Actor actor, long id) {
        Postmortem p = lock(actor, id);
        refuseUnlessWriter(actor, p);
        PostmortemState next = p.state.next(PostmortemAction.SUBMIT);
        List<FieldError> missing = new ArrayList<>();
        if (p.summary == null) {
            missing.add(new FieldError("summary", "write the summary before sending it for review"));
        }
        if (p.rootCause == null) {
            missing.add(new FieldError("rootCause", "write the root cause before sending it for review"));
        }
        if (!missing.isEmpty()) {
            throw new InvalidInputException(missing);
        }
        Map<String, Object> before = snapshot(p);
        p.state = next;
        p.submittedBy = actor.username();
        p.submittedAt = clock.instant();
        p.changesRequestedReason = null;
        p.reviewer = null;
        p.reviewedAt = null;
        return changed(actor, p, "postmortem.submitted", before);
    }

    @Transactional
    public PostmortemView requestChanges(Actor actor, long id, String reason) {
        Postmortem p = lock(actor, id);
        refuseUnlessReviewer(actor, p);
        List<FieldError> errors = new ArrayList<>();
        String why = IncidentService.text(errors, "reason", reason, Limits.LINE_CHARS, true);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        PostmortemState next = p.state.next(PostmortemAction.REQUEST_CHANGES);
        Map<String, Object> before = snapshot(p);
        p.state = next;
        p.changesRequestedReason = why;
        p.reviewer = null;
        p.reviewedAt = null;
        return changed(actor, p, "postmortem.changes-requested", before);
    }

    @Transactional
    public PostmortemView signOff(Actor actor, long id) {
        Postmortem p = lock(actor, id);
        refuseUnlessReviewer(actor, p);
        PostmortemState next = p.state.next(PostmortemAction.SIGN_OFF);
        if (p.reviewer != null) {
            throw new ConflictException("Post-mortem " + id + " was signed off by " + p.reviewer + " already.");
        }
        Map<String, Object> before = snapshot(p);
        p.state = next;
        p.reviewer = actor.username();
        p.reviewedAt = clock.instant();
        return changed(actor, p, "postmortem.signed-off", before);
    }

    @Transactional
    public PostmortemView publish(Actor actor, long id) {
        Postmortem p = lock(actor, id);
        PostmortemPermissions.publish(actor, p.owner, p.reviewer).orThrow();
        PostmortemState next = p.state.next(PostmortemAction.PUBLISH);
        if (p.reviewer == null) {
            throw new ConflictException("Post-mortem " + id + " needs a reviewer's sign-off before it is published.");
        }
        Map<String, Object> before = snapshot(p);
        p.state = next;
        p.publishedBy = actor.username();
        p.publishedAt = clock.instant();
        return changed(actor, p, "postmortem.published", before);
    }

    /** Not published and past due, most overdue first, of the incidents the actor sees. */
    public List<PostmortemSummary> overdue(Actor actor, int page, int size) {
        Instant now = clock.instant();
        return summaries(IncidentVisibility.seesAll(actor)
                ? Postmortem.overdue(now, Page.of(page, size))
                : Postmortem.overdue(now, actor.username(), Page.of(page, size)), now);
    }

    /**
     * Demo data only: dates the release's post-mortem as if the release had shipped earlier, so that the dashboard
     * shows one overdue. Not audited, like the rest of the demo's past.
     */
    @Transactional
    public void backdateForDemo(long releaseId, Instant createdAt, Instant dueAt) {
        Postmortem.update("createdAt = ?1, dueAt = ?2 where releaseId = ?3", createdAt, dueAt, releaseId);
    }

    public long countOverdue() {
        return Postmortem.countOverdue(clock.instant());
    }

    /** Newest first, of the incidents the actor sees. */
    public List<PostmortemSummary> recent(Actor actor, int page, int size) {
        return summaries(IncidentVisibility.seesAll(actor)
                ? Postmortem.newestFirst(Page.of(page, size))
                : Postmortem.newestFirst(actor.username(), Page.of(page, size)), clock.instant());
    }

    /** Null when the actor may take the step now, else why not; for pages. */
    public String whyNot(Actor actor, PostmortemView view, PostmortemAction action) {
        Postmortem p = find(view.id());
        if (!p.state.allows(action)) {
            return "It is " + p.state.label().toLowerCase() + ".";
        }
        Decision decision = switch (action) {
            case EDIT, SUBMIT -> PostmortemPermissions.write(actor, p.owner);
            case SIGN_OFF, REQUEST_CHANGES -> PostmortemPermissions.review(actor, p.owner, p.submittedBy)
                    .and(action == PostmortemAction.SIGN_OFF && p.reviewer != null
                            ? Decision.deny("It is signed off by " + p.reviewer + ".")
                            : Decision.allow());
            case PUBLISH -> PostmortemPermissions.publish(actor, p.owner, p.reviewer)
                    .and(p.reviewer == null
                            ? Decision.deny("It needs a reviewer's sign-off first.")
                            : Decision.allow());
        };
        return decision.allowed() ? null : decision.reason();
    }

    private Postmortem newPostmortem(long incidentId, String owner, Actor creator, Instant at, Instant dueAt) {
        Postmortem p = new Postmortem();
        p.incidentId = incidentId;
        p.owner = owner;
        p.dueAt = dueAt;
        p.state = PostmortemState.DRAFT;
        p.createdBy = creator.username();
        p.createdAt = at;
        p.updatedAt = at;
        return p;
    }

    private PostmortemView changed(Actor actor, Postmortem p, String action, Map<String, Object> before) {
        return changed(actor, p, action, before, snapshot(p));
    }

    private PostmortemView changed(Actor actor, Postmortem p, String action, Map<String, Object> before,
            Map<String, Object> after) {
        p.updatedAt = clock.instant();
        // a new version even when only a timeline entry or an action item changed, so that other editors notice
        Postmortem.getEntityManager().lock(p, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
        Postmortem.getEntityManager().flush();
        audit.record(actor, new AuditLog.Change(action, "postmortem", p.id, p.releaseId, before, after));
        return view(p);
    }

    private static void refuseUnlessWriter(Actor actor, Postmortem p) {
        PostmortemPermissions.write(actor, p.id, p.owner).orThrow();
    }

    private static void refuseUnlessReviewer(Actor actor, Postmortem p) {
        PostmortemPermissions.review(actor, p.owner, p.submittedBy).orThrow();
    }

    private static Postmortem find(long id) {
        return Postmortem.<Postmortem>findByIdOptional(id)
                .orElseThrow(() -> new ResourceNotFoundException("Post-mortem", id));
    }

    /** Locked, if the actor sees its incident; else a 404 as for an unused number. */
    private static Postmortem lock(Actor actor, long id) {
        return Postmortem.findForUpdate(id)
                .filter(p -> maySee(actor, p))
                .orElseThrow(() -> new ResourceNotFoundException("Post-mortem", id));
    }

    private static boolean maySee(Actor actor, Postmortem p) {
        return Incident.<Incident>findByIdOptional(p.incidentId)
                .map(i -> IncidentVisibility.maySee(actor, i))
                .orElse(true);
    }

    /** Locked, written by the actor and still a draft: what every change to its content needs. */
    private static Postmortem lockForEdit(Actor actor, long id) {
        Postmortem p = lock(actor, id);
        refuseUnlessWriter(actor, p);
        p.state.next(PostmortemAction.EDIT);
        return p;
    }

    private static ActionItem actionItem(long postmortemId, long itemId) {
        return ActionItem.<ActionItem>findByIdOptional(itemId)
                .filter(i -> i.postmortemId == postmortemId)
                .orElseThrow(() -> new ResourceNotFoundException("Action item", itemId));
    }

    private static Long releaseOf(IncidentView incident) {
        return incident.affectedReleases().isEmpty() ? null : incident.affectedReleases().get(0);
    }

    private PostmortemView view(Postmortem p) {
        Instant now = clock.instant();
        boolean overdue = p.isOverdue(now);
        String title = Incident.<Incident>findByIdOptional(p.incidentId).map(i -> i.title).orElse("");
        List<PostmortemView.Timeline> timeline = TimelineEntry.of(p.id)
                .stream()
                .map(e -> new PostmortemView.Timeline(e.id, e.occurredAt, e.text, e.createdBy))
                .toList();
        List<PostmortemView.Action> items = ActionItem.of(p.id)
                .stream()
                .map(a -> new PostmortemView.Action(a.id, a.description, a.owner, a.dueOn, a.status, a.version))
                .toList();
        return new PostmortemView(p.id, p.releaseId, p.incidentId, title, p.emergencyId, p.owner, p.dueAt, p.state,
                overdue, overdue ? PostmortemSummary.late(Duration.between(p.dueAt, now)) : null, p.summary,
                p.impact, p.rootCause, p.contributingFactors, p.wentWell, p.lessons, timeline, items, p.createdBy,
                p.createdAt, p.submittedBy, p.submittedAt, p.changesRequestedReason, p.reviewer, p.reviewedAt,
                p.publishedBy, p.publishedAt, p.version);
    }

    private static PostmortemSummary summary(Postmortem p, Instant now) {
        return summaries(List.of(p), now).get(0);
    }

    /** Summaries with their incidents' titles, read in one query. */
    static List<PostmortemSummary> summaries(List<Postmortem> postmortems, Instant now) {
        return summaries(postmortems, now, Map.of());
    }

    /** The same, reading only the titles the caller does not hold yet (none when it holds them all). */
    static List<PostmortemSummary> summaries(List<Postmortem> postmortems, Instant now, Map<Long, String> known) {
        if (postmortems.isEmpty()) {
            return List.of();
        }
        Map<Long, String> titles = new HashMap<>(known);
        List<Long> missing = postmortems.stream()
                .map(p -> p.incidentId)
                .filter(id -> !titles.containsKey(id))
                .distinct()
                .toList();
        if (!missing.isEmpty()) {
            Incident.<Incident>list("id in ?1", missing).forEach(i -> titles.put(i.id, i.title));
        }
        return postmortems.stream()
                .map(p -> PostmortemSummary.of(p, titles.getOrDefault(p.incidentId, ""), now))
                .toList();
    }

    private static Map<String, Object> snapshot(Postmortem p) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("state", p.state.name());
        state.put("owner", p.owner);
        state.put("dueAt", p.dueAt.toString());
        state.put("incident", p.incidentId);
        state.put("summary", p.summary);
        state.put("impact", p.impact);
        state.put("rootCause", p.rootCause);
        state.put("contributingFactors", p.contributingFactors);
        state.put("wentWell", p.wentWell);
        state.put("lessons", p.lessons);
        state.put("submittedBy", p.submittedBy);
        state.put("changesRequestedReason", p.changesRequestedReason);
        state.put("reviewer", p.reviewer);
        state.put("publishedBy", p.publishedBy);
        return state;
    }
}

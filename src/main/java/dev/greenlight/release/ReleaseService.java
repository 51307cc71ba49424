package dev.greenlight.release;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.greenlight.audit.AuditLog;
import dev.greenlight.changeset.BumpType;
import dev.greenlight.changeset.ChangesetService;
import dev.greenlight.changeset.ChangesetView;
import dev.greenlight.changeset.PlannedRelease;
import dev.greenlight.changeset.PlanningException;
import dev.greenlight.changeset.PreReleaseTag;
import dev.greenlight.changeset.ReleasePlan;
import dev.greenlight.changeset.ReleasePlanner;
import dev.greenlight.common.ConflictException;
import dev.greenlight.common.InvalidInputException;
import dev.greenlight.common.Limits;
import dev.greenlight.common.ResourceNotFoundException;
import dev.greenlight.security.Actor;
import dev.greenlight.workspace.WorkspaceService;

/** Creates releases from pending changesets and moves them through their life. */
@ApplicationScoped
public class ReleaseService {

    /**
     * A page of releases, newest first, with what the pager needs: {@code nextBefore} continues after it (keyset).
     * There is no total: counting every release on each page view grows with the history.
     */
    public record ReleasePage(List<ReleaseView> items, int page, int size, boolean hasNext, Long nextBefore) {
        public boolean hasPrevious() {
            return page > 0;
        }
    }

    private final ChangesetService changesets;
    private final WorkspaceService workspace;
    private final AuditLog audit;
    private final Event<ReleaseStateChanged> stateChanged;
    private final Event<ReleaseContentChanged> contentChanged;
    private final Instance<ReleaseRequirement> requirements;
    private final Waivers waivers;
    private final Instance<PublishGuard> publishGuards;
    private final Clock clock;
    private final ReleasePlanner planner = new ReleasePlanner();

    @Inject
    ReleaseService(ChangesetService changesets, WorkspaceService workspace, AuditLog audit,
            Event<ReleaseStateChanged> stateChanged, Event<ReleaseContentChanged> contentChanged,
            @Any Instance<ReleaseRequirement> requirements, Waivers waivers,
            @Any Instance<PublishGuard> publishGuards, Clock clock) {
        this.changesets = changesets;
        this.workspace = workspace;
        this.audit = audit;
        this.stateChanged = stateChanged;
        this.contentChanged = contentChanged;
        this.requirements = requirements;
        this.waivers = waivers;
        this.publishGuards = publishGuards;
        this.clock = clock;
    }

    public ReleaseView get(long id) {
        return ReleaseView.of(find(id));
    }

    public ReleasePage search(ReleaseState state, String packageName, int page, int size) {
        return search(state, packageName, null, page, size);
    }

    /**
     * Releases newest first: below the id {@code before} when given (keyset; {@code page} then only counts how far
     * the reader went), else the {@code page}-th page by offset.
     */
    public ReleasePage search(ReleaseState state, String packageName, Long before, int page, int size) {
        String pkg = packageName == null || packageName.isBlank() ? null : packageName.strip();
        // one row more than shown says whether another page follows
        List<Release> found = Release.search(state, pkg, before, before == null ? page * size : 0, size + 1);
        boolean hasNext = found.size() > size;
        List<ReleaseView> items = found.stream().limit(size).map(ReleaseView::of).toList();
        return new ReleasePage(items, page, size, hasNext, hasNext ? items.get(items.size() - 1).id() : null);
    }

    /** Releases published in {@code [from, to)}, earliest first, at most {@code limit}: the change calendar's. */
    public List<ReleaseView> publishedBetween(Instant from, Instant to, int limit) {
        return Release.<Release>find("publishedAt >= ?1 and publishedAt < ?2 order by publishedAt, id", from, to)
                .page(0, limit)
                .list()
                .stream()
                .map(ReleaseView::of)
                .toList();
    }

    public Map<ReleaseState, Long> countByState() {
        Map<ReleaseState, Long> counts = new LinkedHashMap<>();
        for (ReleaseState state : ReleaseState.values()) {
            counts.put(state, 0L);
        }
        // kept by database triggers (V8): one row per state, however long the history
        List<?> rows = Release.getEntityManager()
                .createNativeQuery("select state, releases from release_state_count")
                .getResultList();
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            counts.put(ReleaseState.valueOf((String) columns[0]), ((Number) columns[1]).longValue());
        }
        return counts;
    }

    /**
     * Freezes a plan from pending changesets (all of them when none are named) against the workspace's current
     * packages.
     */
    @Transactional
    public ReleaseView create(Actor actor, String title, List<String> changesetIds, PreReleaseTag preRelease) {
        ReleasePermissions.create(actor).orThrow();
        if (title == null || title.isBlank()) {
            throw new InvalidInputException("title", "must not be blank");
        }
        if (title.length() > Limits.TITLE_CHARS) {
            throw new InvalidInputException("title", "must be at most " + Limits.TITLE_CHARS + " characters");
        }
        Instant now = clock.instant();
        Release release = new Release();
        release.title = title.strip();
        release.state = ReleaseState.DRAFT;
        release.preRelease = preRelease == null ? null : preRelease.id();
        release.createdBy = actor.username();
        release.createdAt = now;
        release.updatedAt = now;
        release.persist();

        changesets.takeForRelease(actor, release.id, changesetIds);
        replan(release);
        audit.record(actor, new AuditLog.Change("release.created", "release", release.id, release.id, null,
                snapshot(release)));
        stateChanged.fire(new ReleaseStateChanged(release.id, release.title, null, release.state, null,
                actor.username(), null, release.createdBy, now));
        return ReleaseView.of(release);
    }

    @Transactional
    public ReleaseView submit(Actor actor, long id) {
        ReleaseView submitted = transition(actor, id, ReleaseAction.SUBMIT, null);
        return approveIfReady(id).orElse(submitted);
    }

    /** Adds pending changesets to an open release; approvals and gate results given so far no longer apply. */
    @Transactional
    public ReleaseView addChangesets(Actor actor, long id, List<String> changesetIds) {
        if (changesetIds == null || changesetIds.isEmpty()) {
            throw new InvalidInputException("changesets", "name at least one pending changeset");
        }
        Release release = lockForContentChange(actor, id);
        changesets.takeForRelease(actor, id, changesetIds);
        return contentChanged(actor, release);
    }

    @Transactional
    public ReleaseView removeChangeset(Actor actor, long id, String changesetId) {
        Release release = lockForContentChange(actor, id);
        changesets.removeFromRelease(actor, id, changesetId);
        if (changesets.planInputOf(id).isEmpty()) {
            throw new ConflictException("A release needs at least one changeset; cancel it instead.");
        }
        return contentChanged(actor, release);
    }

    /** Called by reviews and gates after they record something: approves the release once nothing is missing. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<ReleaseView> approveIfReady(long id) {
        Release release = Release.findForUpdate(id).orElseThrow(() -> new ResourceNotFoundException("Release", id));
        if (release.state != ReleaseState.IN_REVIEW || !unmet(facts(release)).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(apply(Actor.SYSTEM, release, ReleaseAction.APPROVE, null));
    }

    /**
     * The same, for a release this transaction locked with {@link #lockFacts}: recording an approval or a gate result
     * changes none of its facts and nobody else can while the lock is held, so they are not read again.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<ReleaseView> approveIfReady(ReleaseFacts locked) {
        return approveIfReady(locked, waivers.of(locked));
    }

    /** The same, with the release's waivers already read by the caller. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<ReleaseView> approveIfReady(ReleaseFacts locked, Map<String, RequirementWaivers.Waiver> waived) {
        if (locked.state() != ReleaseState.IN_REVIEW || !unmet(locked, waived).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(apply(Actor.SYSTEM, find(locked.id()), ReleaseAction.APPROVE, null));
    }

    /** Called when something a release relied on no longer holds (a gate failed after approval). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reopenReview(long id, String reason) {
        Release release = Release.findForUpdate(id).orElseThrow(() -> new ResourceNotFoundException("Release", id));
        if (release.state == ReleaseState.APPROVED) {
            apply(Actor.SYSTEM, release, ReleaseAction.INVALIDATE, reason);
        }
    }

    /** A reviewer's rejection: back to draft with the reason. */
    @Transactional(Transactional.TxType.MANDATORY)
    public ReleaseView sendBackToDraft(Actor actor, long id, String reason) {
        return transition(actor, id, ReleaseAction.REJECT, reason);
    }

    /**
     * Ships an approved release: only a maintainer, only while every requirement still holds. Records the version tags
     * and moves the workspace's packages to their new versions.
     */
    @Transactional
    public ReleaseView publish(Actor actor, long id) {
        Release release = Release.findForUpdate(id).orElseThrow(() -> new ResourceNotFoundException("Release", id));
        refuseUnlessAllowed(actor, release, ReleaseAction.PUBLISH);
        release.state.next(ReleaseAction.PUBLISH);
        ReleaseFacts facts = facts(release);
        List<String> missing = unmet(facts);
        if (!missing.isEmpty()) {
            throw new ConflictException("Release " + id + " may not be published: " + String.join(" ", missing));
        }
        Instant now = clock.instant();
        publishGuards.forEach(guard -> guard.check(actor, facts, now));
        release.publishedAt = now;
        release.publishedBy = actor.username();
        release.tags = release.packages.stream().map(p -> p.name() + "@" + p.newVersion()).toList();
        workspace.applyVersions(actor, release.manifests);
        return apply(actor, release, ReleaseAction.PUBLISH, null);
    }

    /** Called by post-release validation once every check passes: a published release becomes validated. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<ReleaseView> validateIfPublished(long id) {
        Release release = Release.findForUpdate(id).orElseThrow(() -> new ResourceNotFoundException("Release", id));
        if (release.state != ReleaseState.PUBLISHED) {
            return Optional.empty();
        }
        return Optional.of(apply(Actor.SYSTEM, release, ReleaseAction.VALIDATE, null));
    }

    /**
     * A rollback started: the release is withdrawn at once, not when the rollback's checklist is done, because from
     * this moment nobody should count on it. Refused unless the actor may roll back and the state allows it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public ReleaseView rollBack(Actor actor, long id, String reason) {
        return transition(actor, id, ReleaseAction.ROLL_BACK, reason);
    }

    /**
     * Per package of a published release, the version tag it replaced: the tag of the latest release published before
     * it that shipped the package and was not rolled back. Packages Greenlight never published before are absent.
     */
    public Map<String, String> previousTags(long id) {
        Release release = find(id);
        Map<String, String> tags = new LinkedHashMap<>();
        if (release.publishedAt == null) {
            return tags;
        }
        for (Release.PlannedPackage p : release.packages) {
            Release.previousVersion(p.name(), release.publishedAt, release.id)
                    .ifPresent(version -> tags.put(p.name(), p.name() + "@" + version));
        }
        return tags;
    }

    /** CI reports when the release merged and when it reached production: "time to deploy" is measured from these. */
    @Transactional
    public ReleaseView recordDeployment(Actor actor, long id, Instant mergedAt, Instant deployedAt) {
        ReleasePermissions.reportDeployment(actor).orThrow();
        if (mergedAt == null && deployedAt == null) {
            throw new InvalidInputException("deployedAt", "give mergedAt, deployedAt or both");
        }
        Release release = Release.findForUpdate(id).orElseThrow(() -> new ResourceNotFoundException("Release", id));
        ReleasePermissions.report(facts(release), actor, "CI or another maintainer must report its deployment")
                .orThrow();
        if (release.publishedAt == null) {
            throw new ConflictException(
                    "Release " + id + " is not published; deployments are reported after publishing.");
        }
        Instant merged = mergedAt != null ? mergedAt : release.mergedAt;
        Instant deployed = deployedAt != null ? deployedAt : release.deployedAt;
        if (merged != null && deployed != null && deployed.isBefore(merged)) {
            throw new InvalidInputException("deployedAt", "must not be before mergedAt");
        }
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("mergedAt", release.mergedAt == null ? null : release.mergedAt.toString());
        before.put("deployedAt", release.deployedAt == null ? null : release.deployedAt.toString());
        release.mergedAt = merged;
        release.deployedAt = deployed;
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("mergedAt", merged == null ? null : merged.toString());
        after.put("deployedAt", deployed == null ? null : deployed.toString());
        audit.record(actor, new AuditLog.Change("release.deployment-reported", "release", id, id, before, after));
        return ReleaseView.of(release);
    }

    /** What other features need to judge a release. */
    public ReleaseFacts facts(long id) {
        return facts(find(id));
    }

    /** A release for its page: with its facts and every changeset it has held, from one read of the changesets. */
    public record Story(ReleaseView release, ReleaseFacts facts, List<ChangesetView> changesets) {
    }

    public Story story(long id) {
        Release release = Release.findWithPackages(id).orElseThrow(() -> new ResourceNotFoundException("Release", id));
        // a release's changeset history includes the ones it holds now
        List<ChangesetView> ever = changesets.ofRelease(id);
        List<ChangesetView> held = ever.stream().filter(c -> Long.valueOf(id).equals(c.releaseId())).toList();
        return new Story(ReleaseView.of(release), facts(release, held), ever);
    }

    /**
     * The same, with the release locked until the transaction ends: decisions on one release (approvals, gate
     * results, cancel) happen one after the other, never interleaved.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public ReleaseFacts lockFacts(long id) {
        return facts(Release.findForUpdate(id).orElseThrow(() -> new ResourceNotFoundException("Release", id)));
    }

    /** A release with what other features need to judge it. */
    public record Judged(ReleaseView release, ReleaseFacts facts) {
    }

    /** Where a walk through the releases in review stopped: the last release seen, in queue order. */
    public record QueueCursor(Instant updatedAt, long id) {
        public static QueueCursor after(ReleaseView release) {
            return new QueueCursor(release.updatedAt(), release.id());
        }
    }

    /** These releases with their facts, in the order given, in a fixed number of queries: the reviewers' queue. */
    public List<Judged> judged(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Release> byId = new HashMap<>();
        Release.<Release>list("id in ?1", ids).forEach(r -> byId.put(r.id, r));
        Map<Long, List<ChangesetView>> held = changesets.heldBy(ids);
        return ids.stream()
                .map(byId::get)
                .filter(Objects::nonNull)
                .map(r -> new Judged(ReleaseView.of(r), facts(r, held.get(r.id))))
                .toList();
    }

    /** What the release still needs before it may be approved, from every requirement. */
    public List<String> unmet(long id) {
        return unmet(facts(id));
    }

    /** The same, for facts the caller already holds. */
    public List<String> unmet(ReleaseFacts facts) {
        return unmet(facts, waivers.of(facts));
    }

    /** The same, with the release's waivers already read by the caller (the release page reads them once). */
    public List<String> unmet(ReleaseFacts facts, Map<String, RequirementWaivers.Waiver> waived) {
        List<String> missing = new ArrayList<>();
        requirements.forEach(requirement -> missing.addAll(requirement.unmet(facts, waived)));
        return missing;
    }

    @Transactional
    public ReleaseView cancel(Actor actor, long id, String reason) {
        return transition(actor, id, ReleaseAction.CANCEL, reason);
    }

    /** The actions this actor may take on the release now, for the buttons a page shows. */
    public Set<ReleaseAction> actionsFor(Actor actor, ReleaseView release) {
        return ReleasePermissions.actionsFor(actor, release);
    }

    private ReleaseView transition(Actor actor, long id, ReleaseAction action, String reason) {
        Release release = Release.findForUpdate(id).orElseThrow(() -> new ResourceNotFoundException("Release", id));
        refuseUnlessAllowed(actor, release, action);
        return apply(actor, release, action, reason);
    }

    private static void refuseUnlessAllowed(Actor actor, Release release, ReleaseAction action) {
        ReleasePermissions.act(actor, release.createdBy, action).orThrow();
    }

    private ReleaseView apply(Actor actor, Release release, ReleaseAction action, String reason) {
        Map<String, Object> before = snapshot(release);
        ReleaseState from = release.state;
        release.state = release.state.next(action);
        release.stateReason = reason == null || reason.isBlank() ? null : reason.strip();
        release.updatedAt = clock.instant();
        if (release.state == ReleaseState.CANCELLED || release.state == ReleaseState.REJECTED) {
            changesets.returnToPending(actor, release.id);
        }
        audit.record(actor, new AuditLog.Change("release." + action.event(), "release", release.id, release.id, before,
                snapshot(release)));
        stateChanged.fire(new ReleaseStateChanged(release.id, release.title, from, release.state, action,
                actor.username(), release.stateReason, release.createdBy, release.updatedAt));
        return ReleaseView.of(release);
    }

    private Release lockForContentChange(Actor actor, long id) {
        Release release = Release.findForUpdate(id).orElseThrow(() -> new ResourceNotFoundException("Release", id));
        ReleasePermissions.editContent(actor, release.createdBy).orThrow();
        if (!release.state.isOpen()) {
            throw new ConflictException("A release that is " + release.state.label().toLowerCase()
                    + " cannot change its changesets.");
        }
        return release;
    }

    private ReleaseView contentChanged(Actor actor, Release release) {
        Map<String, Object> before = snapshot(release);
        replan(release);
        release.contentVersion++;
        release.updatedAt = clock.instant();
        audit.record(actor, new AuditLog.Change("release.content-changed", "release", release.id, release.id, before,
                snapshot(release)));
        contentChanged.fire(new ReleaseContentChanged(release.id, release.contentVersion, actor.username()));
        if (release.state == ReleaseState.APPROVED) {
            return apply(Actor.SYSTEM, release, ReleaseAction.INVALIDATE,
                    "Changesets changed after approval; reviews and gates must be given again.");
        }
        return ReleaseView.of(release);
    }

    /** Plans the release's current changesets against the workspace as it is now. */
    private void replan(Release release) {
        ReleasePlan plan;
        try {
            plan = planner.plan(workspace.manifests(), changesets.planInputOf(release.id),
                    release.preRelease == null ? null : PreReleaseTag.parse(release.preRelease));
        } catch (PlanningException e) {
            throw new ConflictException("The changesets cannot be planned against the current packages: "
                    + e.field() + ": " + e.problem());
        }
        release.manifests = plan.packages();
        release.packages.clear();
        // a "none" bump (a devDependency-only dependent) ships nothing
        for (PlannedRelease planned : plan.releases()) {
            if (planned.type() == BumpType.NONE) {
                continue;
            }
            release.packages.add(new Release.PlannedPackage(planned.name(), planned.oldVersion(), planned.newVersion(),
                    planned.type().id(), planned.changelog()));
        }
    }

    private ReleaseFacts facts(Release release) {
        return facts(release, changesets.heldBy(release.id));
    }

    private static ReleaseFacts facts(Release release, List<ChangesetView> held) {
        Set<String> authors = new LinkedHashSet<>();
        held.forEach(c -> authors.add(c.author()));
        return new ReleaseFacts(release.id, release.title, release.state, release.createdBy, release.contentVersion,
                authors, held.stream().map(ChangesetView::summary).toList(),
                release.packages.stream().anyMatch(p -> "major".equals(p.bump())), ReleaseView.of(release).packages());
    }

    private Release find(long id) {
        return Release.<Release>findByIdOptional(id).orElseThrow(() -> new ResourceNotFoundException("Release", id));
    }

    private static Map<String, Object> snapshot(Release release) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("title", release.title);
        state.put("state", release.state.name());
        state.put("preRelease", release.preRelease);
        state.put("reason", release.stateReason);
        state.put("packages", release.packages.stream()
                .map(p -> Map.of("name", p.name(), "from", p.oldVersion(), "to", p.newVersion(), "bump", p.bump()))
                .toList());
        return state;
    }

    /** Title and state of several releases in one query, for lists that name them (no N+1). */
    public Map<Long, ReleaseHeadline> headlines(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, ReleaseHeadline> headlines = new HashMap<>();
        Release.<Release>list("id in ?1", ids)
                .forEach(r -> headlines.put(r.id, new ReleaseHeadline(r.id, r.title, r.state, r.contentVersion)));
        return headlines;
    }
}

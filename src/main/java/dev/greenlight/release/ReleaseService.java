package dev.greenlight.release;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Page;

import dev.greenlight.audit.AuditLog;
import dev.greenlight.changeset.Changeset;
import dev.greenlight.changeset.ChangesetService;
import dev.greenlight.changeset.PlannedRelease;
import dev.greenlight.changeset.PlanningException;
import dev.greenlight.changeset.PreReleaseTag;
import dev.greenlight.changeset.ReleasePlan;
import dev.greenlight.changeset.ReleasePlanner;
import dev.greenlight.security.Actor;
import dev.greenlight.security.Role;
import dev.greenlight.web.ConflictException;
import dev.greenlight.web.ForbiddenActionException;
import dev.greenlight.web.InvalidInputException;
import dev.greenlight.web.ResourceNotFoundException;
import dev.greenlight.workspace.WorkspaceService;

/** Creates releases from pending changesets and moves them through their life. */
@ApplicationScoped
public class ReleaseService {
    static final int MAX_TITLE = 200;
    private static final Set<Role> CREATORS = Set.of(Role.AUTHOR, Role.MAINTAINER);
    /** Actions an author may take only on a release they created; maintainers may take them on any. */
    private static final Set<ReleaseAction> OWN_RELEASE_ONLY = EnumSet.of(ReleaseAction.SUBMIT, ReleaseAction.CANCEL);

    /** A page of results with what the pager needs. */
    public record ReleasePage(List<ReleaseView> items, int page, int size, long total) {
        public int pageCount() {
            return (int) Math.max(1, (total + size - 1) / size);
        }

        public boolean hasNext() {
            return page + 1 < pageCount();
        }

        public boolean hasPrevious() {
            return page > 0;
        }
    }

    private final ChangesetService changesets;
    private final WorkspaceService workspace;
    private final AuditLog audit;
    private final Event<ReleaseStateChanged> stateChanged;
    private final Clock clock;
    private final ReleasePlanner planner = new ReleasePlanner();

    @Inject
    ReleaseService(ChangesetService changesets, WorkspaceService workspace, AuditLog audit,
            Event<ReleaseStateChanged> stateChanged, Clock clock) {
        this.changesets = changesets;
        this.workspace = workspace;
        this.audit = audit;
        this.stateChanged = stateChanged;
        this.clock = clock;
    }

    public ReleaseView get(long id) {
        return ReleaseView.of(find(id));
    }

    public ReleasePage search(ReleaseState state, String packageName, int page, int size) {
        String pkg = packageName == null || packageName.isBlank() ? null : packageName.strip();
        List<ReleaseView> items = Release.search(state, pkg, Page.of(page, size))
                .stream()
                .map(ReleaseView::of)
                .toList();
        return new ReleasePage(items, page, size, Release.countMatching(state, pkg));
    }

    public Map<ReleaseState, Long> countByState() {
        Map<ReleaseState, Long> counts = new LinkedHashMap<>();
        for (ReleaseState state : ReleaseState.values()) {
            counts.put(state, 0L);
        }
        Release.getEntityManager()
                .createQuery("select r.state, count(r) from Release r group by r.state", Object[].class)
                .getResultList()
                .forEach(row -> counts.put((ReleaseState) row[0], (Long) row[1]));
        return counts;
    }

    /**
     * Freezes a plan from pending changesets (all of them when none are named) against the workspace's current
     * packages.
     */
    @Transactional
    public ReleaseView create(Actor actor, String title, List<String> changesetIds, PreReleaseTag preRelease) {
        if (!actor.hasAny(CREATORS)) {
            throw new ForbiddenActionException("Only authors and maintainers may create releases.");
        }
        if (title == null || title.isBlank()) {
            throw new InvalidInputException("title", "must not be blank");
        }
        if (title.length() > MAX_TITLE) {
            throw new InvalidInputException("title", "must be at most " + MAX_TITLE + " characters");
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

        List<Changeset> taken = changesets.takeForRelease(actor, release.id, changesetIds);
        ReleasePlan plan;
        try {
            plan = planner.plan(workspace.manifests(), taken, preRelease);
        } catch (PlanningException e) {
            throw new ConflictException("The changesets cannot be planned against the current packages: "
                    + e.field() + ": " + e.problem());
        }
        release.manifests = plan.packages();
        for (PlannedRelease planned : plan.releases()) {
            release.packages.add(new Release.PlannedPackage(planned.name(), planned.oldVersion(), planned.newVersion(),
                    planned.type().id(), planned.changelog()));
        }
        audit.record(actor, new AuditLog.Change("release.created", "release", release.id, release.id, null,
                snapshot(release)));
        stateChanged.fire(new ReleaseStateChanged(release.id, release.title, null, release.state, null,
                actor.username(), null, release.createdBy, now));
        return ReleaseView.of(release);
    }

    @Transactional
    public ReleaseView submit(Actor actor, long id) {
        return transition(actor, id, ReleaseAction.SUBMIT, null);
    }

    @Transactional
    public ReleaseView cancel(Actor actor, long id, String reason) {
        return transition(actor, id, ReleaseAction.CANCEL, reason);
    }

    /** The actions this actor may take on the release now, for the buttons a page shows. */
    public Set<ReleaseAction> actionsFor(Actor actor, ReleaseView release) {
        Set<ReleaseAction> actions = EnumSet.noneOf(ReleaseAction.class);
        for (ReleaseAction action : release.state().allowedActions()) {
            if (!action.isSystem() && whyNot(actor, release.createdBy(), action) == null) {
                actions.add(action);
            }
        }
        return actions;
    }

    private ReleaseView transition(Actor actor, long id, ReleaseAction action, String reason) {
        Release release = Release.findForUpdate(id).orElseThrow(() -> new ResourceNotFoundException("Release", id));
        String refusal = whyNot(actor, release.createdBy, action);
        if (refusal != null) {
            throw new ForbiddenActionException(refusal);
        }
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

    /** Null when the actor may take the action by hand, else a sentence saying who may. */
    static String whyNot(Actor actor, String createdBy, ReleaseAction action) {
        if (action.isSystem()) {
            return "Greenlight takes this step itself when its conditions are met.";
        }
        if (!actor.hasAny(action.performers())) {
            return "Only " + roleList(action.performers()) + " may do this.";
        }
        if (OWN_RELEASE_ONLY.contains(action) && !actor.has(Role.MAINTAINER) && !actor.has(Role.ADMIN)
                && !actor.username().equals(createdBy)) {
            return "Only the release's author (" + createdBy + ") or a maintainer may do this.";
        }
        return null;
    }

    private static String roleList(Set<Role> roles) {
        return roles.stream().sorted().map(r -> r.label().toLowerCase() + "s").collect(Collectors.joining(", "));
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
}

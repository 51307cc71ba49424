package dev.greenlight.approval;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

import dev.greenlight.approval.ReviewCandidates.Candidate;
import dev.greenlight.audit.AuditLog;
import dev.greenlight.common.ConflictException;
import dev.greenlight.common.ForbiddenActionException;
import dev.greenlight.common.InvalidInputException;
import dev.greenlight.policy.ReviewRequirements;
import dev.greenlight.policy.SlotRequirement;
import dev.greenlight.release.ReleaseContentChanged;
import dev.greenlight.release.ReleaseFacts;
import dev.greenlight.release.ReleaseRequirement;
import dev.greenlight.release.ReleaseService;
import dev.greenlight.release.ReleaseState;
import dev.greenlight.release.ReleaseStateChanged;
import dev.greenlight.release.ReleaseView;
import dev.greenlight.release.RequirementWaivers;
import dev.greenlight.release.SegregationOfDuties;
import dev.greenlight.release.Waivers;
import dev.greenlight.security.Actor;

/**
 * Review slots and the people who fill them, with segregation of duties enforced here, on the server: nobody reviews a
 * release they created or that holds their changeset, one person fills one slot, only the slot's role may fill it.
 */
@ApplicationScoped
public class ApprovalService implements ReleaseRequirement {
    private static final Logger LOG = Logger.getLogger(ApprovalService.class);
    static final int MAX_COMMENT = 4000;
    /** Fewest releases read per query while filling a page of the review queue. */
    static final int MIN_QUEUE_BATCH = 20;
    /** Releases in review the database looks at per query for a reviewer's possible tasks. */
    static final int CANDIDATE_BATCH = 200;

    private final ReleaseService releases;
    private final Waivers waivers;
    private final ReviewRequirements requirements;
    private final ReviewCandidates candidates;
    private final AuditLog audit;
    private final Clock clock;
    @Inject
    ApprovalExpiry expiry;
    @Inject
    DelegationService delegations;

    @Inject
    ApprovalService(ReleaseService releases, Waivers waivers, ReviewRequirements requirements,
            ReviewCandidates candidates, AuditLog audit, Clock clock) {
        this.releases = releases;
        this.waivers = waivers;
        this.requirements = requirements;
        this.candidates = candidates;
        this.audit = audit;
        this.clock = clock;
    }

    /** The release's slots with the current (not stale) approvals in each. */
    public List<SlotStatus> slots(ReleaseFacts release) {
        return slots(release, Approval.current(release.id()), waivers.of(release));
    }

    private List<SlotStatus> slots(ReleaseFacts release, List<Approval> current,
            Map<String, RequirementWaivers.Waiver> waived) {
        List<Approval> live = expiry.live(release, current);
        List<SlotStatus> slots = new ArrayList<>();
        for (SlotRequirement requirement : requirementsOf(release)) {
            slots.add(new SlotStatus(requirement, live.stream()
                    .filter(a -> a.decision == Approval.Decision.APPROVED && a.slot.equals(requirement.slot()))
                    .map(ApprovalService::decision)
                    .toList(), waived.get(RequirementWaivers.slotKey(requirement.slot()))));
        }
        return slots;
    }

    /** A slot as a page offers it to the viewer: where it stands, and why they may not fill it (null when they may). */
    public record SlotOffer(SlotStatus status, String refusal) {
        public boolean isOpenToMe() { return refusal == null; }
    }

    /** The release's slots with the viewer's refusal for each, from one read of the current approvals. */
    public List<SlotOffer> offers(Actor actor, ReleaseFacts release) {
        return offers(actor, release, waivers.of(release));
    }

    /** The same, with the release's waivers already read by the caller (the release page reads them once). */
    public List<SlotOffer> offers(Actor actor, ReleaseFacts release, Map<String, RequirementWaivers.Waiver> waived) {
        List<Approval> current = Approval.current(release.id());
        return slots(release, current, waived)
                .stream()
                .map(slot -> new SlotOffer(slot, whyNot(actor, release, slot.requirement().slot(), current)))
                .toList();
    }

    /** Every decision ever taken on the release, stale ones included, for its story. */
    public List<SlotStatus.Decision> history(long releaseId) {
        return Approval.all(releaseId).stream().map(ApprovalService::decision).toList();
    }

    @Override
    public List<String> unmet(ReleaseFacts release, Map<String, RequirementWaivers.Waiver> waived) {
        return slots(release, Approval.current(release.id()), waived).stream()
                .filter(slot -> !slot.isFilled())
                .map(slot -> slot.requirement().label() + " needs " + slot.missing() + " more approval"
                        + (slot.missing() == 1 ? "" : "s") + ".")
                .toList();
    }

    /**
     * Null when the actor may fill the slot now, else why not and who may. Used for the buttons a page shows and,
     * again under the release's lock, before recording.
     */
    public String whyNot(Actor actor, ReleaseFacts release, String slot) {
        return whyNot(actor, release, slot, Approval.current(release.id()));
    }

    private String whyNot(Actor actor, ReleaseFacts release, String slot, List<Approval> current) {
        if (release.state() != ReleaseState.IN_REVIEW) {
            return "Reviews are open while a release is in review; this one is "
                    + release.state().label().toLowerCase() + ".";
        }
        Optional<SlotRequirement> requirement = requirementsOf(release).stream()
                .filter(r -> r.slot().equals(slot))
                .findFirst();
        if (requirement.isEmpty()) {
            return "This release has no " + slot + " review slot.";
        }
        if (!actor.has(requirement.get().role())) {
            return "Only " + requirement.get().role().label().toLowerCase() + "s may fill the "
                    + requirement.get().label().toLowerCase() + " slot.";
        }
        String conflict = SegregationOfDuties.refusal(release, actor.username(),
                "another " + requirement.get().role().label().toLowerCase() + " must review it");
        if (conflict != null) {
            return conflict;
        }
        Optional<Approval> other = expiry.live(release, current)
                .stream()
                .filter(a -> a.decision == Approval.Decision.APPROVED && a.approver.equals(actor.username())
                        && !a.slot.equals(slot))
                .findFirst();
        if (other.isPresent()) {
            return "You already approved the " + other.get().slot + " slot; one person fills at most one slot.";
        }
        return null;
    }

    @Transactional
    public SlotStatus.Decision approve(Actor actor, long releaseId, String slot, String comment) {
        ReleaseFacts release = releases.lockFacts(releaseId);
        List<Approval> current = Approval.current(releaseId);
        check(actor, release, slot, comment, current);
        Optional<Approval> already = expiry.live(release, current)
                .stream()
                .filter(a -> a.decision == Approval.Decision.APPROVED && a.approver.equals(actor.username())
                        && a.slot.equals(slot))
                .findFirst();
        if (already.isPresent()) {
            return decision(already.get());
        }
        expiry.retire(release, current, actor.username());
        Approval approval = record(actor, release, slot, Approval.Decision.APPROVED, comment);
        List<Approval> now = new ArrayList<>(current);
        now.add(approval);
        Map<String, RequirementWaivers.Waiver> waived = waivers.of(release);
        List<SlotStatus> slots = slots(release, now, waived);
        candidates.remember(Map.of(releaseId, lackingApprovals(slots)));
        // while a slot is open the release cannot be approved: the other requirements need not be read
        if (slots.stream().allMatch(SlotStatus::isFilled)) {
            releases.approveIfReady(release, waived);
        }
        return decision(approval);
    }

    /** A rejection ends the review round: the release goes back to draft with the reason, approvals start over. */
    @Transactional
    public SlotStatus.Decision reject(Actor actor, long releaseId, String slot, String comment) {
        if (comment == null || comment.isBlank()) {
            throw new InvalidInputException("comment", "say why the release is rejected");
        }
        ReleaseFacts release = releases.lockFacts(releaseId);
        check(actor, release, slot, comment, Approval.current(releaseId));
        Approval rejection = record(actor, release, slot, Approval.Decision.REJECTED, comment);
        Approval.markStale(releaseId, clock.instant());
        releases.sendBackToDraft(actor, releaseId, comment.strip());
        return decision(rejection);
    }

    /**
     * A page of what waits for this reviewer, oldest first: releases in review with a slot they may fill still open.
     * The database names the releases that may hold a task for them ({@link ReviewCandidates}), in keyset batches; only
     * those are read and judged, so a page costs the same however many releases wait for others. The page ends with a
     * whole release once it holds {@code size} tasks.
     */
    public ReviewQueue queue(Actor actor, ReleaseService.QueueCursor after, int size) {
        List<String> fillable = requirements.fillableBy(actor::has);
        List<ReviewTask> tasks = new ArrayList<>();
        if (fillable.isEmpty()) {
            return new ReviewQueue(tasks, null);
        }
        int batchSize = Math.max(size, MIN_QUEUE_BATCH);
        ReleaseService.QueueCursor cursor = after;
        while (true) {
            List<Candidate> found = candidates.after(actor, fillable, cursor, CANDIDATE_BATCH);
            List<Long> ids = found.stream().map(Candidate::id).toList();
            for (int from = 0; from < ids.size(); from += batchSize) {
                ReleaseService.QueueCursor pageEnd = addTasks(actor,
                        ids.subList(from, Math.min(ids.size(), from + batchSize)), tasks, size);
                if (pageEnd != null) {
                    return new ReviewQueue(tasks, pageEnd);
                }
            }
            if (found.size() < CANDIDATE_BATCH) {
                return new ReviewQueue(tasks, null);
            }
            cursor = found.get(found.size() - 1).cursor();
        }
    }

    /** Adds the reviewer's tasks in these releases; the release where the page filled up, or null while it has room. */
    private ReleaseService.QueueCursor addTasks(Actor actor, List<Long> ids, List<ReviewTask> tasks, int size) {
        Map<Long, List<Approval>> approvalsByRelease = currentByRelease(ids);
        List<ReleaseService.Judged> batch = releases.judged(ids);
        Map<Long, Map<String, RequirementWaivers.Waiver>> waived = waivers
                .of(batch.stream().map(ReleaseService.Judged::facts).toList());
        for (ReleaseService.Judged judged : batch) {
            ReleaseFacts facts = judged.facts();
            List<Approval> current = approvalsByRelease.getOrDefault(facts.id(), List.of());
            for (SlotStatus slot : slots(facts, current, waived.get(facts.id()))) {
                if (!slot.isFilled() && whyNot(actor, facts, slot.requirement().slot(), current) == null
                        && slot.approvals().stream().noneMatch(a -> a.approver().equals(actor.username()))) {
                    tasks.add(new ReviewTask(judged.release(), slot));
                }
            }
            if (tasks.size() >= size) {
                return ReleaseService.QueueCursor.after(judged.release());
            }
        }
        return null;
    }

    /** A page of the review queue; {@code next} continues after it (null on the last page). */
    public record ReviewQueue(List<ReviewTask> tasks, ReleaseService.QueueCursor next) {
    }

    /** A release waiting in one of the reviewer's slots. */
    public record ReviewTask(ReleaseView release, SlotStatus slot) {
    }

    void contentChanged(@Observes ReleaseContentChanged event) {
        long stale = Approval.markStale(event.releaseId(), clock.instant());
        if (stale > 0) {
            audit.record(Actor.SYSTEM, new AuditLog.Change("approvals.stale", "release", event.releaseId(),
                    event.releaseId(), null,
                    Map.of("staleApprovals", stale, "contentVersion", event.contentVersion())));
        }
        rememberOpenSlots(releases.facts(event.releaseId()), Approval.current(event.releaseId()));
    }

    void stateChanged(@Observes ReleaseStateChanged event) {
        if (event.to() == ReleaseState.IN_REVIEW) {
            rememberOpenSlots(releases.facts(event.releaseId()), Approval.current(event.releaseId()));
        }
    }

    /**
     * At start, judges in the background the releases in review that were never judged under this policy (after an
     * upgrade or a policy change): the start does not wait for them, and until then the queue judges them in full.
     */
    void judgeInBackground(@Observes StartupEvent start, ManagedExecutor executor) {
        executor.runAsync(this::judgeReleasesInReview).exceptionally(failure -> {
            LOG.warn("Judging the releases in review under this policy failed; the review queue judges them in full",
                    failure);
            return null;
        });
    }

    /** The releases in review never judged under this policy, in batches; so the queue's walk skips them again. */
    void judgeReleasesInReview() {
        int judged;
        do {
            judged = QuarkusTransaction.requiringNew().call(this::rememberUnjudged);
        } while (judged == CANDIDATE_BATCH);
    }

    private int rememberUnjudged() {
        List<Long> ids = candidates.unjudged(CANDIDATE_BATCH);
        Map<Long, List<Approval>> approvals = currentByRelease(ids);
        Map<Long, List<String>> open = new HashMap<>();
        for (ReleaseService.Judged judged : releases.judged(ids)) {
            open.put(judged.facts().id(),
                    openSlots(judged.facts(), approvals.getOrDefault(judged.facts().id(), List.of())));
        }
        candidates.remember(open);
        return ids.size();
    }

    /** Keeps the release's slots that lack approvals for the queue's walk. */
    private void rememberOpenSlots(ReleaseFacts release, List<Approval> current) {
        candidates.remember(Map.of(release.id(), openSlots(release, current)));
    }

    private List<String> openSlots(ReleaseFacts release, List<Approval> current) {
        return lackingApprovals(slots(release, current, Map.of()));
    }

    /** The slots with fewer approvals than needed, waived or not: waivers are left to the exact judgement of a task. */
    private static List<String> lackingApprovals(List<SlotStatus> slots) {
        return slots.stream().filter(slot -> slot.missing() > 0).map(slot -> slot.requirement().slot()).toList();
    }

    private static Map<Long, List<Approval>> currentByRelease(List<Long> ids) {
        Map<Long, List<Approval>> byRelease = new HashMap<>();
        Approval.current(ids).forEach(a -> byRelease.computeIfAbsent(a.releaseId, k -> new ArrayList<>()).add(a));
        return byRelease;
    }

    private void check(Actor actor, ReleaseFacts release, String slot, String comment, List<Approval> current) {
        if (slot == null || slot.isBlank()) {
            throw new InvalidInputException("slot", "name the review slot, e.g. code");
        }
        if (comment != null && comment.length() > MAX_COMMENT) {
            throw new InvalidInputException("comment", "must be at most " + MAX_COMMENT + " characters");
        }
        if (requirementsOf(release).stream().noneMatch(r -> r.slot().equals(slot))) {
            throw new InvalidInputException("slot", "this release has no " + slot + " review slot");
        }
        if (release.state() != ReleaseState.IN_REVIEW) {
            throw new ConflictException(whyNot(actor, release, slot, current));
        }
        String refusal = whyNot(actor, release, slot, current);
        if (refusal != null) {
            throw new ForbiddenActionException(refusal);
        }
    }

    private Approval record(Actor actor, ReleaseFacts release, String slot, Approval.Decision decision,
            String comment) {
        Approval approval = new Approval();
        approval.releaseId = release.id();
        approval.slot = slot;
        approval.approver = actor.username();
        approval.decision = decision;
        approval.comment = comment == null || comment.isBlank() ? null : comment.strip();
        approval.contentVersion = release.contentVersion();
        approval.decidedAt = clock.instant();
        requirementsOf(release).stream()
                .filter(r -> r.slot().equals(slot))
                .findFirst()
                .ifPresent(
                        r -> approval.onBehalfOf = delegations.standingInFor(actor.username(), r.role(), release)
                                .orElse(null));
        approval.persistAndFlush();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("slot", slot);
        after.put("decision", decision.name());
        after.put("comment", approval.comment);
        after.put("contentVersion", approval.contentVersion);
        if (approval.onBehalfOf != null) {
            after.put("onBehalfOf", approval.onBehalfOf);
        }
        audit.record(actor, new AuditLog.Change(decision == Approval.Decision.APPROVED
                ? "approval.approved"
                : "approval.rejected", "approval", approval.id, release.id(), null, after));
        return approval;
    }

    private List<SlotRequirement> requirementsOf(ReleaseFacts release) {
        return requirements.forRelease(release.hasMajorBump(), release.changesetSummaries());
    }

    private static SlotStatus.Decision decision(Approval approval) {
        return new SlotStatus.Decision(approval.approver, approval.decision.name().toLowerCase(), approval.comment,
                approval.decidedAt);
    }
}

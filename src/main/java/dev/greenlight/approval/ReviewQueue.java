package dev.greenlight.approval;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.hibernate.Session;
import org.hibernate.query.NativeQuery;
import org.hibernate.type.StandardBasicTypes;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

import dev.greenlight.policy.ReviewRequirements;
import dev.greenlight.release.ReleaseFacts;
import dev.greenlight.release.ReleaseService;
import dev.greenlight.release.ReleaseService.QueueCursor;
import dev.greenlight.release.ReleaseState;
import dev.greenlight.release.ReleaseStateChanged;
import dev.greenlight.release.ReleaseView;
import dev.greenlight.release.RequirementWaivers;
import dev.greenlight.release.Waivers;
import dev.greenlight.security.Actor;

/**
 * What waits for each reviewer: releases in review with a slot they may fill still open, oldest first. So that a
 * reviewer whose queue is empty does not make the server read every release in review, the queue remembers, for each
 * release in review, which of its slots still lack approvals ({@code open_review_slot}) and under which policy that
 * was judged ({@code review_queue_judgement}); only the approval package writes these tables. The walk skips releases
 * where the reviewer surely has nothing to do (created it, wrote a changeset in it, approved it already, or none of
 * the slots they may fill is open) and keeps those not judged under the running policy; it then judges the rest
 * exactly, under {@link ApprovalPermissions}.
 */
@ApplicationScoped
public class ReviewQueue {
    private static final Logger LOG = Logger.getLogger(ReviewQueue.class);
    /** Fewest releases read per query while filling a page of the queue. */
    static final int MIN_BATCH = 20;
    /** Releases in review the database looks at per query for a reviewer's possible tasks. */
    static final int CANDIDATE_BATCH = 200;

    private final ReleaseService releases;
    private final Waivers waivers;
    private final ReviewSlots slots;
    private final EntityManager em;
    private final ApprovalExpiry expiry;
    private final String policy;

    @Inject
    ReviewQueue(ReleaseService releases, Waivers waivers, ReviewSlots slots, ReviewRequirements requirements,
            EntityManager em, ApprovalExpiry expiry) {
        this.releases = releases;
        this.waivers = waivers;
        this.slots = slots;
        this.em = em;
        this.expiry = expiry;
        this.policy = requirements.fingerprint();
    }

    /** A page of the queue; {@code next} continues after it (null on the last page). */
    public record Page(List<Task> tasks, QueueCursor next) {
    }

    /** A release waiting in one of the reviewer's slots. */
    public record Task(ReleaseView release, SlotStatus slot) {
    }

    /** A release in review, at its place in queue order. */
    record Candidate(long id, Instant updatedAt) {
        QueueCursor cursor() {
            return new QueueCursor(updatedAt, id);
        }
    }

    /**
     * A page of what waits for this reviewer, oldest first. The database names the releases that may hold a task for
     * them, in keyset batches; only those are read and judged, so a page costs the same however many releases wait for
     * others. The page ends with a whole release once it holds {@code size} tasks.
     */
    public Page page(Actor actor, QueueCursor after, int size) {
        List<String> fillable = slots.fillableBy(actor);
        List<Task> tasks = new ArrayList<>();
        if (fillable.isEmpty()) {
            return new Page(tasks, null);
        }
        int batchSize = Math.max(size, MIN_BATCH);
        QueueCursor cursor = after;
        while (true) {
            List<Candidate> found = candidates(actor, fillable, cursor, CANDIDATE_BATCH);
            List<Long> ids = found.stream().map(Candidate::id).toList();
            for (int from = 0; from < ids.size(); from += batchSize) {
                QueueCursor pageEnd = addTasks(actor, ids.subList(from, Math.min(ids.size(), from + batchSize)),
                        tasks, size);
                if (pageEnd != null) {
                    return new Page(tasks, pageEnd);
                }
            }
            if (found.size() < CANDIDATE_BATCH) {
                return new Page(tasks, null);
            }
            cursor = found.get(found.size() - 1).cursor();
        }
    }

    /** Adds the reviewer's tasks in these releases; the release where the page filled up, or null while it has room. */
    private QueueCursor addTasks(Actor actor, List<Long> ids, List<Task> tasks, int size) {
        Map<Long, List<Approval>> approvalsByRelease = currentByRelease(ids);
        List<ReleaseService.Judged> batch = releases.judged(ids);
        Map<Long, Map<String, RequirementWaivers.Waiver>> waived = waivers
                .of(batch.stream().map(ReleaseService.Judged::facts).toList());
        for (ReleaseService.Judged judged : batch) {
            ReleaseFacts facts = judged.facts();
            List<Approval> current = approvalsByRelease.getOrDefault(facts.id(), List.of());
            for (SlotStatus slot : slots.of(facts, current, waived.get(facts.id()))) {
                if (!slot.isFilled() && slots.review(actor, facts, slot.requirement().slot(), current).allowed()
                        && slot.approvals().stream().noneMatch(a -> a.approver().equals(actor.username()))) {
                    tasks.add(new Task(judged.release(), slot));
                }
            }
            if (tasks.size() >= size) {
                return QueueCursor.after(judged.release());
            }
        }
        return null;
    }

    /** The next {@code limit} candidates after the cursor (null: from the oldest), in queue order. */
    List<Candidate> candidates(Actor actor, Collection<String> fillable, QueueCursor after, int limit) {
        // an index walk in queue order that looks up the open slots and the judgement by primary key, to the limit
        String sql = """
                select r.id, r.updated_at
                from release r
                where r.state = 'IN_REVIEW' %s
                  and (exists (select 1 from open_review_slot o
                               where o.release_id = r.id and o.slot = any (string_to_array(:fillable, ',')))
                       or not exists (select 1 from review_queue_judgement j
                                      where j.release_id = r.id and j.policy = :policy)
                       or exists (select 1 from approval e where e.release_id = r.id and e.decision = 'APPROVED'
                                    and e.stale_at is null and e.decided_at < :cutoff))
                  and r.created_by <> :actor
                  and not exists (select 1 from changeset c where c.release_id = r.id and c.author = :actor)
                  and not exists (select 1 from approval a where a.release_id = r.id and a.approver = :actor
                                    and a.decision = 'APPROVED' and a.stale_at is null and a.decided_at >= :cutoff)
                order by r.updated_at, r.id
                limit :limit
                """
                .formatted(after == null ? "" : "and (r.updated_at, r.id) > (:afterUpdated, :afterId)");
        @SuppressWarnings("unchecked")
        NativeQuery<Object[]> query = em.createNativeQuery(sql).unwrap(NativeQuery.class);
        query.addScalar("id", StandardBasicTypes.LONG).addScalar("updated_at", StandardBasicTypes.INSTANT);
        if (after != null) {
            query.setParameter("afterUpdated", after.updatedAt()).setParameter("afterId", after.id());
        }
        query.setParameter("fillable", String.join(",", fillable))
                .setParameter("policy", policy)
                .setParameter("cutoff", expiry.cutoffOrEpoch())
                .setParameter("actor", actor.username())
                .setParameter("limit", limit);
        return query.getResultList().stream().map(row -> new Candidate((Long) row[0], (Instant) row[1])).toList();
    }

    /** Keeps the release's slots that lack approvals, judged from its current approvals. */
    void remember(ReleaseFacts release, List<Approval> current) {
        remember(Map.of(release.id(), ReviewSlots.lackingApprovals(slots.of(release, current, Map.of()))));
    }

    /**
     * Remembers each release's slots that still lack approvals, judged under the running policy: one statement per
     * release in one JDBC batch, and no flush of the session first, as only the queue's tables change and no entity
     * maps them. Slots no longer open are deleted and newly open ones added, so the rows of slots that stay open stay.
     */
    void remember(Map<Long, List<String>> openSlotsByRelease) {
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement("""
                    with judged as (
                        insert into review_queue_judgement (release_id, policy) values (?, ?)
                        on conflict (release_id) do update set policy = excluded.policy
                    ), closed as (
                        delete from open_review_slot
                        where release_id = ? and slot <> all (string_to_array(?, ','))
                    )
                    insert into open_review_slot (release_id, slot)
                    select ?, slot from unnest(string_to_array(?, ',')) as open (slot)
                    on conflict do nothing
                    """)) {
                for (Map.Entry<Long, List<String>> release : openSlotsByRelease.entrySet()) {
                    String open = String.join(",", release.getValue());
                    update.setLong(1, release.getKey());
                    update.setString(2, policy);
                    update.setLong(3, release.getKey());
                    update.setString(4, open);
                    update.setLong(5, release.getKey());
                    update.setString(6, open);
                    update.addBatch();
                }
                update.executeBatch();
            }
        });
    }

    /** A release that left review has no open slots to remember; one that comes back is judged again. */
    void stateChanged(@Observes ReleaseStateChanged event) {
        if (event.to() == ReleaseState.IN_REVIEW) {
            remember(releases.facts(event.releaseId()), Approval.current(event.releaseId()));
        } else if (event.from() == ReleaseState.IN_REVIEW) {
            em.unwrap(Session.class).doWork(connection -> {
                try (PreparedStatement forget = connection
                        .prepareStatement("delete from review_queue_judgement where release_id = ?")) {
                    forget.setLong(1, event.releaseId());
                    forget.executeUpdate();
                }
            });
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
        List<Long> ids = unjudged(CANDIDATE_BATCH);
        Map<Long, List<Approval>> approvals = currentByRelease(ids);
        Map<Long, List<String>> open = new HashMap<>();
        for (ReleaseService.Judged judged : releases.judged(ids)) {
            ReleaseFacts facts = judged.facts();
            open.put(facts.id(), ReviewSlots.lackingApprovals(
                    slots.of(facts, approvals.getOrDefault(facts.id(), List.of()), Map.of())));
        }
        remember(open);
        return ids.size();
    }

    /**
     * Up to {@code limit} releases in review whose open slots were never judged under the running policy, locked until
     * the transaction ends; a release another transaction holds (an approval, a content change) is skipped, as that
     * transaction keeps its open slots itself.
     */
    private List<Long> unjudged(int limit) {
        List<Long> ids = new ArrayList<>();
        for (Object id : em
                .createNativeQuery(
                        """
                                select r.id from release r
                                where r.state = 'IN_REVIEW'
                                  and not exists (select 1 from review_queue_judgement j where j.release_id = r.id and j.policy = :policy)
                                order by r.id limit :limit
                                for update of r skip locked
                                """)
                .setParameter("policy", policy)
                .setParameter("limit", limit)
                .getResultList()) {
            ids.add(((Number) id).longValue());
        }
        return ids;
    }

    static Map<Long, List<Approval>> currentByRelease(List<Long> ids) {
        Map<Long, List<Approval>> byRelease = new HashMap<>();
        Approval.current(ids).forEach(a -> byRelease.computeIfAbsent(a.releaseId, k -> new ArrayList<>()).add(a));
        return byRelease;
    }
}

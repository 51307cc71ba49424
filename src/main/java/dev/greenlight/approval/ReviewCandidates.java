package dev.greenlight.approval;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;
import org.hibernate.query.NativeQuery;
import org.hibernate.type.StandardBasicTypes;

import dev.greenlight.policy.ReviewRequirements;
import dev.greenlight.release.ReleaseService.QueueCursor;
import dev.greenlight.security.Actor;

/**
 * The releases in review where a reviewer may still have a task, found in the database so that a reviewer whose
 * queue is empty does not make the server read every release in review. Each release remembers which of its slots
 * still lack approvals and under which policy that was judged ({@link #remember}); the walk skips releases where the
 * reviewer surely has nothing to do (created it, wrote a changeset in it, approved it already, or none of the slots
 * they may fill is open) and keeps those not judged under the running policy. {@link ApprovalService} then judges the
 * rest exactly.
 */
@ApplicationScoped
class ReviewCandidates {
    private final EntityManager em;
    private final String policy;
    private final ApprovalExpiry expiry;

    @Inject
    ReviewCandidates(EntityManager em, ReviewRequirements requirements, ApprovalExpiry expiry) {
        this.em = em;
        this.policy = requirements.fingerprint();
        this.expiry = expiry;
    }

    /** A release in review, at its place in queue order. */
    record Candidate(long id, Instant updatedAt) {
        QueueCursor cursor() {
            return new QueueCursor(updatedAt, id);
        }
    }

    /** The next {@code limit} candidates after the cursor (null: from the oldest), in queue order. */
    List<Candidate> after(Actor actor, Collection<String> fillable, QueueCursor after, int limit) {
        // an index walk in queue order that reads the open slots from the index and stops at the limit
        String sql = """
                select r.id, r.updated_at
                from release r
                where r.state = 'IN_REVIEW' %s
                  and (r.open_slots && string_to_array(:fillable, ',') or r.open_slots_policy is distinct from :policy
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

    /**
     * Remembers each release's slots that still lack approvals, judged under the running policy: one JDBC batch, and
     * no flush of the session first, as only these columns change and no entity maps them.
     */
    void remember(Map<Long, List<String>> openSlotsByRelease) {
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement("""
                    update release set open_slots = string_to_array(?, ','), open_slots_policy = ? where id = ?
                    """)) {
                for (Map.Entry<Long, List<String>> release : openSlotsByRelease.entrySet()) {
                    update.setString(1, String.join(",", release.getValue()));
                    update.setString(2, policy);
                    update.setLong(3, release.getKey());
                    update.addBatch();
                }
                update.executeBatch();
            }
        });
    }

    /**
     * Up to {@code limit} releases in review whose open slots were never judged under the running policy, locked until
     * the transaction ends; a release another transaction holds (an approval, a content change) is skipped, as that
     * transaction keeps its open slots itself.
     */
    List<Long> unjudged(int limit) {
        List<Long> ids = new ArrayList<>();
        for (Object id : em.createNativeQuery("""
                select id from release
                where state = 'IN_REVIEW' and open_slots_policy is distinct from :policy
                order by id limit :limit
                for update skip locked
                """).setParameter("policy", policy).setParameter("limit", limit).getResultList()) {
            ids.add(((Number) id).longValue());
        }
        return ids;
    }
}

package dev.greenlight.approval;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.query.NativeQuery;
import org.hibernate.type.StandardBasicTypes;

import dev.greenlight.policy.ReviewRequirements;
import dev.greenlight.policy.ReviewRequirements.SlotBounds;
import dev.greenlight.release.ReleaseService.QueueCursor;
import dev.greenlight.security.Actor;

/**
 * The releases in review where a reviewer may still have a task, found in the database so that a reviewer whose
 * queue is empty does not make the server read every release in review. The filter only leaves out releases where
 * the reviewer surely has nothing to do (created it, wrote a changeset in it, approved it already, or every slot they
 * may fill has its most approvals the policy could ask for); {@link ApprovalService} then judges the rest exactly.
 */
@ApplicationScoped
class ReviewCandidates {
    private final EntityManager em;
    private final ReviewRequirements requirements;

    @Inject
    ReviewCandidates(EntityManager em, ReviewRequirements requirements) {
        this.em = em;
        this.requirements = requirements;
    }

    /** A release in review and whether it needs more approvers even without a security-fix escalation. */
    record Candidate(long id, Instant updatedAt, boolean openWithoutSecurityFix) {
        QueueCursor cursor() {
            return new QueueCursor(updatedAt, id);
        }
    }

    /** The next {@code limit} candidates after the cursor (null: from the oldest), in queue order. */
    List<Candidate> after(Actor actor, List<SlotBounds> fillable, QueueCursor after, int limit) {
        StringJoiner slots = new StringJoiner(", ");
        for (int i = 0; i < fillable.size(); i++) {
            slots.add(
                    "(cast(:slot%1$d as text), cast(:approvals%1$d as int), cast(:major%1$d as int), cast(:fix%1$d as int))"
                            .formatted(i));
        }
        // per release in queue order (an index walk that stops at the limit): each slot's current approvals against
        // the least the policy asks (with a major bump) and the most (with a security fix as well)
        String sql = """
                with slot_bounds (slot, approvals, major_extra, fix_extra) as (values %s)
                select r.id, r.updated_at, o.open_now
                from release r
                cross join lateral (
                    select bool_or(n.approved < b.approvals + case when m.major then b.major_extra else 0 end) as open_now,
                           bool_or(n.approved < b.approvals + case when m.major then b.major_extra else 0 end
                                   + b.fix_extra) as open_at_most
                    from slot_bounds b
                    cross join lateral (select exists (select 1 from release_package p
                                                       where p.release_id = r.id and p.bump = 'major') as major) m
                    cross join lateral (select count(*) as approved from approval a
                                        where a.release_id = r.id and a.slot = b.slot and a.decision = 'APPROVED'
                                          and a.stale_at is null) n) o
                where r.state = 'IN_REVIEW' %s
                  and r.created_by <> :actor
                  and not exists (select 1 from changeset c where c.release_id = r.id and c.author = :actor)
                  and not exists (select 1 from approval a where a.release_id = r.id and a.approver = :actor
                                    and a.decision = 'APPROVED' and a.stale_at is null)
                  and o.open_at_most
                order by r.updated_at, r.id
                limit :limit
                """
                .formatted(slots, after == null ? "" : "and (r.updated_at, r.id) > (:afterUpdated, :afterId)");
        @SuppressWarnings("unchecked")
        NativeQuery<Object[]> query = em.createNativeQuery(sql).unwrap(NativeQuery.class);
        query.addScalar("id", StandardBasicTypes.LONG)
                .addScalar("updated_at", StandardBasicTypes.INSTANT)
                .addScalar("open_now", StandardBasicTypes.BOOLEAN);
        for (int i = 0; i < fillable.size(); i++) {
            SlotBounds bounds = fillable.get(i);
            query.setParameter("slot" + i, bounds.slot())
                    .setParameter("approvals" + i, bounds.approvals())
                    .setParameter("major" + i, bounds.majorExtra())
                    .setParameter("fix" + i, bounds.securityFixExtra());
        }
        if (after != null) {
            query.setParameter("afterUpdated", after.updatedAt()).setParameter("afterId", after.id());
        }
        query.setParameter("actor", actor.username()).setParameter("limit", limit);
        List<Candidate> candidates = new ArrayList<>();
        for (Object[] row : query.getResultList()) {
            candidates.add(new Candidate((Long) row[0], (Instant) row[1], (Boolean) row[2]));
        }
        return candidates;
    }

    /** Of these releases, those holding a changeset whose summary makes them a security fix, in one query. */
    Set<Long> securityFixes(Collection<Long> releaseIds) {
        Set<Long> fixes = new HashSet<>();
        if (releaseIds.isEmpty()) {
            return fixes;
        }
        List<?> rows = em.createNativeQuery("select release_id, summary from changeset where release_id in (:ids)")
                .setParameter("ids", releaseIds)
                .getResultList();
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            if (requirements.isSecurityFix((String) columns[1])) {
                fixes.add(((Number) columns[0]).longValue());
            }
        }
        return fixes;
    }
}

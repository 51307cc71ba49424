package dev.greenlight.approval;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.query.NativeQuery;
import org.hibernate.type.StandardBasicTypes;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CaffeineCache;

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
    private final Cache verdicts;

    @Inject
    ReviewCandidates(EntityManager em, ReviewRequirements requirements,
            @CacheName("release-security-fix") Cache verdicts) {
        this.em = em;
        this.requirements = requirements;
        this.verdicts = verdicts;
    }

    /** A release in review at a content version, and whether it needs more approvers without a security fix. */
    record Candidate(long id, Instant updatedAt, int contentVersion, boolean openWithoutSecurityFix) {
        QueueCursor cursor() {
            return new QueueCursor(updatedAt, id);
        }
    }

    /** A release's content at one version: its changesets, so whether it is a security fix, never change. */
    private record Content(long releaseId, int version) {
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
                select r.id, r.updated_at, r.content_version, o.open_now
                from release r
                cross join lateral (select exists (select 1 from release_package p
                                                   where p.release_id = r.id and p.bump = 'major') as major) m
                cross join lateral (
                    select bool_or(n.approved < n.needed) as open_now,
                           bool_or(n.approved < n.needed + b.fix_extra) as open_at_most
                    from slot_bounds b
                    cross join lateral (select count(*) as approved,
                                               b.approvals + case when m.major then b.major_extra else 0 end as needed
                                        from approval a
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
                .addScalar("content_version", StandardBasicTypes.INTEGER)
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
            candidates.add(new Candidate((Long) row[0], (Instant) row[1], (Integer) row[2], (Boolean) row[3]));
        }
        return candidates;
    }

    /**
     * Of these candidates, the security fixes: a changeset's summary matches the policy's pattern. A verdict holds for
     * a release's content version, so it is kept (bounded, per instance); the rest are read in one query, each keyed by
     * the version read with its summaries.
     */
    Set<Long> securityFixes(Collection<Candidate> candidates) {
        CaffeineCache known = verdicts.as(CaffeineCache.class);
        Set<Long> fixes = new HashSet<>();
        List<Long> unknown = new ArrayList<>();
        for (Candidate candidate : candidates) {
            CompletableFuture<Object> verdict = known
                    .getIfPresent(new Content(candidate.id(), candidate.contentVersion()));
            if (verdict == null) {
                unknown.add(candidate.id());
            } else if ((Boolean) verdict.join()) {
                fixes.add(candidate.id());
            }
        }
        if (unknown.isEmpty()) {
            return fixes;
        }
        Map<Content, Boolean> read = new HashMap<>();
        List<?> rows = em.createNativeQuery("""
                select r.id, r.content_version, c.summary
                from release r left join changeset c on c.release_id = r.id
                where r.id in (:ids)
                """)
                .setParameter("ids", unknown)
                .getResultList();
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            Content content = new Content(((Number) columns[0]).longValue(), ((Number) columns[1]).intValue());
            boolean fix = columns[2] != null && requirements.isSecurityFix((String) columns[2]);
            read.merge(content, fix, Boolean::logicalOr);
        }
        read.forEach((content, fix) -> {
            known.put(content, CompletableFuture.completedFuture(fix));
            if (fix) {
                fixes.add(content.releaseId());
            }
        });
        return fixes;
    }
}

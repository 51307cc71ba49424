package dev.greenlight.lane;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import dev.greenlight.gate.GateService;
import dev.greenlight.metrics.MetricsService;
import dev.greenlight.policy.StandardChangePolicy;
import dev.greenlight.release.ReleaseService;
import dev.greenlight.release.ReleaseState;

/**
 * "What would the standard-change rule have done": the rule judged again for each release submitted in the replay
 * window, as of its submission (change failure rates over the window before the day it was submitted, freezes at that
 * instant), with the gates as they ended for the content that was reviewed, since the lane judges again as each gate
 * arrives. Bounded: at most {@code replay-limit} releases, newest first, each package's failure rate computed once per
 * day.
 */
@ApplicationScoped
public class StandardChangeReplay {
    private final StandardChangePolicy policy;
    private final StandardChangeLane lane;
    private final ReleaseService releases;
    private final GateService gates;
    private final MetricsService metrics;
    private final EntityManager em;
    private final Clock clock;

    @Inject
    StandardChangeReplay(StandardChangePolicy policy, StandardChangeLane lane, ReleaseService releases,
            GateService gates, MetricsService metrics, EntityManager em, Clock clock) {
        this.policy = policy;
        this.lane = lane;
        this.releases = releases;
        this.gates = gates;
        this.metrics = metrics;
        this.em = em;
        this.clock = clock;
    }

    /** One release judged again. */
    public record Row(long id, String title, ReleaseState state, Instant submittedAt, LaneDecision decision) {
        public boolean rolledBack() {
            return state == ReleaseState.ROLLED_BACK;
        }
    }

    /** The replay's figures: how many judged, how many the rule would have approved, and which of those failed. */
    public record Report(Instant from, Instant to, List<Row> rows, boolean truncated, long elapsedMillis) {
        public long autoApproved() {
            return rows.stream().filter(r -> r.decision().approves()).count();
        }

        public List<Row> autoApprovedRolledBack() {
            return rows.stream().filter(r -> r.decision().approves() && r.rolledBack()).toList();
        }

        /** Per condition, how many releases it alone or with others kept from the lane. */
        public Map<String, Long> declinedBy() {
            Map<String, Long> counts = new LinkedHashMap<>();
            rows.forEach(r -> r.decision().failing().forEach(c -> counts.merge(c.label(), 1L, Long::sum)));
            return counts;
        }
    }

    public Report replay() {
        long started = System.nanoTime();
        Instant to = clock.instant();
        Instant from = to.minus(policy.replayWindow());
        int limit = policy.replayLimit();
        @SuppressWarnings("unchecked")
        List<Object[]> submitted = em.createNativeQuery("""
                select release_id, min(occurred_at) as submitted_at from audit_event
                where action = 'release.submitted' and occurred_at >= :from and release_id is not null
                group by release_id order by submitted_at desc, release_id desc limit :limit
                """).setParameter("from", from).setParameter("limit", limit + 1).getResultList();
        boolean truncated = submitted.size() > limit;
        Map<Long, Instant> submittedAt = new LinkedHashMap<>();
        submitted.stream().limit(limit).forEach(row -> submittedAt.put(((Number) row[0]).longValue(), instant(row[1])));
        Map<String, BigDecimal> rates = new HashMap<>();
        List<Row> rows = new ArrayList<>();
        for (ReleaseService.Judged judged : releases.judged(List.copyOf(submittedAt.keySet()))) {
            Instant at = submittedAt.get(judged.facts().id());
            LaneDecision decision = lane.judge(judged.facts(), gates.status(judged.facts()), at,
                    (pkg, when) -> rates.computeIfAbsent(pkg + "@" + day(when), key -> {
                        Instant end = day(when);
                        return metrics.changeFailureRate(pkg, end.minus(policy.window()), end).value();
                    }));
            rows.add(new Row(judged.release().id(), judged.release().title(), judged.release().state(), at,
                    decision));
        }
        return new Report(from, to, rows, truncated, Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    private static Instant day(Instant at) {
        return at.truncatedTo(ChronoUnit.DAYS).atOffset(ZoneOffset.UTC).toInstant();
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}

package dev.greenlight.metrics;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.cache.CacheResult;

import dev.greenlight.common.InvalidInputException;

import javax.sql.DataSource;

/**
 * Computes the policy's release metrics and DORA's four keys from Greenlight's own records, aggregated in SQL (never a
 * release loaded into memory), per week or month of publication and for the whole range.
 */
@ApplicationScoped
public class MetricsService {
    /** Three years of weeks. */
    static final int MAX_PERIODS = 160;
    static final int DEFAULT_PERIODS = 12;

    private final DataSource dataSource;
    private final Clock clock;
    private final MetricFormulas formulas;

    @Inject
    MetricsService(DataSource dataSource, Clock clock, MetricTargets targets) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.formulas = new MetricFormulas(targets);
    }

    /**
     * Periods from the one containing {@code from} to the one containing {@code to} (both dates inclusive, UTC); by
     * default the last twelve periods up to today.
     */
    public MetricsReport report(LocalDate from, LocalDate to, Bucket bucket, String packageName) {
        LocalDate last = bucket.startOf(to != null ? to : LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        LocalDate first = from != null
                ? bucket.startOf(from)
                : (bucket == Bucket.WEEK
                        ? last.minusWeeks(DEFAULT_PERIODS - 1)
                        : last.minusMonths(DEFAULT_PERIODS - 1));
        if (first.isAfter(last)) {
            throw new InvalidInputException("to", "must not be before from");
        }
        List<LocalDate> starts = new ArrayList<>();
        for (LocalDate s = first; !s.isAfter(last); s = bucket.next(s)) {
            if (starts.size() == MAX_PERIODS) {
                throw new InvalidInputException("from", "at most " + MAX_PERIODS + " periods at a time");
            }
            starts.add(s);
        }
        return periods(starts, bucket, packageName == null ? "" : packageName.strip());
    }

    /**
     * Computing a report reads every release of its range, and its figures move slowly: one computation per
     * {@code gauge-refresh} serves every viewer of the same range, bucket and package ({@code ""} for all).
     */
    @CacheResult(cacheName = "release-metrics")
    MetricsReport periods(List<LocalDate> starts, Bucket bucket, String packageName) {
        LocalDate first = starts.get(0);
        LocalDate last = starts.get(starts.size() - 1);
        LocalDate end = bucket.next(last);
        String pkg = packageName.isEmpty() ? null : packageName;
        Computed computed = compute(new Range(instant(first), instant(end), bucket, pkg));
        List<MetricsReport.Period> periods = new ArrayList<>();
        for (LocalDate s : starts) {
            periods.add(period(s, bucket.next(s), computed.counts().get(s), computed.empty()));
        }
        return new MetricsReport(bucket, first, end, pkg,
                period(first, end, computed.counts().get(null), computed.empty()), periods);
    }

    /** The figures of the trailing window ending now, for the Prometheus gauges. */
    MetricsReport.Period current(Duration window) {
        Instant now = clock.instant();
        Computed computed = compute(new Range(now.minus(window), now, Bucket.WEEK, null));
        Counts total = computed.counts().getOrDefault(null, computed.empty());
        long days = Math.max(1, window.toDays());
        return new MetricsReport.Period(LocalDate.ofInstant(now.minus(window), ZoneOffset.UTC),
                LocalDate.ofInstant(now, ZoneOffset.UTC), total.published(), formulas.policy(total),
                formulas.dora(total, days));
    }

    /**
     * DORA's change failure rate of one package's releases published in {@code [from, to)}, as the metrics page computes
     * it: no data (a null value) when none was published.
     */
    public Figure changeFailureRate(String packageName, Instant from, Instant to) {
        Computed computed = compute(new Range(from, to, Bucket.WEEK, packageName));
        Counts total = computed.counts().getOrDefault(null, computed.empty());
        return formulas.dora(total, Math.max(1, Duration.between(from, to).toDays()))
                .stream()
                .filter(figure -> figure.key().equals(MetricFormulas.CHANGE_FAILURE_RATE))
                .findFirst()
                .orElseThrow();
    }

    private MetricsReport.Period period(LocalDate start, LocalDate end, Counts counts, Counts empty) {
        Counts c = counts != null ? counts : empty;
        return new MetricsReport.Period(start, end, c.published(), formulas.policy(c),
                formulas.dora(c, ChronoUnit.DAYS.between(start, end)));
    }

    private record Computed(Map<LocalDate, Counts> counts, Counts empty) {
    }

    /** One query per source; a period without releases has no row in any. */
    private Computed compute(Range range) {
        try (Connection connection = dataSource.getConnection()) {
            Map<LocalDate, ReleaseFigures.Row> releases = ReleaseFigures.of(connection, range);
            Map<LocalDate, CheckFigures.Row> checks = CheckFigures.of(connection, range);
            Map<LocalDate, IncidentFigures.Row> incidents = IncidentFigures.of(connection, range);

            Map<LocalDate, Counts> all = new HashMap<>();
            releases.forEach((bucket, row) -> all.put(bucket, Counts.of(row,
                    checks.getOrDefault(bucket, CheckFigures.Row.EMPTY),
                    incidents.getOrDefault(bucket, IncidentFigures.Row.EMPTY))));
            return new Computed(all,
                    Counts.of(ReleaseFigures.Row.EMPTY, CheckFigures.Row.EMPTY, IncidentFigures.Row.EMPTY));
        } catch (SQLException e) {
            throw new IllegalStateException("Metrics query failed", e);
        }
    }

    private static Instant instant(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}

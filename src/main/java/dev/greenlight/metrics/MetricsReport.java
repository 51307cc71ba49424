package dev.greenlight.metrics;

import java.time.LocalDate;
import java.util.List;

/**
 * The metrics over a range: for the whole range and per period, each period {@code [start, end)} in UTC. {@code sources}
 * says which records exist: figures that need a missing one are "no data".
 */
public record MetricsReport(Bucket bucket, LocalDate start, LocalDate end, String packageName, Sources sources,
        Period total, List<Period> periods) {

    public record Period(LocalDate start, LocalDate end, long published, List<Figure> policy, List<Figure> dora) {
    }

    public record Sources(boolean releases, boolean postReleaseChecks, boolean incidents) {
    }
}

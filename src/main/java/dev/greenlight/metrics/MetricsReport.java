package dev.greenlight.metrics;

import java.time.LocalDate;
import java.util.List;

/** The metrics over a range: for the whole range and per period, each period {@code [start, end)} in UTC. */
public record MetricsReport(Bucket bucket, LocalDate start, LocalDate end, String packageName, Period total,
        List<Period> periods) {

    public record Period(LocalDate start, LocalDate end, long published, List<Figure> policy, List<Figure> dora) {
    }
}

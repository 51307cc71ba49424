package dev.greenlight.metrics;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * Source "releases" (tables release, changeset): publications, rollbacks (a release in state ROLLED_BACK), merge to
 * production times, and the changesets shipped with their age at deployment.
 */
final class ReleaseFigures {
    private static final String RELEASES = Range.RELEASES
            + "select bucket, count(*) as published, count(*) filter (where state = 'ROLLED_BACK') as rolled_back, "
            + "count(deployed_at - merged_at) as deploy_times, "
            + "percentile_cont(0.5) within group (order by extract(epoch from deployed_at - merged_at)) as p50, "
            + "percentile_cont(0.9) within group (order by extract(epoch from deployed_at - merged_at)) as p90 "
            + "from rel group by grouping sets ((bucket), ())";
    private static final String CHANGESETS = Range.RELEASES
            + "select rel.bucket, count(*) as changesets, percentile_cont(0.5) within group (order by extract(epoch "
            + "from coalesce(rel.deployed_at, rel.published_at) - c.created_at)) as lead_p50 "
            + "from rel join changeset c on c.release_id = rel.id group by grouping sets ((rel.bucket), ())";

    record Row(long published, long rolledBack, long deployTimes, Double deploySecondsP50, Double deploySecondsP90,
            long changesetsShipped, Double leadTimeSecondsP50) {
        static final Row EMPTY = new Row(0, 0, 0, null, null, 0, null);
    }

    private ReleaseFigures() {
    }

    private record Shipped(long changesets, Double leadP50) {
    }

    static Map<LocalDate, Row> of(Connection connection, Range range) throws SQLException {
        Map<LocalDate, Row> releases = range.query(connection, RELEASES, rows -> new Row(rows.getLong("published"),
                rows.getLong("rolled_back"), rows.getLong("deploy_times"), Range.nullableDouble(rows, "p50"),
                Range.nullableDouble(rows, "p90"), 0, null));
        Map<LocalDate, Shipped> shipped = range.query(connection, CHANGESETS,
                rows -> new Shipped(rows.getLong("changesets"), Range.nullableDouble(rows, "lead_p50")));
        Map<LocalDate, Row> result = new HashMap<>();
        releases.forEach((bucket, r) -> {
            Shipped s = shipped.getOrDefault(bucket, new Shipped(0, null));
            result.put(bucket, new Row(r.published(), r.rolledBack(), r.deployTimes(), r.deploySecondsP50(),
                    r.deploySecondsP90(), s.changesets(), s.leadP50()));
        });
        return result;
    }
}

package dev.greenlight.metrics;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Map;

/**
 * Source "incidents" (tables incident and incident_release, from the incident feature): incidents linked to published
 * releases (defects), the security ones, releases with an incident that were not rolled back, and how long incidents
 * took from start to resolution.
 */
final class IncidentFigures {
    /**
     * One row per (release, incident) link. An incident linked to several releases counts once in the median: once per
     * period among the rows first for their (period, incident), once in the total among those first for their incident.
     */
    private static final String QUERY = Range.RELEASES
            + ", linked as (select rel.bucket, rel.id as release_id, rel.state, i.id as incident_id, i.security, "
            + "extract(epoch from i.resolved_at - i.started_at) as restore, "
            + "row_number() over (partition by rel.bucket, i.id order by rel.id) = 1 as first_in_bucket, "
            + "row_number() over (partition by i.id order by rel.bucket, rel.id) = 1 as first_overall "
            + "from rel join incident_release ir on ir.release_id = rel.id join incident i on i.id = ir.incident_id) "
            + "select bucket, count(distinct incident_id) as defects, "
            + "count(distinct incident_id) filter (where security) as security, "
            + "count(distinct release_id) filter (where state <> 'ROLLED_BACK') as not_rolled_back, "
            + "case when grouping(bucket) = 0 "
            + "then percentile_cont(0.5) within group (order by restore) filter (where first_in_bucket) "
            + "else percentile_cont(0.5) within group (order by restore) filter (where first_overall) end "
            + "as restore_p50 from linked group by grouping sets ((bucket), ())";

    record Row(long defects, long securityIncidents, long releasesNotRolledBack, Double restoreSecondsP50) {
        static final Row EMPTY = new Row(0, 0, 0, null);
    }

    private IncidentFigures() {
    }

    static Map<LocalDate, Row> of(Connection connection, Range range) throws SQLException {
        return range.query(connection, QUERY, rows -> new Row(rows.getLong("defects"), rows.getLong("security"),
                rows.getLong("not_rolled_back"), Range.nullableDouble(rows, "restore_p50")));
    }
}

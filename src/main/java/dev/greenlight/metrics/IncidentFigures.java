package dev.greenlight.metrics;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * Source "incidents" (tables incident and incident_release, from the incident feature): incidents linked to published
 * releases (defects), the security ones, releases with an incident that were not rolled back, and how long incidents
 * took from start to resolution. Empty while the link table does not exist.
 */
final class IncidentFigures {
    static final String TABLE = "incident_release";
    private static final String QUERY = Range.RELEASES
            + "select rel.bucket, count(distinct i.id) as defects, count(distinct i.id) filter (where i.security) "
            + "as security, count(distinct rel.id) filter (where rel.state <> 'ROLLED_BACK') as not_rolled_back, "
            + "percentile_cont(0.5) within group (order by extract(epoch from i.resolved_at - i.started_at)) "
            + "as restore_p50 from rel join incident_release ir on ir.release_id = rel.id "
            + "join incident i on i.id = ir.incident_id group by grouping sets ((rel.bucket), ())";

    record Row(long defects, long securityIncidents, long releasesNotRolledBack, Double restoreSecondsP50) {
        static final Row EMPTY = new Row(0, 0, 0, null);
    }

    private IncidentFigures() {
    }

    static Optional<Map<LocalDate, Row>> of(Connection connection, Range range) throws SQLException {
        if (!Range.tableExists(connection, TABLE)) {
            return Optional.empty();
        }
        return Optional.of(range.query(connection, QUERY, rows -> new Row(rows.getLong("defects"),
                rows.getLong("security"), rows.getLong("not_rolled_back"),
                Range.nullableDouble(rows, "restore_p50"))));
    }
}

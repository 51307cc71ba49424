package dev.greenlight.metrics;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Map;

/**
 * Source "post-release checks" (table release_check, from the validation feature): releases whose latest smoke test,
 * error rate or performance check failed, and the worst latest performance regression measured.
 */
final class CheckFigures {
    private static final String QUERY = Range.RELEASES
            + ", latest as (select distinct on (c.release_id, c.check_name) c.release_id, c.check_name, c.passed, "
            + "c.measured_value from release_check c join rel on rel.id = c.release_id "
            + "order by c.release_id, c.check_name, c.recorded_at desc, c.id desc) "
            + "select rel.bucket, count(distinct rel.id) filter (where not l.passed and rel.state <> 'ROLLED_BACK' "
            + "and l.check_name in ('SMOKE_TESTS', 'ERROR_RATE', 'PERFORMANCE_REGRESSION')) as failed, "
            + "max(l.measured_value) filter (where l.check_name = 'PERFORMANCE_REGRESSION') as worst "
            + "from rel join latest l on l.release_id = rel.id group by grouping sets ((rel.bucket), ())";

    record Row(long failedNotRolledBack, Double worstRegressionPercent) {
        static final Row EMPTY = new Row(0, null);
    }

    private CheckFigures() {
    }

    static Map<LocalDate, Row> of(Connection connection, Range range) throws SQLException {
        return range.query(connection, QUERY,
                rows -> new Row(rows.getLong("failed"), Range.nullableDouble(rows, "worst")));
    }
}

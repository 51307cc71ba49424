package dev.greenlight.metrics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;

/**
 * Which releases a computation covers: published in {@code [start, end)}, optionally only those bumping a package,
 * grouped by the UTC week (Monday) or month of publication. Every source's query starts from {@link #RELEASES}.
 */
record Range(Instant start, Instant end, Bucket bucket, String packageName) {

    /** The releases in range, each with its period: a CTE named "rel" that a source's query continues. */
    static final String RELEASES = "with rel as (select r.id, r.state, r.merged_at, r.deployed_at, r.published_at, "
            + "date_trunc(?, r.published_at at time zone 'UTC') as bucket from release r "
            + "where r.published_at >= ? and r.published_at < ? and (cast(? as text) is null or exists "
            + "(select 1 from release_package p where p.release_id = r.id and p.package_name = ?))) ";

    /** Binds {@link #RELEASES}' parameters; returns the next parameter index. */
    int bind(PreparedStatement statement) throws SQLException {
        statement.setString(1, bucket.sqlUnit());
        statement.setTimestamp(2, Timestamp.from(start));
        statement.setTimestamp(3, Timestamp.from(end));
        statement.setString(4, packageName);
        statement.setString(5, packageName);
        return 6;
    }

    /** Per period (keyed by its first day) and for the whole range (key null), from a grouping-sets query. */
    interface RowReader<R> {
        R read(ResultSet rows) throws SQLException;
    }

    <R> Map<LocalDate, R> query(Connection connection, String sql, RowReader<R> reader) throws SQLException {
        Map<LocalDate, R> result = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    LocalDateTime bucketStart = rows.getObject("bucket", LocalDateTime.class);
                    result.put(bucketStart == null ? null : bucketStart.toLocalDate(), reader.read(rows));
                }
            }
        }
        return result;
    }

    static Double nullableDouble(ResultSet rows, String column) throws SQLException {
        double value = rows.getDouble(column);
        return rows.wasNull() ? null : value;
    }
}

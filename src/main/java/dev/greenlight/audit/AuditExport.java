package dev.greenlight.audit;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.greenlight.common.InvalidInputException;
import dev.greenlight.security.Actor;

import javax.sql.DataSource;

/**
 * The log between two instants as CSV or JSON, written row by row from a database cursor (a transaction, a fetch
 * size): memory stays flat for millions of rows. The API and the audit page both download through it. Each row says
 * whether it is withheld from the reader ({@link Withholding}): its content is then left out, so that only a reader who
 * may see it can recompute its hash from an export.
 */
@ApplicationScoped
class AuditExport {
    /** Rows the driver holds at a time. */
    static final int FETCH_SIZE = 1000;
    private static final String EXPORT_QUERY = "select id, occurred_at, actor, action, entity_type, entity_id, "
            + "release_id, before_state::text, after_state::text, prev_hash, hash, hash_version from audit_event "
            + "where occurred_at >= ? and occurred_at < ? and id <= ? order by id";

    private final DataSource dataSource;
    private final ObjectMapper json;
    private final AuditLog audit;

    @Inject
    AuditExport(DataSource dataSource, ObjectMapper json, AuditLog audit) {
        this.dataSource = dataSource;
        this.json = json;
        this.audit = audit;
    }

    /**
     * A download of the events with {@code start <= occurred_at < end}, as {@code reader} may read them. The events end
     * with the newest one at the request, read before what the reader may see: an event written while the file streams
     * is left for the next export rather than judged by an older answer.
     */
    Response response(Actor reader, String format, Instant start, Instant end) {
        if (!end.isAfter(start)) {
            throw new InvalidInputException("to", "must be after from");
        }
        if (!"csv".equals(format) && !"json".equals(format)) {
            throw new InvalidInputException("format", "must be csv or json");
        }
        long through = audit.newestEventId();
        Withholding withholding = audit.withholdingFor(reader);
        StreamingOutput body = out -> write(withholding, through, format, start, end, out);
        String name = "greenlight-audit-" + start.toString().replace(':', '-') + "--" + end.toString().replace(':', '-')
                + "." + format;
        return Response.ok(body, format.equals("csv") ? "text/csv; charset=utf-8" : MediaType.APPLICATION_JSON)
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .build();
    }

    void write(Withholding withholding, long throughId, String format, Instant start, Instant end, OutputStream out)
            throws IOException {
        Sink sink = "csv".equals(format)
                ? new CsvSink(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8)))
                : new JsonSink(json.getFactory().createGenerator(out));
        stream(withholding, throughId, start, end, sink);
    }

    /** One row of the cursor, as the reader may read it. */
    private record Row(long id, Instant occurredAt, String actor, String action, String entityType, String entityId,
            Long releaseId, String before, String after, String prevHash, String hash, short hashVersion,
            boolean withheld) {
        static Row read(ResultSet rows, Withholding withholding) throws SQLException {
            String entityType = rows.getString(5);
            String entityId = rows.getString(6);
            long release = rows.getLong(7);
            Long releaseId = rows.wasNull() ? null : release;
            String before = rows.getString(8);
            String after = rows.getString(9);
            boolean withheld = withholding.withholds(entityType, entityId, before, after);
            return new Row(rows.getLong(1), rows.getTimestamp(2).toInstant(), rows.getString(3), rows.getString(4),
                    entityType, withheld && withholding.hidesSubject(entityType, entityId) ? null : entityId,
                    releaseId, withheld ? null : before, withheld ? null : after, rows.getString(10),
                    rows.getString(11), rows.getShort(12), withheld);
        }
    }

    private interface Sink extends AutoCloseable {
        void row(Row row) throws Exception;

        @Override
        void close() throws IOException;
    }

    private static final class CsvSink implements Sink {
        private final CSVPrinter printer;

        CsvSink(Writer writer) throws IOException {
            printer = CSVFormat.RFC4180.builder()
                    .setHeader("id", "occurred_at", "actor", "action", "entity_type", "entity_id", "release_id",
                            "before", "after", "prev_hash", "hash", "hash_version", "withheld")
                    .get()
                    .print(writer);
        }

        @Override
        public void row(Row row) throws Exception {
            String before = row.withheld() ? Withholding.SHOWN : row.before();
            String after = row.withheld() ? Withholding.SHOWN : row.after();
            printer.printRecord(row.id(), row.occurredAt(), cell(row.actor()), cell(row.action()),
                    cell(row.entityType()), cell(row.entityId()), row.releaseId(), cell(before), cell(after),
                    cell(row.prevHash()), cell(row.hash()), row.hashVersion(), row.withheld());
        }

        @Override
        public void close() throws IOException {
            printer.close(true);
        }
    }

    /**
     * A text cell that a spreadsheet would run as a formula (it starts with =, +, -, @, a tab or a carriage return) is
     * prefixed with an apostrophe, as OWASP advises against CSV injection. The JSON export stays verbatim: hashes are
     * verified from it.
     */
    static String cell(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        return switch (text.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + text;
            default -> text;
        };
    }

    private static final class JsonSink implements Sink {
        private final JsonGenerator generator;

        JsonSink(JsonGenerator generator) throws IOException {
            this.generator = generator;
            generator.writeStartArray();
        }

        @Override
        public void row(Row row) throws Exception {
            generator.writeStartObject();
            generator.writeNumberField("id", row.id());
            generator.writeStringField("occurredAt", row.occurredAt().toString());
            generator.writeStringField("actor", row.actor());
            generator.writeStringField("action", row.action());
            generator.writeStringField("entityType", row.entityType());
            generator.writeStringField("entityId", row.entityId());
            if (row.releaseId() == null) {
                generator.writeNullField("releaseId");
            } else {
                generator.writeNumberField("releaseId", row.releaseId());
            }
            payload("before", row.withheld(), row.before());
            payload("after", row.withheld(), row.after());
            generator.writeStringField("prevHash", row.prevHash());
            generator.writeStringField("hash", row.hash());
            generator.writeNumberField("hashVersion", row.hashVersion());
            generator.writeBooleanField("withheld", row.withheld());
            generator.writeEndObject();
        }

        private void payload(String field, boolean withheld, String rawJson) throws IOException {
            generator.writeFieldName(field);
            if (withheld) {
                generator.writeString(Withholding.SHOWN);
            } else if (rawJson == null) {
                generator.writeNull();
            } else {
                generator.writeRawValue(rawJson);
            }
        }

        @Override
        public void close() throws IOException {
            generator.writeEndArray();
            generator.close();
        }
    }

    private void stream(Withholding withholding, long throughId, Instant start, Instant end, Sink sink)
            throws IOException {
        try (Connection connection = dataSource.getConnection(); Sink out = sink) {
            // a server-side cursor needs a transaction; the export only reads
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            try (PreparedStatement statement = connection.prepareStatement(EXPORT_QUERY)) {
                statement.setFetchSize(FETCH_SIZE);
                statement.setTimestamp(1, Timestamp.from(start));
                statement.setTimestamp(2, Timestamp.from(end));
                statement.setLong(3, throughId);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        out.row(Row.read(rows, withholding));
                    }
                }
            } finally {
                connection.rollback();
            }
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("Audit export failed", e);
        }
    }
}

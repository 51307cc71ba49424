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

import dev.greenlight.web.InvalidInputException;

import javax.sql.DataSource;

/**
 * The log between two instants as CSV or JSON, written row by row from a database cursor (a transaction, a fetch
 * size): memory stays flat for millions of rows. The API and the audit page both download through it.
 */
@ApplicationScoped
class AuditExport {
    /** Rows the driver holds at a time. */
    static final int FETCH_SIZE = 1000;
    private static final String EXPORT_QUERY = "select id, occurred_at, actor, action, entity_type, entity_id, "
            + "release_id, before_state::text, after_state::text, prev_hash, hash, hash_version from audit_event "
            + "where occurred_at >= ? and occurred_at < ? order by id";

    private final DataSource dataSource;
    private final ObjectMapper json;

    @Inject
    AuditExport(DataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /** A download of the events with {@code start <= occurred_at < end}. */
    Response response(String format, Instant start, Instant end) {
        if (!end.isAfter(start)) {
            throw new InvalidInputException("to", "must be after from");
        }
        if (!"csv".equals(format) && !"json".equals(format)) {
            throw new InvalidInputException("format", "must be csv or json");
        }
        StreamingOutput body = out -> write(format, start, end, out);
        String name = "greenlight-audit-" + start.toString().replace(':', '-') + "--" + end.toString().replace(':', '-')
                + "." + format;
        return Response.ok(body, format.equals("csv") ? "text/csv; charset=utf-8" : MediaType.APPLICATION_JSON)
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .build();
    }

    void write(String format, Instant start, Instant end, OutputStream out) throws IOException {
        Sink sink = "csv".equals(format)
                ? new CsvSink(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8)))
                : new JsonSink(json.getFactory().createGenerator(out));
        stream(start, end, sink);
    }

    private interface Sink extends AutoCloseable {
        void row(ResultSet rows) throws Exception;

        @Override
        void close() throws IOException;
    }

    private static final class CsvSink implements Sink {
        private final CSVPrinter printer;

        CsvSink(Writer writer) throws IOException {
            printer = CSVFormat.RFC4180.builder()
                    .setHeader("id", "occurred_at", "actor", "action", "entity_type", "entity_id", "release_id",
                            "before", "after", "prev_hash", "hash", "hash_version")
                    .get()
                    .print(writer);
        }

        @Override
        public void row(ResultSet rows) throws Exception {
            printer.printRecord(rows.getLong(1), rows.getTimestamp(2).toInstant(), cell(rows.getString(3)),
                    cell(rows.getString(4)), cell(rows.getString(5)), cell(rows.getString(6)), rows.getObject(7),
                    cell(rows.getString(8)), cell(rows.getString(9)), cell(rows.getString(10)),
                    cell(rows.getString(11)), rows.getShort(12));
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
        public void row(ResultSet rows) throws Exception {
            generator.writeStartObject();
            generator.writeNumberField("id", rows.getLong(1));
            generator.writeStringField("occurredAt", rows.getTimestamp(2).toInstant().toString());
            generator.writeStringField("actor", rows.getString(3));
            generator.writeStringField("action", rows.getString(4));
            generator.writeStringField("entityType", rows.getString(5));
            generator.writeStringField("entityId", rows.getString(6));
            long release = rows.getLong(7);
            if (rows.wasNull()) {
                generator.writeNullField("releaseId");
            } else {
                generator.writeNumberField("releaseId", release);
            }
            rawOrNull("before", rows.getString(8));
            rawOrNull("after", rows.getString(9));
            generator.writeStringField("prevHash", rows.getString(10));
            generator.writeStringField("hash", rows.getString(11));
            generator.writeNumberField("hashVersion", rows.getShort(12));
            generator.writeEndObject();
        }

        private void rawOrNull(String field, String rawJson) throws IOException {
            generator.writeFieldName(field);
            if (rawJson == null) {
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

    private void stream(Instant start, Instant end, Sink sink) throws IOException {
        try (Connection connection = dataSource.getConnection(); Sink out = sink) {
            // a server-side cursor needs a transaction; the export only reads
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            try (PreparedStatement statement = connection.prepareStatement(EXPORT_QUERY)) {
                statement.setFetchSize(FETCH_SIZE);
                statement.setTimestamp(1, Timestamp.from(start));
                statement.setTimestamp(2, Timestamp.from(end));
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        out.row(rows);
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

package dev.greenlight.audit;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.greenlight.web.InvalidInputException;

import javax.sql.DataSource;

/** The audit log for auditors and tools: search, chain verification, and streamed exports. */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
class AuditApi {
    static final int MAX_PAGE = 500;
    private static final String EXPORT_QUERY = "select id, occurred_at, actor, action, entity_type, entity_id, "
            + "release_id, before_state::text, after_state::text, prev_hash, hash from audit_event "
            + "where occurred_at >= ? and occurred_at < ? order by id";

    private final AuditLog audit;
    private final DataSource dataSource;
    private final ObjectMapper json;

    @Inject
    AuditApi(AuditLog audit, DataSource dataSource, ObjectMapper json) {
        this.audit = audit;
        this.dataSource = dataSource;
        this.json = json;
    }

    @GET
    public AuditPage search(@QueryParam("actor") String actor, @QueryParam("action") String action,
            @QueryParam("release") Long release, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("before") Long before, @QueryParam("size") @DefaultValue("50") int size) {
        if (size < 1 || size > MAX_PAGE) {
            throw new InvalidInputException("size", "must be between 1 and " + MAX_PAGE);
        }
        return audit.search(new AuditQuery(actor, action, release, instant("from", from), instant("to", to), before,
                size));
    }

    /** "Intact through event N", or the first broken link and why. */
    @GET
    @Path("/verification")
    public AuditLog.ChainVerification verify() {
        return audit.verify();
    }

    /**
     * The log between two instants as CSV or JSON, written row by row from a database cursor: memory stays flat for
     * millions of rows.
     */
    @GET
    @Path("/export")
    @Produces({"text/csv", MediaType.APPLICATION_JSON})
    public Response export(@QueryParam("format") @DefaultValue("csv") String format, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        Instant start = from == null ? Instant.EPOCH : instant("from", from);
        Instant end = to == null ? Instant.now().plusSeconds(1) : instant("to", to);
        if (!end.isAfter(start)) {
            throw new InvalidInputException("to", "must be after from");
        }
        StreamingOutput body = switch (format) {
            case "csv" -> out -> stream(start, end, new CsvSink(new BufferedWriter(
                    new OutputStreamWriter(out, StandardCharsets.UTF_8))));
            case "json" -> out -> stream(start, end, new JsonSink(json.getFactory().createGenerator(out)));
            default -> throw new InvalidInputException("format", "must be csv or json");
        };
        String name = "greenlight-audit-" + start.toString().replace(':', '-') + "--" + end.toString().replace(':', '-')
                + "." + format;
        return Response.ok(body, format.equals("csv") ? "text/csv; charset=utf-8" : MediaType.APPLICATION_JSON)
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .build();
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
                            "before", "after", "prev_hash", "hash")
                    .get()
                    .print(writer);
        }

        @Override
        public void row(ResultSet rows) throws Exception {
            printer.printRecord(rows.getLong(1), rows.getTimestamp(2).toInstant(), rows.getString(3),
                    rows.getString(4), rows.getString(5), rows.getString(6), rows.getObject(7), rows.getString(8),
                    rows.getString(9), rows.getString(10), rows.getString(11));
        }

        @Override
        public void close() throws IOException {
            printer.close(true);
        }
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
                statement.setFetchSize(1000);
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

    private static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "must be an ISO-8601 instant such as 2026-11-01T00:00:00Z");
        }
    }
}

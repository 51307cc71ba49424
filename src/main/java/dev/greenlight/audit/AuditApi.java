package dev.greenlight.audit;

import java.time.Clock;
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

import dev.greenlight.web.InvalidInputException;

/** The audit log for auditors and tools: search, chain verification, and streamed exports. */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
class AuditApi {
    static final int MAX_PAGE = 500;
    private final AuditLog audit;
    private final AuditExport exports;
    private final Clock clock;

    @Inject
    AuditApi(AuditLog audit, AuditExport exports, Clock clock) {
        this.audit = audit;
        this.exports = exports;
        this.clock = clock;
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
        Instant end = to == null ? clock.instant().plusSeconds(1) : instant("to", to);
        return exports.response(format, start, end);
    }

    static Instant instant(String field, String value) {
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

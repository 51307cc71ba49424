package dev.greenlight.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.greenlight.common.ConflictException;
import dev.greenlight.common.InvalidInputException;
import dev.greenlight.security.CurrentUser;
import dev.greenlight.security.Roles;

/**
 * The audit log for auditors and tools: search, chain verification, signed checkpoints, and streamed exports. The search
 * and the exports withhold what concerns a security incident the caller may not see ({@link Withholding}); the
 * verification reveals no content and is the same for everyone.
 */
@Tag(name = "Audit", description = "The append-only audit log: search, hash-chain verification, signed checkpoints and exports.")
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
class AuditApi {
    static final int MAX_PAGE = 500;
    private final AuditLog audit;
    private final AuditExport exports;
    private final AuditCheckpoints checkpoints;
    private final CurrentUser user;
    private final Clock clock;

    @Inject
    AuditApi(AuditLog audit, AuditExport exports, AuditCheckpoints checkpoints, CurrentUser user, Clock clock) {
        this.audit = audit;
        this.exports = exports;
        this.checkpoints = checkpoints;
        this.user = user;
        this.clock = clock;
    }

    @Operation(summary = "Search the audit log, newest first")
    @GET
    public AuditPage search(@QueryParam("actor") String actor, @QueryParam("action") String action,
            @QueryParam("release") Long release, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("before") Long before, @QueryParam("size") @DefaultValue("50") int size) {
        if (size < 1 || size > MAX_PAGE) {
            throw new InvalidInputException("size", "must be between 1 and " + MAX_PAGE);
        }
        return audit.search(user.actor(), new AuditQuery(actor, action, release, instant("from", from),
                instant("to", to), before, size));
    }

    /** "Intact through event N", or every broken link and checkpoint and why. */
    @Operation(summary = "Verify the audit log's hash chain")
    @GET
    @Path("/verification")
    public AuditLog.ChainVerification verify() {
        return audit.verify();
    }

    /** Signs the chain's head now (the scheduler does it periodically): 201, or 200 when it is already signed. */
    @Operation(summary = "Sign a checkpoint of the chain's head now")
    @POST
    @Path("/checkpoints")
    @RolesAllowed(Roles.ADMIN)
    public Response checkpoint() {
        AuditCheckpoints.Taken taken = checkpoints.take(user.actor().username())
                .orElseThrow(() -> new ConflictException("The audit log is empty: there is nothing to sign yet."));
        return Response.status(taken.created() ? 201 : 200).entity(taken.checkpoint()).build();
    }

    /** Every checkpoint and the public keys to verify them offline, streamed. */
    @Operation(summary = "List the signed checkpoints")
    @GET
    @Path("/checkpoints")
    public Response checkpoints() {
        StreamingOutput body = checkpoints::export;
        return Response.ok(body, MediaType.APPLICATION_JSON).build();
    }

    /**
     * The log between two instants as CSV or JSON, written row by row from a database cursor: memory stays flat for
     * millions of rows. Events the caller may not read in full are marked withheld ({@link Withholding}).
     */
    @Operation(summary = "Export the audit log between two instants as CSV or JSON")
    @GET
    @Path("/export")
    @Produces({"text/csv", MediaType.APPLICATION_JSON})
    public Response export(@QueryParam("format") @DefaultValue("csv") String format, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        Instant start = from == null ? Instant.EPOCH : instant("from", from);
        Instant end = to == null ? clock.instant().plusSeconds(1) : instant("to", to);
        return exports.response(user.actor(), format, start, end);
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

package dev.greenlight.audit;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateInstance;

import dev.greenlight.common.FieldError;
import dev.greenlight.common.InvalidInputException;
import dev.greenlight.security.CurrentUser;

/**
 * The audit log for auditors: filters, keyset pages ("older"), a link from each event to its subject, downloads for the
 * chosen dates, and the chain's verification. Any Greenlight role may read it, like the rest of the portal; events that
 * concern a security incident the reader may not see keep their rows but not their content ({@link Withholding}).
 */
@Path("/audit")
@Produces(MediaType.TEXT_HTML)
class AuditPages {
    static final int PAGE_SIZE = 50;

    private final AuditLog audit;
    private final AuditExport exports;
    private final AuditCheckpoints checkpoints;
    private final CurrentUser user;
    private final Clock clock;

    @Inject
    AuditPages(AuditLog audit, AuditExport exports, AuditCheckpoints checkpoints, CurrentUser user, Clock clock) {
        this.audit = audit;
        this.exports = exports;
        this.checkpoints = checkpoints;
        this.user = user;
        this.clock = clock;
    }

    /** The filters as typed, echoed back into the form and carried by the "older" and download links. */
    record Filters(String actor, String action, String release, String from, String to) {
        /** The filters as a query string, without a leading "&". */
        public String query() {
            StringBuilder q = new StringBuilder();
            append(q, "actor", actor);
            append(q, "action", action);
            append(q, "release", release);
            append(q, "from", from);
            append(q, "to", to);
            return q.isEmpty() ? "" : q.substring(1);
        }

        /** The query string of the download links: the filters' dates. */
        public String dateQuery() {
            StringBuilder q = new StringBuilder();
            append(q, "from", from);
            append(q, "to", to);
            return q.toString();
        }

        private static void append(StringBuilder q, String name, String value) {
            if (value != null && !value.isBlank()) {
                q.append('&').append(name).append('=').append(URLEncoder.encode(value.strip(), StandardCharsets.UTF_8));
            }
        }
    }

    /** One event on the page, with where its subject and its release are shown. */
    record Row(AuditEventView event, String subjectHref) {
        /** Why its content is left out, or null when it is not. */
        public String withheld() {
            return event.withheld() ? Withholding.SHOWN : null;
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance log(List<Row> rows, Filters filters, Long nextBefore, boolean paged,
                List<FieldError> errors, String nav);

        static native TemplateInstance verification(AuditLog.ChainVerification result, Long newestShown,
                Long brokenShown, String nav);
    }

    @GET
    public Response log(@QueryParam("actor") String actor, @QueryParam("action") String action,
            @QueryParam("release") String release, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("before") Long before) {
        Filters filters = new Filters(actor, action, release, from, to);
        List<FieldError> errors = new ArrayList<>();
        Long releaseId = releaseId(release, errors);
        Instant start = day("from", from, false, errors);
        Instant end = day("to", to, true, errors);
        if (!errors.isEmpty()) {
            return Response.status(400)
                    .entity(Templates.log(List.of(), filters, null, false, errors, "audit"))
                    .build();
        }
        AuditPage page = audit.search(user.actor(),
                new AuditQuery(actor, action, releaseId, start, end, before, PAGE_SIZE));
        List<Row> rows = page.events().stream().map(e -> new Row(e, AuditSubjects.href(e))).toList();
        return Response.ok(Templates.log(rows, filters, page.nextBefore(), before != null, List.of(), "audit"))
                .build();
    }

    /** The filters' dates as CSV or JSON, streamed; the same file as {@code /api/v1/audit/export}. */
    @GET
    @Path("/export")
    @Produces({"text/csv", MediaType.APPLICATION_JSON})
    public Response export(@QueryParam("format") @DefaultValue("csv") String format, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        List<FieldError> errors = new ArrayList<>();
        Instant start = day("from", from, false, errors);
        Instant end = day("to", to, true, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return exports.response(user.actor(), format, start == null ? Instant.EPOCH : start,
                end == null ? clock.instant().plusSeconds(1) : end);
    }

    /** The signed checkpoints and their public keys, as {@code /api/v1/audit/checkpoints} downloads them. */
    @GET
    @Path("/checkpoints")
    @Produces(MediaType.APPLICATION_JSON)
    public Response checkpoints() {
        StreamingOutput body = checkpoints::export;
        return Response.ok(body, MediaType.APPLICATION_JSON)
                .header("Content-Disposition", "attachment; filename=\"greenlight-audit-checkpoints.json\"")
                .build();
    }

    /** Where the log page shows a broken event: "before" pages start just above it. */
    @TemplateExtension
    static Long logBefore(AuditLog.Break found) {
        return found.eventId() == null ? null : found.eventId() + 1;
    }

    /** Read-only: walks the whole chain and says "intact through event N" or where and why it breaks. */
    @GET
    @Path("/verification")
    public TemplateInstance verification() {
        AuditLog.ChainVerification result = audit.verify();
        // "before" pages start just above an event: these links open the log at the last good and the broken event
        return Templates.verification(result, result.lastIntactId() == null ? null : result.lastIntactId() + 1,
                result.brokenAtId() == null ? null : result.brokenAtId() + 1, "audit");
    }

    private static Long releaseId(String release, List<FieldError> errors) {
        if (release == null || release.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(release.strip().replaceFirst("^#", ""));
        } catch (NumberFormatException e) {
            errors.add(new FieldError("release", "must be a release number such as 42"));
            return null;
        }
    }

    /**
     * A date (UTC) or an instant. A date in "to" includes that whole day: the page's range is inclusive, the query's
     * end exclusive.
     */
    private static Instant day(String field, String value, boolean endOfDay, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            LocalDate date = LocalDate.parse(v);
            return (endOfDay ? date.plusDays(1) : date).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException notADate) {
            try {
                return Instant.parse(v);
            } catch (DateTimeParseException e) {
                errors.add(new FieldError(field, "must be a date such as 2026-11-01 (UTC)"));
                return null;
            }
        }
    }
}

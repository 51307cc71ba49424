package dev.greenlight.metrics;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.greenlight.common.InvalidInputException;

/** The release metrics as JSON, the same figures as the page. */
@Tag(name = "Metrics", description = "Release governance figures over a period.")
@Path("/api/v1/metrics")
@Produces(MediaType.APPLICATION_JSON)
class MetricsApi {
    private final MetricsService metrics;

    @Inject
    MetricsApi(MetricsService metrics) {
        this.metrics = metrics;
    }

    @Operation(summary = "Get the metrics report for a period")
    @GET
    public MetricsReport report(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("bucket") String bucket, @QueryParam("package") String packageName) {
        Bucket b = Bucket.parse(bucket);
        if (b == null) {
            throw new InvalidInputException("bucket", "must be week or month");
        }
        return metrics.report(date("from", from), date("to", to), b, packageName);
    }

    static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "must be a date such as 2026-11-02 (UTC)");
        }
    }
}

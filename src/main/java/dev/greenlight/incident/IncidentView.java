package dev.greenlight.incident;

import java.time.Instant;
import java.util.List;

/** An incident as its pages and the API show it. */
public record IncidentView(long id, String title, Severity severity, IncidentStatus status, String impact,
        Instant startedAt, Instant resolvedAt, boolean security, List<String> affectedServices,
        List<Long> affectedReleases, String report, String createdBy, Instant createdAt, Instant updatedAt,
        long version, List<PostmortemSummary> postmortems) {
}

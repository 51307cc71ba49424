package dev.greenlight.changeset;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A stored changeset as pages and the API show it: its author wrote it, {@code submittedBy} sent it. */
public record ChangesetView(String id, String summary, Map<String, String> releases, String author,
        String submittedBy, Instant createdAt, Long releaseId) {

    static ChangesetView of(ChangesetRecord record) {
        Map<String, String> releases = new LinkedHashMap<>();
        record.bumps.forEach(b -> releases.put(b.packageName(), b.bump()));
        return new ChangesetView(record.slug, record.summary, releases, record.author, record.submittedBy,
                record.createdAt, record.releaseId);
    }

    public boolean isPending() {
        return releaseId == null;
    }
}

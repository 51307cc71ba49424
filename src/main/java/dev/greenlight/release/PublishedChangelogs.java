package dev.greenlight.release;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The changelogs of releases that were published, per package: what public release notes may show. A release counts
 * once it was published, whatever happened after (validated, rolled back); drafts and releases under review or
 * approved never do, so nothing here can name one.
 */
@ApplicationScoped
public class PublishedChangelogs {
    /** The states a release reaches only through publishing. */
    private static final List<ReleaseState> PUBLISHED_STATES = List.of(ReleaseState.PUBLISHED, ReleaseState.VALIDATED,
            ReleaseState.ROLLED_BACK);

    /** A package with published changelogs: its latest published version. */
    public record PublishedPackage(String name, String latestVersion, Instant latestPublishedAt) {
    }

    /** One package's changelog in one published release; {@code updatedAt} moves when the release is rolled back. */
    public record Entry(long releaseId, String packageName, String version, String bump, String changelog,
            String preRelease, ReleaseState state, Instant publishedAt, Instant updatedAt) {

        public boolean isRolledBack() { return state == ReleaseState.ROLLED_BACK; }
    }

    /** Entries newest first; {@code nextBefore} continues after them (keyset on the release id). */
    public record Page(List<Entry> entries, boolean hasNext, Long nextBefore) {
    }

    /** Packages with at least one published changelog, by name, at most {@code limit} of them. */
    public List<PublishedPackage> packages(int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Release.getEntityManager()
                .createNativeQuery("select distinct on (p.package_name) p.package_name, p.new_version, r.published_at"
                        + " from release_package p join release r on r.id = p.release_id"
                        + " where r.published_at is not null and r.state in (:states)"
                        + " order by p.package_name, r.published_at desc, r.id desc")
                .setParameter("states", PUBLISHED_STATES.stream().map(Enum::name).toList())
                .setMaxResults(limit)
                .getResultList();
        return rows.stream()
                .map(row -> new PublishedPackage((String) row[0], (String) row[1], toInstant(row[2])))
                .toList();
    }

    /**
     * The package's published changelogs, newest publication first: {@code size} of them after the release
     * {@code before} (null: from the newest).
     */
    public Page of(String packageName, Long before, int size) {
        StringBuilder query = new StringBuilder("select r.id, p.name, p.newVersion, p.bump, p.changelog, r.preRelease,"
                + " r.state, r.publishedAt, r.updatedAt from Release r join r.packages p"
                + " where p.name = :name and r.publishedAt is not null and r.state in :states");
        Instant cursorAt = null;
        if (before != null) {
            cursorAt = publishedAt(before);
            if (cursorAt == null) {
                return new Page(List.of(), false, null);
            }
            query.append(" and (r.publishedAt < :at or (r.publishedAt = :at and r.id < :before))");
        }
        query.append(" order by r.publishedAt desc, r.id desc");
        var typed = Release.getEntityManager()
                .createQuery(query.toString(), Object[].class)
                .setParameter("name", packageName)
                .setParameter("states", PUBLISHED_STATES);
        if (before != null) {
            typed.setParameter("at", cursorAt).setParameter("before", before);
        }
        // one row more than shown says whether another page follows
        List<Entry> found = typed.setMaxResults(size + 1)
                .getResultStream()
                .map(row -> new Entry((Long) row[0], (String) row[1], (String) row[2], (String) row[3],
                        (String) row[4], (String) row[5], (ReleaseState) row[6], (Instant) row[7], (Instant) row[8]))
                .toList();
        boolean hasNext = found.size() > size;
        List<Entry> entries = hasNext ? found.subList(0, size) : found;
        return new Page(entries, hasNext, hasNext ? entries.get(entries.size() - 1).releaseId() : null);
    }

    /**
     * Per package of a published release, the version tag it replaced, as {@link ReleaseService#previousTags} finds
     * it (the latest earlier publication that was not rolled back), for all its packages in one query.
     */
    public Map<String, String> previousTags(ReleaseView release) {
        Map<String, String> tags = new LinkedHashMap<>();
        if (release.publication() == null || release.packages().isEmpty()) {
            return tags;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Release.getEntityManager()
                .createNativeQuery("select distinct on (p.package_name) p.package_name, p.new_version"
                        + " from release_package p join release r on r.id = p.release_id"
                        + " where p.package_name in (:names) and r.state in ('PUBLISHED', 'VALIDATED')"
                        + " and r.published_at is not null"
                        + " and (r.published_at < :at or (r.published_at = :at and r.id < :id))"
                        + " order by p.package_name, r.published_at desc, r.id desc")
                .setParameter("names", release.packages().stream().map(ReleaseView.PackageChange::name).toList())
                .setParameter("at", release.publication().publishedAt())
                .setParameter("id", release.id())
                .getResultList();
        rows.forEach(row -> tags.put((String) row[0], row[0] + "@" + row[1]));
        return tags;
    }

    private static Instant publishedAt(long releaseId) {
        return Release.getEntityManager()
                .createQuery("select r.publishedAt from Release r where r.id = :id and r.publishedAt is not null"
                        + " and r.state in :states", Instant.class)
                .setParameter("id", releaseId)
                .setParameter("states", PUBLISHED_STATES)
                .getResultStream()
                .findFirst()
                .orElse(null);
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        throw new IllegalStateException("Unexpected timestamp type " + value.getClass());
    }
}

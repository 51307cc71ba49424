package dev.greenlight.release;

import java.time.Instant;
import java.util.List;

/** A release as pages and the API show it. */
public record ReleaseView(long id, String title, ReleaseState state, String preRelease, String stateReason,
        String createdBy, Instant createdAt, Instant updatedAt, int contentVersion, List<PackageChange> packages,
        Publication publication) {

    /** Who published it and when, its tags, and CI's merge and production deploy times. */
    public record Publication(String publishedBy, Instant publishedAt, List<String> tags, Instant mergedAt,
            Instant deployedAt) {
    }

    /** One package the release bumps. */
    public record PackageChange(String name, String oldVersion, String newVersion, String type, String changelog) {
    }

    static ReleaseView of(Release release) {
        return new ReleaseView(release.id, release.title, release.state, release.preRelease, release.stateReason,
                release.createdBy, release.createdAt, release.updatedAt, release.contentVersion,
                release.packages.stream()
                        .map(p -> new PackageChange(p.name(), p.oldVersion(), p.newVersion(), p.bump(), p.changelog()))
                        .toList(),
                release.publishedAt == null
                        ? null
                        : new Publication(release.publishedBy, release.publishedAt, release.tags, release.mergedAt,
                                release.deployedAt));
    }

    public boolean hasMajorBump() {
        return packages.stream().anyMatch(p -> "major".equals(p.type()));
    }

    /** "@neuronx/core 1.3.0, @neuronx/api 2.0.1": what a list row says the release ships. */
    public String versionsSummary() {
        return String.join(", ", packages.stream().map(p -> p.name() + " " + p.newVersion()).toList());
    }
}

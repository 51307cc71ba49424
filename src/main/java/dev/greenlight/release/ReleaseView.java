package dev.greenlight.release;

import java.time.Instant;
import java.util.List;

/** A release as pages and the API show it. */
public record ReleaseView(long id, String title, ReleaseState state, String preRelease, String stateReason,
        String createdBy, Instant createdAt, Instant updatedAt, List<PackageChange> packages) {

    /** One package the release bumps. */
    public record PackageChange(String name, String oldVersion, String newVersion, String type, String changelog) {
    }

    static ReleaseView of(Release release) {
        return new ReleaseView(release.id, release.title, release.state, release.preRelease, release.stateReason,
                release.createdBy, release.createdAt, release.updatedAt,
                release.packages.stream()
                        .map(p -> new PackageChange(p.name(), p.oldVersion(), p.newVersion(), p.bump(), p.changelog()))
                        .toList());
    }

    /** "@neuronx/core 1.3.0, @neuronx/api 2.0.1": what a list row says the release ships. */
    public String versionsSummary() {
        return String.join(", ", packages.stream().map(p -> p.name() + " " + p.newVersion()).toList());
    }
}

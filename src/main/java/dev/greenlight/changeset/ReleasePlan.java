package dev.greenlight.changeset;

import dev.greenlight.workspace.PackageManifest;
import java.util.List;

/**
 * What {@code changeset version} would do.
 *
 * @param releases the packages that get versioned, in the order Changesets assembles them: packages named by
 *        changesets (in changeset file name order), then dependents in the order they were found
 * @param packages every input package, in input order, with its new version and rewritten dependency ranges
 */
public record ReleasePlan(List<PlannedRelease> releases, List<PackageManifest> packages) {

    public ReleasePlan {
        releases = List.copyOf(releases);
        packages = List.copyOf(packages);
    }
}

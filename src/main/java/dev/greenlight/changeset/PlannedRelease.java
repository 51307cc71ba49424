package dev.greenlight.changeset;

import java.util.List;

/**
 * One package in a release plan.
 *
 * @param type the release type; {@link BumpType#NONE} for packages that are only listed because a dev dependency
 *        range gets rewritten (their version does not change)
 * @param changesetIds the changesets that asked for this release, in file name order; empty for packages released
 *        only because a dependency left their range
 * @param changelog the entry {@code changeset version} writes into CHANGELOG.md for {@code newVersion}, from the
 *        "## version" heading to its last line, without trailing newline; empty when the tool writes none (type
 *        none)
 */
public record PlannedRelease(String name, String oldVersion, String newVersion, BumpType type,
        List<String> changesetIds, String changelog) {

    public PlannedRelease {
        changesetIds = List.copyOf(changesetIds);
    }
}

package dev.greenlight.release;

import java.util.List;
import java.util.Set;

/** What other features need to know about a release to judge it, without reading its tables. */
public record ReleaseFacts(long id, String title, ReleaseState state, String createdBy, int contentVersion,
        Set<String> changesetAuthors, List<String> changesetSummaries, boolean hasMajorBump,
        List<ReleaseView.PackageChange> packages) {
}

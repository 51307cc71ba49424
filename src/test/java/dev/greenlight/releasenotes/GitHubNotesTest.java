package dev.greenlight.releasenotes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.greenlight.changeset.ChangesetView;
import dev.greenlight.release.ReleaseState;
import dev.greenlight.release.ReleaseView;

class GitHubNotesTest {
    private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");

    private static ReleaseView release(ReleaseState state, List<ReleaseView.PackageChange> packages) {
        return new ReleaseView(7, "Spring", state, null, null, "alice", AT, AT, 1, packages,
                new ReleaseView.Publication("max", AT, List.of(), null, null));
    }

    private static ChangesetView changeset(String summary, String author, Map<String, String> releases) {
        return new ChangesetView("cs-" + author, summary, releases, author, author, AT, 7L);
    }

    @Test
    void sectionsPerPackageWithABulletPerChangesetItsAuthorAndTheCompareRanges() {
        ReleaseView release = release(ReleaseState.PUBLISHED, List.of(
                new ReleaseView.PackageChange("@neuronx/core", "1.4.2", "1.5.0", "minor",
                        "## 1.5.0\n\n### Minor Changes\n\n- Tracing\n"),
                new ReleaseView.PackageChange("@neuronx/api", "2.1.0", "3.0.0", "major",
                        "## 3.0.0\n\n### Major Changes\n\n- Drop v1\n\n### Patch Changes\n\n- Updated dependencies\n"
                                + "  - @neuronx/core@1.5.0\n"),
                new ReleaseView.PackageChange("tiny", "0.1.0", "0.1.1", "patch",
                        "## 0.1.1\n\n### Patch Changes\n\n- Updated dependencies\n  - @neuronx/core@1.5.0\n")));
        List<ChangesetView> changesets = List.of(
                changeset("Tracing\n\nSpans for every request.", "alice", Map.of("@neuronx/core", "minor")),
                changeset("Drop v1", "bob", Map.of("@neuronx/api", "major", "tiny", "none")));

        String notes = GitHubNotes.of(release, changesets,
                Map.of("@neuronx/core", "@neuronx/core@1.4.2", "@neuronx/api", "@neuronx/api@2.1.0"));

        assertThat(notes).isEqualTo("""
                ## What's Changed

                ### `@neuronx/core` 1.5.0

                * Tracing by @alice

                  Spans for every request.

                ### `@neuronx/api` 3.0.0

                * Drop v1 by @bob
                * Updated dependencies: `@neuronx/core@1.5.0`

                ### `tiny` 0.1.1

                * Updated dependencies: `@neuronx/core@1.5.0`

                **Full Changelog**: `@neuronx/core@1.4.2...@neuronx/core@1.5.0`, \
                `@neuronx/api@2.1.0...@neuronx/api@3.0.0`, `tiny@0.1.1` (first release)
                """);
    }

    @Test
    void aRolledBackReleaseSaysSoFirst() {
        ReleaseView release = release(ReleaseState.ROLLED_BACK, List.of(
                new ReleaseView.PackageChange("@neuronx/ui", "3.2.0", "3.2.1", "patch", "## 3.2.1\n")));

        String notes = GitHubNotes.of(release, List.of(), Map.of());

        assertThat(notes).startsWith("> [!WARNING]\n> This release was rolled back.\n\n## What's Changed\n")
                .contains("* Version bump only\n");
    }
}

package dev.greenlight.changeset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Entries whose summaries hold Markdown, each expected text as `changeset version` (prettier 2.8.8) writes it. */
class ChangelogEntryTest {

    private static String entry(BumpType type, String summary) {
        ChangelogEntry entry = new ChangelogEntry();
        entry.addSummary(type, summary);
        return entry.render("1.0.0");
    }

    @Test
    void listRightAfterAParagraphLineIsSetOffAndMakesTheItemLoose() {
        ChangelogEntry entry = new ChangelogEntry();
        entry.addSummary(BumpType.PATCH, "Add caching:\n- for `get()`\n- for `list()`\n\nMeasured on CI.");
        entry.addSummary(BumpType.PATCH, "Fix typo");

        assertThat(entry.render("1.0.0")).isEqualTo("""
                ## 1.0.0

                ### Patch Changes

                - Add caching:

                  - for `get()`
                  - for `list()`

                  Measured on CI.

                - Fix typo""");
    }

    @Test
    void adjacentListsAlternateTheirMarkers() {
        assertThat(entry(BumpType.MINOR, "Two lists:\n\n- one\n- two\n* three\n+ four")).isEqualTo("""
                ## 1.0.0

                ### Minor Changes

                - Two lists:

                  - one
                  - two

                  * three

                  - four""");
    }

    @Test
    void orderedListsKeepOrRenumberTheirNumbers() {
        assertThat(entry(BumpType.MAJOR, "Steps:\n\n1) build\n2) test\n\nAlso:\n\n1. a\n1. b")).isEqualTo("""
                ## 1.0.0

                ### Major Changes

                - Steps:

                  1. build
                  2. test

                  Also:

                  1. a
                  1. b""");
    }

    @Test
    void codeSpansKeepTheirTextWhileBlanksOutsideThemCollapse() {
        assertThat(entry(BumpType.PATCH, "Use `` `ticks` `` and ` spaced ` and `a  b`   with   gaps")).isEqualTo("""
                ## 1.0.0

                ### Patch Changes

                - Use `` `ticks` `` and `spaced` and `a  b` with gaps""");
    }

    @Test
    void updatedDependenciesJoinAListTheSummaryEndsWith() {
        ChangelogEntry entry = new ChangelogEntry();
        entry.addSummary(BumpType.PATCH, "Ends with a list:\n\n- first");
        entry.addDependencyUpdates(0, List.of("@nx/core@1.0.1", "@nx/ui@2.0.0"));

        assertThat(entry.render("1.0.0")).isEqualTo("""
                ## 1.0.0

                ### Patch Changes

                - Ends with a list:

                  - first
                  - @nx/core@1.0.1
                  - @nx/ui@2.0.0""");
    }

    @Test
    void aLineStartingLikeAnOrderedItemOtherThanOneStaysInItsParagraph() {
        assertThat(entry(BumpType.PATCH, "Numbers in text\n2. is not a list here")).isEqualTo("""
                ## 1.0.0

                ### Patch Changes

                - Numbers in text 2. is not a list here""");
    }
}

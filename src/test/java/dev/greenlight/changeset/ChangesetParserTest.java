package dev.greenlight.changeset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import org.junit.jupiter.api.Test;

class ChangesetParserTest {

    private final ChangesetParser parser = new ChangesetParser();

    @Test
    void readsFrontMatterInOrderAndTrimmedSummary() {
        Changeset changeset = parser.parse("brave-cats-dance.md", """
                ---
                "@neuronx/ui": minor
                '@neuronx/core': patch
                plain-name: none
                ---

                Add dark mode
                  to every page

                """);

        assertThat(changeset.id()).isEqualTo("brave-cats-dance");
        assertThat(changeset.releases()).containsExactly(entry("@neuronx/ui", BumpType.MINOR),
                entry("@neuronx/core", BumpType.PATCH), entry("plain-name", BumpType.NONE));
        assertThat(changeset.summary()).isEqualTo("Add dark mode\n  to every page");
    }

    @Test
    void idDropsTheFirstMdOnly() {
        assertThat(parser.parse("notes.md.md", "---\na: patch\n---\n").id()).isEqualTo("notes.md");
    }

    @Test
    void emptyFrontMatterIsAnEmptyChangeset() {
        Changeset changeset = parser.parse("empty.md", "---\n---\n\nDocs only\n");

        assertThat(changeset.releases()).isEmpty();
        assertThat(changeset.summary()).isEqualTo("Docs only");
    }

    @Test
    void textBeforeTheFrontMatterIsIgnoredLikeTheTool() {
        Changeset changeset = parser.parse("x.md", "Preface\n---\na: major\n---\n\nBreaking\n");

        assertThat(changeset.releases()).containsExactly(entry("a", BumpType.MAJOR));
    }

    @Test
    void windowsLineEndingsAreAccepted() {
        Changeset changeset = parser.parse("x.md", "---\r\n\"a\": patch\r\n---\r\n\r\nFix\r\n");

        assertThat(changeset.releases()).containsExactly(entry("a", BumpType.PATCH));
        assertThat(changeset.summary()).isEqualTo("Fix");
    }

    @Test
    void summaryMayContainDashRules() {
        Changeset changeset = parser.parse("x.md", "---\na: patch\n---\n\nBefore\n---\nAfter\n");

        assertThat(changeset.summary()).isEqualTo("Before\n---\nAfter");
    }

    @Test
    void integerLikePackageNamesComeFirstAsInJavaScriptObjects() {
        Changeset changeset = parser.parse("x.md", "---\nb: patch\n\"10\": minor\n\"2\": major\n---\n");

        assertThat(changeset.releases().keySet()).containsExactly("2", "10", "b");
    }

    @Test
    void falsyScalarFrontMatterMeansNoReleases() {
        assertThat(parser.parse("x.md", "---\nfalse\n---\n\nNothing\n").releases()).isEmpty();
    }

    @Test
    void emptyFileIsRejectedOnLineOne() {
        assertProblem("   \n\n", 1, "file is empty");
    }

    @Test
    void missingFrontMatterIsRejectedOnTheFirstTextLine() {
        assertProblem("\n\nJust a summary\n", 3, "missing front matter");
    }

    @Test
    void unclosedFrontMatterIsRejectedWhereItOpens() {
        assertProblem("\n---\na: patch\n\nSummary\n", 2, "front matter is not closed");
    }

    @Test
    void invalidYamlIsRejectedOnItsLine() {
        assertProblem("---\na: patch\nb: minor: major\n---\n\nSummary\n", 3, "invalid YAML in front matter");
    }

    @Test
    void unknownBumpTypeIsRejectedOnItsLine() {
        assertProblem("---\na: patch\nb: Patch\n---\n\nSummary\n", 3, "invalid bump type \"Patch\" for \"b\"");
    }

    @Test
    void yaml11BooleanWordsAreStringsAndRejectedAsBumpTypes() {
        // js-yaml reads YAML 1.2, where "yes" is a string, not a boolean
        assertProblem("---\na: yes\n---\n", 2, "invalid bump type \"yes\" for \"a\"");
    }

    @Test
    void nonStringBumpTypeIsRejectedOnItsLine() {
        assertProblem("---\n\na: 1\n---\n", 3, "invalid bump type for \"a\": expected one of major, minor, patch, "
                + "none, found number 1");
    }

    @Test
    void missingBumpTypeIsRejectedOnItsLine() {
        assertProblem("---\na: patch\nb:\n---\n", 3, "found nothing");
    }

    @Test
    void listFrontMatterIsRejected() {
        assertProblem("---\n- a\n---\n", 2, "front matter must map package names to bump types");
    }

    @Test
    void duplicatePackageIsRejectedOnTheSecondOccurrence() {
        assertProblem("---\na: patch\nb: minor\na: major\n---\n", 4, "duplicated mapping key \"a\"");
    }

    @Test
    void blankPackageNameIsRejected() {
        assertProblem("---\n\" \": patch\n---\n", 2, "invalid package name \" \"");
    }

    @Test
    void closingLineFollowedByTextIsNotAFrontMatterEnd() {
        assertProblem("---\na: patch\n--- oops\n\nSummary\n", 1, "front matter is not closed");
    }

    @Test
    void errorMessageStartsWithFileAndLine() {
        assertThatThrownBy(() -> parser.parse("bad.md", "---\na: huge\n---\n"))
                .hasMessageStartingWith("bad.md:2: invalid bump type \"huge\"");
    }

    private void assertProblem(String markdown, int line, String problem) {
        assertThatThrownBy(() -> parser.parse("bad.md", markdown))
                .isInstanceOfSatisfying(ChangesetFormatException.class, e -> {
                    assertThat(e.fileName()).isEqualTo("bad.md");
                    assertThat(e.problem()).contains(problem);
                    assertThat(e.line()).as("line of: %s", e.problem()).isEqualTo(line);
                });
    }
}

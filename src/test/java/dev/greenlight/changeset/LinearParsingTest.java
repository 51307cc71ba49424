package dev.greenlight.changeset;

import dev.greenlight.workspace.PackageManifest;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.greenlight.common.Limits;

/**
 * Every parser of user input does work in proportion to its input, whatever the input: each pathological input is fed
 * at one tenth of its maximum allowed size and at the maximum, and the steps (characters read by regular expressions,
 * the YAML scanner and hand-written scanners, {@link ParseSteps}) may grow at most {@value #MAX_GROWTH} times as
 * fast as the input: linear work grows about 10 times, quadratic work about 100 times. No clock is involved.
 */
class LinearParsingTest {
    /** Steps may grow this much faster than the input: linear work grows as fast, quadratic work 10 times faster. */
    private static final double MAX_GROWTH = 1.5;

    /** Repeated units that make backtracking regular expressions try every start position, and ranges around them. */
    static Stream<String> rangeUnits() {
        return Stream.of("v", "=", " ", "v ", "= ", "=v", "v=", "0", "1", "00", "0.", "1.", "1.2.", "1.2.3.", "x",
                "x.", "X", "*", "-", "a", "-a", "a-", "+", "+a", "+a.", ".", "<", ">", "<=", ">=", "< ", "> ", "~",
                "^", "~ ", "^ ", "~>", "|", "||", " ||", " - ", "1 - ", "- 1", "1.2.3 ", "1.2.3-", "1.2.3-a.",
                "1.2.3-0.", "1.2.3+", "1.2.3+a.", "v1", "v1.", "1.x ", "x.x.", "^1 ", "~1 ", ">=0.0.0 ", "> 1 ",
                "<1.2.3-a ", "1.2.3-01", "0.0.0-0a", "v 0", "= 1.", ">=v");
    }

    @ParameterizedTest(name = "range made of \"{0}\"")
    @MethodSource("rangeUnits")
    void rangeParsingIsLinear(String unit) {
        assertLinear("range of \"" + unit + "\"", Limits.MAX_RANGE_CHARS, unit, "", "",
                range -> NodeSemver.parseRange(range));
    }

    @ParameterizedTest(name = "range made of \"{0}\" after a version")
    @MethodSource("rangeUnits")
    void rangeParsingIsLinearAfterAVersion(String unit) {
        assertLinear("range \"1.2.3 \" + \"" + unit + "\"", Limits.MAX_RANGE_CHARS, unit, "1.2.3 ", " 1.2.3",
                range -> NodeSemver.parseRange(range));
    }

    /** Files that make the front matter search or the YAML scanner retry; each is {prefix, unit, suffix}. */
    static Stream<Arguments> fileShapes() {
        return Stream.of(
                Arguments.of("", " ", ""),
                Arguments.of("", " ", "x"),
                Arguments.of("---", " ", ""),
                Arguments.of("---", " ", "x"),
                Arguments.of("", "\n", "x"),
                Arguments.of("---", "\n", "x"),
                Arguments.of("", "-", ""),
                Arguments.of("", "---", ""),
                Arguments.of("", "\n---", ""),
                Arguments.of("", "---\n", ""),
                Arguments.of("", "\n--- x", ""),
                Arguments.of("---\n", "\n  --- x", ""),
                Arguments.of("---\n", " \n", "---"),
                Arguments.of("---\na: patch\n---", " ", "x"),
                Arguments.of("---\na: patch\n---", " \t", "x\n"),
                Arguments.of("---\na: patch\n---\n\n", "Summary text ", "\n"),
                Arguments.of("---\na: patch\n---\n\n", "- item\n", ""),
                Arguments.of("---\n", "# a comment\n", "---\n"),
                Arguments.of("---\n", "a", ": patch\n---\n"),
                Arguments.of("---\na: ", "b ", "\n---\n"),
                Arguments.of("---\na: ", "b: ", "\n---\n"),
                Arguments.of("---\na: \"", "\\n", "\"\n---\n"),
                Arguments.of("---\na: '", "''", "'\n---\n"),
                Arguments.of("---\na: ", "1", "\n---\n"),
                Arguments.of("---\na: ", "1_", "e\n---\n"),
                Arguments.of("---\na: ", "0.", "\n---\n"),
                Arguments.of("---\n", "[", "\n---\n"),
                Arguments.of("---\n", "{a: ", "\n---\n"),
                Arguments.of("---\n", "- ", "a\n---\n"),
                Arguments.of("---\n", "? ", "a\n---\n"),
                Arguments.of("---\n", "&a ", "b\n---\n"),
                Arguments.of("---\nx: &a [1]\n", "y: *a\n", "---\n"),
                Arguments.of("---\n", "\t", "a: patch\n---\n"),
                Arguments.of("---\na:", " ", "patch\n---\n"),
                Arguments.of("---\n", " ", "a: patch\n---\n"),
                Arguments.of("---\n", "a\n", "---\n"),
                Arguments.of("---\n", "'a", "\n---\n"),
                Arguments.of("---\n", "!!", "str a\n---\n"));
    }

    @ParameterizedTest(name = "file \"{0}\" + \"{1}\"... + \"{2}\"")
    @MethodSource("fileShapes")
    void changesetFileParsingIsLinear(String prefix, String unit, String suffix) {
        ChangesetParser parser = new ChangesetParser();
        String what = ("file \"" + prefix + "\" + \"" + unit + "\"... + \"" + suffix + "\"").replace("\n", "\\n");
        assertLinear(what, Limits.MAX_FILE_BYTES, unit, prefix, suffix, file -> {
                    try {
                        parser.parse("x.md", file);
                    } catch (ChangesetFormatException refused) {
                        // refused or accepted, the work done is what counts
                    }
                });
    }

    /** Summaries that make Markdown block and inline rules rescan; each is {prefix, unit, suffix}. */
    static Stream<Arguments> summaryShapes() {
        return Stream.of(
                Arguments.of("Summary", "\n\n", "x"),
                Arguments.of("Summary\n\n", "- a\n", ""),
                Arguments.of("Summary\n\n", "- a\n\n", "b"),
                Arguments.of("", "1. a\n", ""),
                Arguments.of("", "  - a\n", ""),
                Arguments.of("", "- ", "a"),
                Arguments.of("", "1. ", "a"),
                Arguments.of("a ", "`", ""),
                Arguments.of("a ", "``a` ", ""),
                Arguments.of("a", "\n", "b"),
                Arguments.of("a", " ", "b"),
                Arguments.of("a", " ", "#"),
                Arguments.of("# a", " ", "b"),
                Arguments.of("# a", " #", ""),
                Arguments.of("", "# a\n", ""),
                Arguments.of("", "***\n", ""),
                Arguments.of("", "a\n-\n", ""),
                Arguments.of("a\n\n", "    a\n\n", ""),
                Arguments.of("", "- a\n  b\n", ""),
                Arguments.of("", "> a\n", ""),
                Arguments.of("a ", "_", "b"),
                Arguments.of("a ", "*", "b"),
                Arguments.of("a ", "_a", ""),
                Arguments.of("a", "\n2. b", ""),
                Arguments.of("- a\n", "\n", "  b"),
                Arguments.of("1.", "\n", "   b"));
    }

    @ParameterizedTest(name = "summary \"{0}\" + \"{1}\"... + \"{2}\"")
    @MethodSource("summaryShapes")
    void changelogFormattingIsLinear(String prefix, String unit, String suffix) {
        String what = ("summary \"" + prefix + "\" + \"" + unit + "\"... + \"" + suffix + "\"").replace("\n", "\\n");
        assertLinear(what, Limits.MAX_SUMMARY_CHARS, unit, prefix, suffix, summary -> {
            ChangelogEntry entry = new ChangelogEntry();
            entry.addSummary(BumpType.PATCH, summary);
            entry.render("1.0.1");
        });
    }

    /** Every dependency's range used to be parsed again in each pass and for each release: 40 packages took seconds. */
    @Test
    void planningParsesEachVersionAndRangeOnce() {
        long small = ParseSteps.count(() -> planFullyConnected(20));
        long large = ParseSteps.count(() -> planFullyConnected(40));
        System.out.printf(Locale.ROOT, "steps planning 20 packages (380 dependencies): %d, 40 packages (1560): %d%n",
                small, large);
        // twice the versions, four times the dependencies (all with the same range)
        assertThat((double) large / small).isLessThanOrEqualTo(2.5);
    }

    private static void planFullyConnected(int packages) {
        List<PackageManifest> workspace = new ArrayList<>();
        for (int i = 0; i < packages; i++) {
            Map<String, String> dependencies = new LinkedHashMap<>();
            for (int j = 0; j < packages; j++) {
                if (j != i) {
                    dependencies.put("p" + j, "^1.0.0");
                }
            }
            // dev dependencies: dependents are rewritten but write no changelog, so parsing is what is counted
            workspace.add(new PackageManifest("p" + i, "1.0.0", null, dependencies, null));
        }
        new ReleasePlanner().plan(workspace, List.of(new Changeset("all", "Break everything", Map.of("p0",
                BumpType.MAJOR))), null);
    }

    private static void assertLinear(String what, int maxLength, String unit, String prefix, String suffix,
            Consumer<String> parse) {
        String large = fill(prefix, unit, suffix, maxLength);
        String small = fill(prefix, unit, suffix, maxLength / 10);
        long smallSteps = ParseSteps.count(() -> parse.accept(small));
        long largeSteps = ParseSteps.count(() -> parse.accept(large));
        double ratio = (double) largeSteps / Math.max(1, smallSteps);
        double sizeRatio = (double) large.length() / small.length();
        System.out.printf(Locale.ROOT, "steps %-60s %6d chars: %8d, %6d chars: %9d, ratio %.1f for %.1fx input%n",
                what, small.length(), smallSteps, large.length(), largeSteps, ratio, sizeRatio);
        assertThat(ratio).as("%s: %d steps at %d characters, %d steps at %d characters", what, smallSteps,
                small.length(), largeSteps, large.length()).isLessThanOrEqualTo(MAX_GROWTH * sizeRatio);
    }

    /** {@code prefix}, then {@code unit} as often as fits, then {@code suffix}, at most {@code length} characters. */
    private static String fill(String prefix, String unit, String suffix, int length) {
        int repeats = Math.max(1, (length - prefix.length() - suffix.length()) / unit.length());
        return prefix + unit.repeat(repeats) + suffix;
    }
}

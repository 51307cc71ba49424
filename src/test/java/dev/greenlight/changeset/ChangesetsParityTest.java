package dev.greenlight.changeset;

import dev.greenlight.workspace.PackageManifest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Checks ReleasePlanner and ChangesetParser against the real @changesets/cli on the workspaces recorded by
 * frontend/parity/generate.mjs, which a normal {@code ./mvnw verify} runs in generate-test-resources.
 */
class ChangesetsParityTest {

    private static final Path CASES = Path.of(System.getProperty("parity.cases", "target/parity/cases.json"));
    private static final int SHOWN_MISMATCHES = 5;
    private static final int MIN_COVERAGE = 10;

    private final ChangesetParser parser = new ChangesetParser();
    private final ReleasePlanner planner = new ReleasePlanner();

    @Test
    void plansMatchChangesetsCliOnEveryGeneratedWorkspace() throws IOException {
        JsonNode root = readCases();
        JsonNode cases = root.path("cases");
        assertThat(cases.size()).as("number of parity cases in %s", CASES).isPositive();

        List<String> mismatches = new ArrayList<>();
        int matching = 0;
        for (JsonNode testCase : cases) {
            String mismatch = compare(testCase);
            if (mismatch == null) {
                matching++;
            } else {
                mismatches.add(mismatch);
            }
        }
        String summary = String.format(Locale.ROOT,
                "Changesets parity (@changesets/cli %s): %d/%d cases match (%.1f%%)",
                root.path("changesetsCli").asText("?"), matching, cases.size(), 100.0 * matching / cases.size());
        System.out.println(summary);
        if (!mismatches.isEmpty()) {
            fail(summary + "\nFirst mismatches:\n\n"
                    + String.join("\n\n", mismatches.subList(0, Math.min(SHOWN_MISMATCHES, mismatches.size()))));
        }
    }

    /** Issue 19: each of these is covered at least ten times in every run, judged from the tool's own output. */
    @Test
    void casesCoverEveryRequiredFeatureAtLeastTenTimes() throws IOException {
        JsonNode coverage = readCases().path("coverage");
        List<String> required = new ArrayList<>();
        for (String kind : List.of("dependencies", "devDependencies", "peerDependencies")) {
            for (String range : List.of("workspace:*", "workspace:^", "workspace:~", "workspace:^X.Y.Z", "*", ">=X.Y.Z",
                    "X.x", "X.Y.Z")) {
                required.add("range " + range + " in " + kind);
            }
        }
        required.addAll(List.of("none bump", "dependency chain five links deep", "peer dependency cascade",
                "0.x version released", "prerelease package with pre mode", "prerelease package without pre mode",
                "multi-paragraph summary", "Markdown list in summary", "inline code in summary"));
        Map<String, Integer> counts = new LinkedHashMap<>();
        required.forEach(feature -> counts.put(feature, coverage.path(feature).asInt(0)));
        System.out.println("Changesets parity coverage (cases per feature): " + counts);
        assertThat(counts).as("cases per feature in %s", CASES)
                .allSatisfy((feature, count) -> assertThat(count).as(feature).isGreaterThanOrEqualTo(MIN_COVERAGE));
    }

    @Test
    void parserAcceptsAndRejectsExactlyWhatChangesetsParseDoes() throws IOException {
        JsonNode cases = readCases().path("parseCases");
        assertThat(cases.size()).as("number of parser cases in %s", CASES).isPositive();
        List<String> mismatches = new ArrayList<>();
        int matching = 0;
        for (JsonNode testCase : cases) {
            int mismatchesBefore = mismatches.size();
            String file = testCase.path("file").asText();
            String markdown = testCase.path("markdown").asText();
            String label = file + " " + new ObjectMapper().writeValueAsString(markdown);
            try {
                Changeset changeset = parser.parse(file, markdown);
                if (!testCase.path("accepted").asBoolean()) {
                    mismatches.add(label + ": @changesets/parse rejects it (" + testCase.path("error").asText()
                            + "), ChangesetParser accepts it");
                    continue;
                }
                List<List<String>> releases = changeset.releases().entrySet().stream()
                        .map(release -> List.of(release.getKey(), release.getValue().id())).toList();
                List<List<String>> expectedReleases = new ArrayList<>();
                testCase.path("releases").forEach(release -> expectedReleases
                        .add(List.of(release.get(0).asText(), release.get(1).asText())));
                differ(mismatches, label + " releases", expectedReleases, releases);
                differ(mismatches, label + " summary", testCase.path("summary").asText(), changeset.summary());
            } catch (ChangesetFormatException e) {
                if (testCase.path("accepted").asBoolean()) {
                    mismatches.add(label + ": @changesets/parse accepts it, ChangesetParser rejects it: "
                            + e.getMessage());
                }
            }
            if (mismatches.size() == mismatchesBefore) {
                matching++;
            }
        }
        System.out.printf(Locale.ROOT, "Changeset parser parity: %d/%d files handled like @changesets/parse%n",
                matching, cases.size());
        assertThat(mismatches).as("parser differences from @changesets/parse").isEmpty();
    }

    private static JsonNode readCases() throws IOException {
        if (!Files.isRegularFile(CASES)) {
            fail("Parity cases not found at " + CASES.toAbsolutePath() + ". Generate them with:\n"
                    + "  npm ci --prefix frontend/parity --no-audit --no-fund\n"
                    + "  node frontend/parity/generate.mjs --cases 300 --out target/parity/cases.json\n"
                    + "(./mvnw verify does this in the generate-test-resources phase)");
        }
        return new ObjectMapper().readTree(CASES.toFile());
    }

    /** Null when the planner agrees with the tool on every package, otherwise a readable description. */
    private String compare(JsonNode testCase) {
        String label = "case " + testCase.path("id").asText() + " (pre: " + testCase.path("preRelease").asText("none")
                + ")";
        ReleasePlan plan;
        try {
            plan = plan(testCase);
        } catch (RuntimeException e) {
            return label + ": planner failed: " + e + "\n" + describeInput(testCase);
        }
        Map<String, PackageManifest> actualPackages = plan.packages().stream()
                .collect(Collectors.toMap(PackageManifest::name, Function.identity()));
        Map<String, PlannedRelease> releases = plan.releases().stream()
                .collect(Collectors.toMap(PlannedRelease::name, Function.identity()));
        List<String> differences = new ArrayList<>();
        for (JsonNode expected : testCase.path("expected")) {
            String name = expected.path("name").asText();
            PackageManifest actual = actualPackages.get(name);
            differ(differences, name + " version", expected.path("version").asText(), actual.version());
            differ(differences, name + " dependencies", entries(expected.path("dependencies")),
                    List.copyOf(actual.dependencies().entrySet()));
            differ(differences, name + " devDependencies", entries(expected.path("devDependencies")),
                    List.copyOf(actual.devDependencies().entrySet()));
            differ(differences, name + " peerDependencies", entries(expected.path("peerDependencies")),
                    List.copyOf(actual.peerDependencies().entrySet()));
            String expectedChangelog = expected.path("changelog").isNull() ? ""
                    : withoutCommitHashes(expected.path("changelog").asText());
            String actualChangelog = releases.containsKey(name) ? releases.get(name).changelog() : "";
            if (!expectedChangelog.equals(actualChangelog)) {
                differences.add(name + " changelog differs\n--- @changesets/cli\n" + expectedChangelog
                        + "\n--- ReleasePlanner\n" + actualChangelog + "\n---");
            }
        }
        if (differences.isEmpty()) {
            return null;
        }
        return label + ":\n" + String.join("\n", differences) + "\n" + describeInput(testCase);
    }

    private ReleasePlan plan(JsonNode testCase) {
        List<PackageManifest> packages = new ArrayList<>();
        for (JsonNode pkg : testCase.path("packages")) {
            packages.add(new PackageManifest(pkg.path("name").asText(), pkg.path("version").asText(),
                    map(pkg.path("dependencies")), map(pkg.path("devDependencies")),
                    map(pkg.path("peerDependencies"))));
        }
        List<Changeset> changesets = new ArrayList<>();
        for (JsonNode changeset : testCase.path("changesets")) {
            changesets.add(parser.parse(changeset.path("id").asText() + ".md", changeset.path("markdown").asText()));
        }
        JsonNode preRelease = testCase.path("preRelease");
        return planner.plan(packages, changesets,
                preRelease.isNull() ? null : PreReleaseTag.parse(preRelease.asText()));
    }

    private static void differ(List<String> differences, String what, Object expected, Object actual) {
        if (!Objects.equals(expected, actual)) {
            differences.add(what + ": @changesets/cli " + expected + ", ReleasePlanner " + actual);
        }
    }

    /** The tool adds "abc1234: " and " [abc1234]" when changesets were committed; the planner never does. */
    private static String withoutCommitHashes(String changelog) {
        return changelog.replaceAll("(?m)^- [0-9a-f]{7}: ", "- ")
                .replaceAll("(?m)^- Updated dependencies \\[[0-9a-f]{7}]$", "- Updated dependencies");
    }

    private static Map<String, String> map(JsonNode object) {
        Map<String, String> map = new LinkedHashMap<>();
        object.fields().forEachRemaining(field -> map.put(field.getKey(), field.getValue().asText()));
        return map;
    }

    private static List<Map.Entry<String, String>> entries(JsonNode object) {
        return List.copyOf(map(object).entrySet());
    }

    private static String describeInput(JsonNode testCase) {
        StringBuilder input = new StringBuilder("  input packages:");
        for (JsonNode pkg : testCase.path("packages")) {
            input.append("\n    ").append(pkg.path("name").asText()).append('@').append(pkg.path("version").asText())
                    .append(" deps=").append(pkg.path("dependencies")).append(" dev=")
                    .append(pkg.path("devDependencies")).append(" peer=").append(pkg.path("peerDependencies"));
        }
        input.append("\n  input changesets:");
        for (JsonNode changeset : testCase.path("changesets")) {
            input.append("\n    ").append(changeset.path("id").asText()).append(".md: ")
                    .append(changeset.path("markdown").asText().replace("\n", "\\n"));
        }
        return input.toString();
    }
}

package dev.greenlight.changeset;

import dev.greenlight.workspace.PackageManifest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReleasePlannerTest {

    private final ReleasePlanner planner = new ReleasePlanner();

    @Test
    void highestBumpAcrossChangesetsWins() {
        ReleasePlan plan = planner.plan(List.of(pkg("a", "1.2.3")),
                List.of(changeset("one", "a", BumpType.PATCH), changeset("two", "a", BumpType.MINOR),
                        changeset("three", "a", BumpType.PATCH)),
                null);

        assertThat(plan.releases()).singleElement().satisfies(release -> {
            assertThat(release.type()).isEqualTo(BumpType.MINOR);
            assertThat(release.newVersion()).isEqualTo("1.3.0");
            assertThat(release.changesetIds()).containsExactly("one", "three", "two");
        });
    }

    @Test
    void noneBumpAloneKeepsTheVersionAndWritesNoChangelog() {
        ReleasePlan plan = planner.plan(List.of(pkg("a", "1.2.3")), List.of(changeset("one", "a", BumpType.NONE)),
                null);

        assertThat(plan.releases()).singleElement().satisfies(release -> {
            assertThat(release.type()).isEqualTo(BumpType.NONE);
            assertThat(release.newVersion()).isEqualTo("1.2.3");
            assertThat(release.changelog()).isEmpty();
        });
    }

    @Test
    void dependentStillInRangeIsNotBumpedNorRewritten() {
        PackageManifest b = pkg("b", "1.0.0", Map.of("a", "^1.0.0"), null, null);

        ReleasePlan plan = planner.plan(List.of(pkg("a", "1.0.0"), b), List.of(changeset("c", "a", BumpType.MINOR)),
                null);

        assertThat(names(plan)).containsExactly("a");
        assertThat(plan.packages().get(1)).isEqualTo(b);
    }

    @Test
    void dependentLeavingRangeGetsPatchAndUpdatedRange() {
        ReleasePlan plan = planner.plan(List.of(pkg("a", "1.0.0"), pkg("b", "2.0.0", Map.of("a", "~1.0.0"), null,
                null)), List.of(changeset("c", "a", BumpType.MINOR)), null);

        assertThat(release(plan, "b").type()).isEqualTo(BumpType.PATCH);
        assertThat(release(plan, "b").newVersion()).isEqualTo("2.0.1");
        assertThat(release(plan, "b").changesetIds()).isEmpty();
        assertThat(plan.packages().get(1).dependencies()).containsExactly(Map.entry("a", "~1.1.0"));
    }

    @ParameterizedTest(name = "{0} with a {1} release of 1.0.0 becomes {2}")
    @CsvSource({
            "^1.0.0, major, ^2.0.0",
            "~1.0.0, minor, ~1.1.0",
            "1.0.0, patch, 1.0.1",
            "<=1.0.0, patch, <=1.0.1",
            "'>=1.0.0 <1.0.1', patch, >=1.0.1",
            "workspace:^1.0.0, major, workspace:^2.0.0",
            "workspace:1.0.0, patch, workspace:1.0.1",
            "workspace:^, major, workspace:^" })
    void rewrittenRangesKeepTheirPrefix(String range, String bump, String expected) {
        ReleasePlan plan = planner.plan(List.of(pkg("a", "1.0.0"), pkg("b", "1.0.0", Map.of("a", range), null, null)),
                List.of(changeset("c", "a", BumpType.parse(bump))), null);

        assertThat(plan.packages().get(1).dependencies()).containsEntry("a", expected);
        assertThat(names(plan)).contains("b");
    }

    @Test
    void releasedDependentGetsInRangeRangesUpdatedWithoutAnExtraBump() {
        // updateInternalDependencies "patch": a released dependent follows any release of its dependencies
        ReleasePlan plan = planner.plan(
                List.of(pkg("a", "1.0.0"), pkg("b", "1.0.0", Map.of("a", "^1.0.0"), null, Map.of("a", "^1.0.0"))),
                List.of(changeset("one", "a", BumpType.PATCH), changeset("two", "b", BumpType.MINOR)), null);

        assertThat(release(plan, "b").type()).isEqualTo(BumpType.MINOR);
        assertThat(plan.packages().get(1).dependencies()).containsEntry("a", "^1.0.1");
        // onlyUpdatePeerDependentsWhenOutOfRange: peer ranges only move when they are left
        assertThat(plan.packages().get(1).peerDependencies()).containsEntry("a", "^1.0.0");
    }

    @Test
    void devDependentLeavingRangeIsListedWithoutBumpButRangeIsRewritten() {
        ReleasePlan plan = planner.plan(List.of(pkg("a", "1.0.0"), pkg("b", "3.1.4", null, Map.of("a", "1.0.0"),
                null)), List.of(changeset("c", "a", BumpType.PATCH)), null);

        PlannedRelease b = release(plan, "b");
        assertThat(b.type()).isEqualTo(BumpType.NONE);
        assertThat(b.newVersion()).isEqualTo("3.1.4");
        assertThat(b.changelog()).isEmpty();
        assertThat(plan.packages().get(1).version()).isEqualTo("3.1.4");
        assertThat(plan.packages().get(1).devDependencies()).containsExactly(Map.entry("a", "1.0.1"));
    }

    @Test
    void peerDependentLeavingRangeOnMinorGetsMajor() {
        ReleasePlan plan = planner.plan(List.of(pkg("a", "1.0.0"), pkg("b", "1.4.0", null, null, Map.of("a",
                "~1.0.0"))), List.of(changeset("c", "a", BumpType.MINOR)), null);

        assertThat(release(plan, "b").type()).isEqualTo(BumpType.MAJOR);
        assertThat(release(plan, "b").newVersion()).isEqualTo("2.0.0");
        assertThat(plan.packages().get(1).peerDependencies()).containsEntry("a", "~1.1.0");
    }

    @Test
    void peerDependentStillInRangeIsNotBumped() {
        ReleasePlan plan = planner.plan(List.of(pkg("a", "1.0.0"), pkg("b", "1.4.0", null, null, Map.of("a",
                "^1.0.0"))), List.of(changeset("c", "a", BumpType.MINOR)), null);

        assertThat(names(plan)).containsExactly("a");
    }

    @Test
    void peerDependentLeavingRangeOnPatchGetsOnlyPatch() {
        ReleasePlan plan = planner.plan(List.of(pkg("a", "1.0.0"), pkg("b", "1.4.0", null, null, Map.of("a",
                "1.0.0"))), List.of(changeset("c", "a", BumpType.PATCH)), null);

        assertThat(release(plan, "b").type()).isEqualTo(BumpType.PATCH);
        assertThat(release(plan, "b").newVersion()).isEqualTo("1.4.1");
    }

    @Test
    void chainOfExactDependenciesIsBumpedAllTheWay() {
        ReleasePlan plan = planner.plan(List.of(pkg("a", "1.0.0"), pkg("b", "1.0.0", Map.of("a", "1.0.0"), null, null),
                pkg("c", "1.0.0", Map.of("b", "1.0.0"), null, null)),
                List.of(new Changeset("fix-a", "Fix a", Map.of("a", BumpType.PATCH))), null);

        assertThat(names(plan)).containsExactly("a", "b", "c");
        assertThat(plan.packages()).extracting(PackageManifest::version).containsExactly("1.0.1", "1.0.1", "1.0.1");
        assertThat(plan.packages().get(2).dependencies()).containsEntry("b", "1.0.1");
        assertThat(release(plan, "b").changelog()).isEqualTo("""
                ## 1.0.1

                ### Patch Changes

                - Updated dependencies
                  - a@1.0.1""");
        // b's release has no changeset of its own, so the tool writes no "Updated dependencies" line for c
        assertThat(release(plan, "c").changelog()).isEqualTo("""
                ## 1.0.1

                ### Patch Changes

                - b@1.0.1""");
    }

    @Test
    void dependencyAlreadyOutOfRangeIsNotADependent() {
        // the tool reports such a range as an error and leaves the package out of the dependents graph
        ReleasePlan plan = planner.plan(List.of(pkg("a", "1.0.0"), pkg("b", "1.0.0", Map.of("a", "^2.0.0"), null,
                null)), List.of(changeset("c", "a", BumpType.MAJOR)), null);

        assertThat(names(plan)).containsExactly("a");
        assertThat(plan.packages().get(1).dependencies()).containsEntry("a", "^2.0.0");
    }

    @Test
    void distTagsAndProtocolsAreLeftAlone() {
        ReleasePlan plan = planner.plan(List.of(pkg("a", "1.0.0"), pkg("b", "1.0.0", Map.of("a", "latest"),
                Map.of("a", "file:../a"), null)), List.of(changeset("c", "a", BumpType.MAJOR)), null);

        assertThat(names(plan)).containsExactly("a");
        assertThat(plan.packages().get(1).dependencies()).containsEntry("a", "latest");
    }

    @Test
    void starRangeIsRewrittenOnlyForPrereleases() {
        List<PackageManifest> packages = List.of(pkg("a", "1.0.0"), pkg("b", "1.0.0", Map.of("a", "*"), null, null));
        List<Changeset> changesets = List.of(changeset("one", "a", BumpType.MINOR), changeset("two", "b",
                BumpType.PATCH));

        assertThat(planner.plan(packages, changesets, null).packages().get(1).dependencies())
                .containsEntry("a", "*");
        assertThat(planner.plan(packages, changesets, PreReleaseTag.BETA).packages().get(1).dependencies())
                .containsEntry("a", "1.1.0-beta.0");
    }

    @Test
    void preModeNumbersPrereleasesFromZero() {
        ReleasePlan plan = planner.plan(List.of(pkg("a", "1.2.0"), pkg("b", "0.4.2", Map.of("a", "^1.2.0"), null,
                null)), List.of(changeset("c", "a", BumpType.MINOR)), PreReleaseTag.ALPHA);

        assertThat(release(plan, "a").newVersion()).isEqualTo("1.3.0-alpha.0");
        // ^1.2.0 does not admit prereleases of 1.3.0, so the dependent is released too
        assertThat(release(plan, "b").newVersion()).isEqualTo("0.4.3-alpha.0");
        assertThat(plan.packages().get(1).dependencies()).containsEntry("a", "^1.3.0-alpha.0");
    }

    @ParameterizedTest(name = "{0} with {1} in {2} mode becomes {3}")
    @CsvSource({
            "1.3.0-alpha.0, minor, alpha, 1.3.0-alpha.1",
            "1.3.0-alpha.0, major, alpha, 2.0.0-alpha.1",
            "2.0.0-alpha.4, major, alpha, 2.0.0-alpha.5",
            "1.3.0-beta.2, patch, rc, 1.3.0-rc.3",
            "1.3.0-next, patch, beta, 1.3.0-beta.0" })
    void preModeContinuesTheNumberOfAPrereleaseVersion(String version, String bump, String tag, String expected) {
        ReleasePlan plan = planner.plan(List.of(pkg("a", version)),
                List.of(changeset("c", "a", BumpType.parse(bump))), PreReleaseTag.parse(tag));

        assertThat(release(plan, "a").newVersion()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} with {1} becomes {2}")
    @CsvSource({
            "2.0.0-rc.1, patch, 2.0.0",
            "2.0.0-rc.1, major, 2.0.0",
            "1.1.0-rc.0, major, 2.0.0",
            "1.1.0-rc.0, minor, 1.1.0",
            "1.1.1-rc.0, minor, 1.2.0" })
    void normalReleaseGraduatesPrereleaseVersions(String version, String bump, String expected) {
        ReleasePlan plan = planner.plan(List.of(pkg("a", version)),
                List.of(changeset("c", "a", BumpType.parse(bump))), null);

        assertThat(release(plan, "a").newVersion()).isEqualTo(expected);
    }

    @Test
    void changelogHasSectionsByBumpWithIndentedMultiLineSummaries() {
        ReleasePlan plan = planner.plan(List.of(pkg("a", "1.0.0"), pkg("b", "1.0.0", Map.of("a", "1.0.0"), null,
                null)),
                List.of(new Changeset("x-patch", "Fix the   cache\n  when empty", Map.of("b", BumpType.PATCH)),
                        new Changeset("y-major", "Drop Node 16\n\nMigration:\nupgrade first",
                                Map.of("b", BumpType.MAJOR)),
                        new Changeset("z-minor", "Add retries", Map.of("b", BumpType.MINOR, "a", BumpType.PATCH))),
                null);

        assertThat(release(plan, "b").changelog()).isEqualTo("""
                ## 2.0.0

                ### Major Changes

                - Drop Node 16

                  Migration:
                  upgrade first

                ### Minor Changes

                - Add retries

                ### Patch Changes

                - Fix the cache
                  when empty
                - Updated dependencies
                  - a@1.0.1""");
    }

    @Test
    void looseEntriesAreSeparatedByBlankLines() {
        ReleasePlan plan = planner.plan(List.of(pkg("a", "1.0.0")),
                List.of(new Changeset("one", "First\n\nsecond paragraph", Map.of("a", BumpType.PATCH)),
                        new Changeset("two", "Tight", Map.of("a", BumpType.PATCH)),
                        new Changeset("three", "", Map.of("a", BumpType.PATCH))),
                null);

        assertThat(release(plan, "a").changelog()).isEqualTo("""
                ## 1.0.1

                ### Patch Changes

                - First

                  second paragraph

                -
                - Tight""");
    }

    @Test
    void updatedDependenciesLineIsRepeatedPerChangesetBehindTheUpdates() {
        ReleasePlan plan = planner.plan(List.of(pkg("a", "1.0.0"), pkg("b", "1.0.0"),
                pkg("c", "1.0.0", Map.of("a", "1.0.0", "b", "1.0.0"), null, null)),
                List.of(changeset("one", "a", BumpType.PATCH), changeset("two", "b", BumpType.PATCH)), null);

        assertThat(release(plan, "c").changelog()).isEqualTo("""
                ## 1.0.1

                ### Patch Changes

                - Updated dependencies
                - Updated dependencies
                  - a@1.0.1
                  - b@1.0.1""");
    }

    @Test
    void changesetsAreTakenInFileNameOrder() {
        // "a-b.md" sorts before "a.md" byte-wise, although "a" sorts before "a-b"
        ReleasePlan plan = planner.plan(List.of(pkg("p", "1.0.0")),
                List.of(new Changeset("a", "From a", Map.of("p", BumpType.PATCH)),
                        new Changeset("a-b", "From a-b", Map.of("p", BumpType.PATCH))),
                null);

        assertThat(release(plan, "p").changesetIds()).containsExactly("a-b", "a");
        assertThat(release(plan, "p").changelog()).endsWith("- From a-b\n- From a");
    }

    @Test
    void noChangesetsGiveAnEmptyPlanWithUnchangedPackages() {
        List<PackageManifest> packages = List.of(pkg("a", "1.0.0"));

        ReleasePlan plan = planner.plan(packages, List.of(), null);

        assertThat(plan.releases()).isEmpty();
        assertThat(plan.packages()).isEqualTo(packages);
    }

    @Test
    void emptyChangesetIsAcceptedAndReleasesNothing() {
        ReleasePlan plan = planner.plan(List.of(pkg("a", "1.0.0")),
                List.of(new Changeset("empty", "Docs only", Map.of())), null);

        assertThat(plan.releases()).isEmpty();
    }

    @Test
    void unknownPackageInChangesetIsRejected() {
        assertThatThrownBy(() -> planner.plan(List.of(pkg("@neuronx/core", "1.0.0")),
                List.of(changeset("ok", "@neuronx/core", BumpType.PATCH),
                        changeset("bad", "@neuronx/nope", BumpType.PATCH)),
                null))
                .isInstanceOfSatisfying(PlanningException.class, e -> {
                    assertThat(e.field()).isEqualTo("changesets[1].releases.@neuronx/nope");
                    assertThat(e.problem()).isEqualTo("unknown package");
                });
    }

    @Test
    void invalidVersionIsRejected() {
        assertThatThrownBy(() -> planner.plan(List.of(pkg("a", "1.0.0"), pkg("b", "1.0")), List.of(), null))
                .isInstanceOfSatisfying(PlanningException.class, e -> {
                    assertThat(e.field()).isEqualTo("packages[1].version");
                    assertThat(e.problem()).isEqualTo("invalid semver version \"1.0\"");
                });
    }

    @Test
    void invalidInternalRangeIsRejected() {
        assertThatThrownBy(() -> planner.plan(
                List.of(pkg("a", "1.0.0"), pkg("b", "1.0.0", null, null, Map.of("a", "^1.0.0.0"))), List.of(), null))
                .isInstanceOfSatisfying(PlanningException.class, e -> {
                    assertThat(e.field()).isEqualTo("packages[1].peerDependencies.a");
                    assertThat(e.problem()).isEqualTo("invalid range \"^1.0.0.0\"");
                });
    }

    @Test
    void externalDependenciesAreNotValidated() {
        ReleasePlan plan = planner.plan(List.of(pkg("a", "1.0.0", Map.of("react", "github:facebook/react#main ^"),
                null, null)), List.of(changeset("c", "a", BumpType.PATCH)), null);

        assertThat(plan.packages().get(0).dependencies()).containsEntry("react", "github:facebook/react#main ^");
    }

    @Test
    void duplicatePackageNamesAreRejected() {
        assertThatThrownBy(() -> planner.plan(List.of(pkg("a", "1.0.0"), pkg("a", "2.0.0")), List.of(), null))
                .isInstanceOfSatisfying(PlanningException.class, e -> {
                    assertThat(e.field()).isEqualTo("packages[1].name");
                    assertThat(e.problem()).isEqualTo("duplicate package name \"a\" (also packages[0])");
                });
    }

    @Test
    void duplicateChangesetIdsAreRejected() {
        assertThatThrownBy(() -> planner.plan(List.of(pkg("a", "1.0.0")),
                List.of(changeset("same", "a", BumpType.PATCH), changeset("same", "a", BumpType.MINOR)), null))
                .isInstanceOfSatisfying(PlanningException.class,
                        e -> assertThat(e.field()).isEqualTo("changesets[1].id"));
    }

    @Test
    void prereleaseWithoutNumberAfterTheTagIsRejectedInPreMode() {
        assertThatThrownBy(() -> planner.plan(List.of(pkg("a", "1.0.0-alpha.beta")),
                List.of(changeset("c", "a", BumpType.PATCH)), PreReleaseTag.ALPHA))
                .isInstanceOfSatisfying(PlanningException.class, e -> {
                    assertThat(e.field()).isEqualTo("packages[0].version");
                    assertThat(e.problem()).contains("\"beta\" is not a number");
                });
    }

    @Test
    void packagesKeepInputOrderAndDependencyOrder() {
        Map<String, String> dependencies = new LinkedHashMap<>();
        dependencies.put("z-external", "^1.0.0");
        dependencies.put("a", "1.0.0");
        dependencies.put("b-external", "^2.0.0");

        ReleasePlan plan = planner.plan(List.of(pkg("c", "1.0.0", dependencies, null, null), pkg("a", "1.0.0")),
                List.of(changeset("x", "a", BumpType.PATCH)), null);

        assertThat(plan.packages()).extracting(PackageManifest::name).containsExactly("c", "a");
        assertThat(plan.packages().get(0).dependencies().keySet()).containsExactly("z-external", "a", "b-external");
    }

    private static PackageManifest pkg(String name, String version) {
        return new PackageManifest(name, version);
    }

    private static PackageManifest pkg(String name, String version, Map<String, String> dependencies,
            Map<String, String> devDependencies, Map<String, String> peerDependencies) {
        return new PackageManifest(name, version, dependencies, devDependencies, peerDependencies);
    }

    private static Changeset changeset(String id, String pkg, BumpType type) {
        return new Changeset(id, "Summary of " + id, Map.of(pkg, type));
    }

    private static List<String> names(ReleasePlan plan) {
        return plan.releases().stream().map(PlannedRelease::name).toList();
    }

    private static PlannedRelease release(ReleasePlan plan, String name) {
        return plan.releases().stream().filter(release -> release.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " is not released in " + plan.releases()));
    }
}

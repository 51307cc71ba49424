package dev.greenlight.changeset;

import dev.greenlight.workspace.PackageManifest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.semver4j.Semver;

/**
 * Computes what {@code changeset version} (@changesets/cli 2.x) does to a workspace, with NeuronX's configuration:
 * no fixed or linked groups, nothing ignored, {@code updateInternalDependencies: "patch"} and
 * {@code onlyUpdatePeerDependentsWhenOutOfRange: true}. It mirrors @changesets/assemble-release-plan (which packages
 * get which bump) and @changesets/apply-release-plan (rewritten ranges and changelog entries).
 * <p>
 * Input order matters as it does for the tool: {@code packages} is the workspace order (the tool sorts package
 * directories by path), while changesets are put in file name order ({@code <id>.md}, byte-wise) whatever order
 * they are passed in, because that is the order the tool reads them in.
 */
public final class ReleasePlanner {

    private static final String WORKSPACE = "workspace:";
    // What npm accepts as a dist-tag: a dependency spec that is neither a range nor a tag cannot be installed.
    private static final Pattern DIST_TAG = Pattern.compile("[A-Za-z0-9_.!~*'()-]+");

    /**
     * Plans a release.
     *
     * @param packages the workspace packages, in workspace order
     * @param changesets the pending changesets, in any order
     * @param preRelease the tag when the workspace has just entered pre mode ({@code changeset pre enter <tag>}
     *        with no earlier pre.json), null for a normal release
     * @throws PlanningException when the input is not a workspace Changesets can version
     */
    public ReleasePlan plan(List<PackageManifest> packages, List<Changeset> changesets, PreReleaseTag preRelease) {
        if (packages == null) {
            throw new PlanningException("packages", "missing package list");
        }
        if (changesets == null) {
            throw new PlanningException("changesets", "missing changeset list");
        }
        Semvers semvers = new Semvers();
        Map<String, PackageManifest> byName = validatePackages(packages, semvers);
        List<Changeset> ordered = validateChangesets(changesets, byName);
        if (ordered.isEmpty()) {
            // "No unreleased changesets found, exiting."
            return new ReleasePlan(List.of(), packages);
        }
        return new Run(byName, ordered, preRelease, preVersions(packages, preRelease), semvers).plan(packages);
    }

    private static Map<String, PackageManifest> validatePackages(List<PackageManifest> packages, Semvers semvers) {
        Map<String, PackageManifest> byName = new LinkedHashMap<>();
        Map<String, Integer> indexByName = new HashMap<>();
        for (int i = 0; i < packages.size(); i++) {
            PackageManifest pkg = packages.get(i);
            String field = "packages[" + i + "]";
            if (pkg == null) {
                throw new PlanningException(field, "missing package");
            }
            if (pkg.name() == null || pkg.name().isBlank()) {
                throw new PlanningException(field + ".name", "missing package name");
            }
            Integer previous = indexByName.putIfAbsent(pkg.name(), i);
            if (previous != null) {
                throw new PlanningException(field + ".name",
                        "duplicate package name \"" + pkg.name() + "\" (also packages[" + previous + "])");
            }
            if (NodeSemver.parseVersion(pkg.version()) == null) {
                throw new PlanningException(field + ".version",
                        "invalid semver version " + (pkg.version() == null ? "null" : "\"" + pkg.version() + "\""));
            }
            byName.put(pkg.name(), pkg);
        }
        for (int i = 0; i < packages.size(); i++) {
            for (DependencyType type : DependencyType.values()) {
                for (Map.Entry<String, String> dependency : type.of(packages.get(i)).entrySet()) {
                    if (byName.containsKey(dependency.getKey())) {
                        validateInternalRange("packages[" + i + "]." + type.field + "." + dependency.getKey(),
                                dependency.getValue(), semvers);
                    }
                }
            }
        }
        return byName;
    }

    /**
     * The tool silently skips internal dependencies whose spec is not a range (it takes them for dist-tags or
     * protocols); specs that are not even that are rejected here, since npm could not install them either.
     */
    private static void validateInternalRange(String field, String range, Semvers semvers) {
        if (range == null) {
            throw new PlanningException(field, "missing range");
        }
        if (!range.startsWith(WORKSPACE) && !range.contains(":") && !semvers.isValidRange(range)
                && !DIST_TAG.matcher(ParseSteps.counted(range)).matches()) {
            throw new PlanningException(field, "invalid range \"" + range + "\"");
        }
    }

    private static List<Changeset> validateChangesets(List<Changeset> changesets, Map<String, PackageManifest> byName) {
        Set<String> ids = new LinkedHashSet<>();
        for (int i = 0; i < changesets.size(); i++) {
            Changeset changeset = changesets.get(i);
            String field = "changesets[" + i + "]";
            if (changeset == null) {
                throw new PlanningException(field, "missing changeset");
            }
            if (changeset.id() == null || changeset.id().isBlank()) {
                throw new PlanningException(field + ".id", "missing changeset id");
            }
            if (!ids.add(changeset.id())) {
                throw new PlanningException(field + ".id", "duplicate changeset id \"" + changeset.id() + "\"");
            }
            for (Map.Entry<String, BumpType> release : changeset.releases().entrySet()) {
                String releaseField = field + ".releases." + release.getKey();
                if (!byName.containsKey(release.getKey())) {
                    throw new PlanningException(releaseField, "unknown package");
                }
                if (release.getValue() == null) {
                    throw new PlanningException(releaseField, "missing bump type");
                }
            }
        }
        // fs.readdir lists .changeset/ sorted byte-wise by file name, so "a-b.md" comes before "a.md"
        Function<Changeset, byte[]> fileName = c -> (c.id() + ".md").getBytes(StandardCharsets.UTF_8);
        return changesets.stream().sorted(Comparator.comparing(fileName, Arrays::compareUnsigned)).toList();
    }

    /** getPreInfo: the next prerelease number per package, one past the current one or 0. */
    private static Map<String, Long> preVersions(List<PackageManifest> packages, PreReleaseTag preRelease) {
        Map<String, Long> preVersions = new HashMap<>();
        if (preRelease == null) {
            return preVersions;
        }
        for (int i = 0; i < packages.size(); i++) {
            PackageManifest pkg = packages.get(i);
            try {
                preVersions.put(pkg.name(),
                        NodeSemver.prereleaseNumber(NodeSemver.parseVersion(pkg.version()), 1).orElse(-1) + 1);
            } catch (IllegalArgumentException e) {
                // the tool fails with an internal error ("preVersion is not a number")
                throw new PlanningException("packages[" + i + "].version",
                        "cannot continue the prerelease numbering of \"" + pkg.version() + "\" in pre mode: "
                                + e.getMessage());
            }
        }
        return preVersions;
    }

    /** The dependency sections the tool walks, in its order (optionalDependencies are not modelled). */
    private enum DependencyType {
        DEPENDENCIES("dependencies", PackageManifest::dependencies),
        DEV_DEPENDENCIES("devDependencies", PackageManifest::devDependencies),
        PEER_DEPENDENCIES("peerDependencies", PackageManifest::peerDependencies);

        private final String field;
        private final Function<PackageManifest, Map<String, String>> section;

        DependencyType(String field, Function<PackageManifest, Map<String, String>> section) {
            this.field = field;
            this.section = section;
        }

        Map<String, String> of(PackageManifest pkg) {
            return section.apply(pkg);
        }
    }

    /** A release being assembled; the tool mutates these in place while it looks for dependents. */
    private static final class Release {
        final String name;
        final String oldVersion;
        final List<String> changesetIds;
        BumpType type;
        String newVersion;

        Release(String name, BumpType type, String oldVersion, List<String> changesetIds) {
            this.name = name;
            this.type = type;
            this.oldVersion = oldVersion;
            this.changesetIds = changesetIds;
        }
    }

    private record DependencyRange(DependencyType type, String range) {
    }

    private record Bump(String name, BumpType type) {
    }

    /**
     * The versions and ranges of one run, each parsed once: every dependency's range is tested again in each pass
     * and for each release, which made a workspace of a few hundred packages take seconds.
     */
    private static final class Semvers {
        private final Map<String, Optional<NodeSemver.Range>> ranges = new HashMap<>();
        private final Map<String, Optional<Semver>> versions = new HashMap<>();

        Semver version(String version) {
            return versions.computeIfAbsent(version, v -> Optional.ofNullable(NodeSemver.parseVersion(v))).orElse(null);
        }

        NodeSemver.Range range(String range) {
            return ranges.computeIfAbsent(range, r -> Optional.ofNullable(NodeSemver.parseRange(r))).orElse(null);
        }

        boolean isValidRange(String range) {
            return range(range) != null;
        }

        /** {@code semver.satisfies(version, range)}: false for an invalid version or range. */
        boolean satisfies(String version, String range) {
            Semver parsed = version(version);
            NodeSemver.Range parsedRange = range(range);
            return parsed != null && parsedRange != null && parsedRange.test(parsed);
        }
    }

    /** One planning run over validated input. */
    private static final class Run {
        private final Map<String, PackageManifest> byName;
        private final List<Changeset> changesets;
        private final PreReleaseTag preRelease;
        private final Map<String, Long> preVersions;
        private final Map<String, Release> releases = new LinkedHashMap<>();
        private final Map<String, List<String>> dependents = new HashMap<>();
        private final Semvers semvers;

        Run(Map<String, PackageManifest> byName, List<Changeset> changesets, PreReleaseTag preRelease,
                Map<String, Long> preVersions, Semvers semvers) {
            this.byName = byName;
            this.changesets = changesets;
            this.preRelease = preRelease;
            this.preVersions = preVersions;
            this.semvers = semvers;
        }

        ReleasePlan plan(List<PackageManifest> packages) {
            flattenReleases();
            buildDependentsGraph();
            // each pass can add dependents whose own dependents need another look
            boolean changed;
            do {
                changed = determineDependents();
            } while (changed);
            List<Release> ordered = List.copyOf(releases.values());
            ordered.forEach(release -> release.newVersion = nextVersion(release));

            List<PlannedRelease> planned = new ArrayList<>();
            Map<String, PackageManifest> rewritten = new HashMap<>();
            for (Release release : ordered) {
                PackageManifest pkg = byName.get(release.name);
                planned.add(new PlannedRelease(release.name, release.oldVersion, release.newVersion, release.type,
                        release.changesetIds, changelog(release, pkg, ordered)));
                rewritten.put(release.name, rewrite(pkg, release.newVersion, ordered));
            }
            return new ReleasePlan(planned,
                    packages.stream().map(pkg -> rewritten.getOrDefault(pkg.name(), pkg)).toList());
        }

        /** flattenReleases: one release per package, the highest bump asked for by any changeset. */
        private void flattenReleases() {
            for (Changeset changeset : changesets) {
                changeset.releases().forEach((name, type) -> {
                    Release release = releases.get(name);
                    if (release == null) {
                        List<String> ids = new ArrayList<>(List.of(changeset.id()));
                        releases.put(name, new Release(name, type, byName.get(name).version(), ids));
                    } else {
                        if (type.compareTo(release.type) > 0) {
                            release.type = type;
                        }
                        release.changesetIds.add(changeset.id());
                    }
                });
            }
        }

        /**
         * getDependentsGraph: package -> packages depending on it, in workspace order. A dependency counts when its
         * range is a workspace shorthand or a range the current version satisfies; dist-tags, protocols and ranges
         * already out of range do not.
         */
        private void buildDependentsGraph() {
            byName.keySet().forEach(name -> dependents.put(name, new ArrayList<>()));
            for (PackageManifest pkg : byName.values()) {
                // one range per dependency: later sections override earlier ones, as in the tool
                Map<String, String> all = new LinkedHashMap<>(pkg.dependencies());
                pkg.devDependencies().forEach((name, range) -> {
                    if (!range.startsWith("link:") && !range.startsWith("file:")) {
                        all.put(name, range);
                    }
                });
                all.putAll(pkg.peerDependencies());
                all.forEach((name, range) -> {
                    PackageManifest dependency = byName.get(name);
                    if (dependency != null && countsAsDependency(range, dependency.version())) {
                        dependents.get(name).add(pkg.name());
                    }
                });
            }
        }

        private boolean countsAsDependency(String range, String dependencyVersion) {
            String bare = range;
            if (range.startsWith(WORKSPACE)) {
                bare = range.substring(WORKSPACE.length());
                if (bare.equals("*") || bare.equals("^") || bare.equals("~")) {
                    return true;
                }
            }
            // workspace:<path> would need package directories, which Greenlight does not have
            return !bare.contains(":") && semvers.satisfies(dependencyVersion, bare);
        }

        /** determineDependents: one pass over all releases; true when it changed anything. */
        private boolean determineDependents() {
            boolean updated = false;
            Deque<Release> toSearch = new ArrayDeque<>(releases.values());
            while (!toSearch.isEmpty()) {
                Release next = toSearch.poll();
                // all dependents are judged against the releases as they were before any of them changes
                List<Bump> bumps = new ArrayList<>();
                for (String dependent : dependents.get(next.name)) {
                    BumpType type = dependentBump(dependent, next);
                    Release existing = releases.get(dependent);
                    if (type != null && (existing == null || existing.type != type)) {
                        bumps.add(new Bump(dependent, type));
                    }
                }
                for (Bump bump : bumps) {
                    updated = true;
                    Release existing = releases.get(bump.name());
                    if (existing != null && bump.type() == BumpType.MAJOR && existing.type != BumpType.MAJOR) {
                        existing.type = BumpType.MAJOR;
                        toSearch.add(existing);
                    } else {
                        // replaces any existing release, dropping its changeset ids, as the tool does
                        Release added = new Release(bump.name(), bump.type(), byName.get(bump.name()).version(),
                                new ArrayList<>());
                        toSearch.add(added);
                        releases.put(bump.name(), added);
                    }
                }
            }
            return updated;
        }

        private BumpType dependentBump(String dependent, Release next) {
            BumpType type = null;
            for (DependencyRange range : dependencyRanges(byName.get(dependent), next)) {
                if (next.type == BumpType.NONE) {
                    continue;
                }
                Release existing = releases.get(dependent);
                boolean leavesRange = !semvers.satisfies(nextVersion(next), range.range());
                if (range.type() == DependencyType.PEER_DEPENDENCIES && next.type != BumpType.PATCH && leavesRange
                        && (existing == null || existing.type != BumpType.MAJOR)) {
                    // shouldBumpMajor: a peer dependency leaving the range breaks the dependent's consumers
                    type = BumpType.MAJOR;
                } else if ((existing == null || existing.type == BumpType.NONE) && leavesRange) {
                    if (range.type() == DependencyType.DEV_DEPENDENCIES) {
                        // dev dependencies are not shipped: no release, but the range still gets rewritten
                        type = type == null ? BumpType.NONE : type;
                    } else if (type != BumpType.MAJOR && type != BumpType.MINOR) {
                        type = BumpType.PATCH;
                    }
                }
            }
            return type;
        }

        /** getDependencyVersionRanges: the ranges through which {@code dependent} depends on the release. */
        private List<DependencyRange> dependencyRanges(PackageManifest dependent, Release dependency) {
            List<DependencyRange> ranges = new ArrayList<>();
            for (DependencyType type : DependencyType.values()) {
                String range = type.of(dependent).get(dependency.name);
                if (range == null || range.isEmpty()) {
                    continue;
                }
                if (range.startsWith(WORKSPACE)) {
                    range = range.substring(WORKSPACE.length());
                    if (range.equals("*")) {
                        // workspace:* means exactly the current version
                        range = dependency.oldVersion;
                    } else if (range.equals("^") || range.equals("~")) {
                        range = range + dependency.oldVersion;
                    } else if (!semvers.isValidRange(range)) {
                        continue;
                    }
                }
                ranges.add(new DependencyRange(type, range));
            }
            return ranges;
        }

        /** incrementVersion: the bumped version, with "-tag.n" appended in pre mode. */
        private String nextVersion(Release release) {
            if (release.type == BumpType.NONE) {
                return release.oldVersion;
            }
            String version = NodeSemver.increment(semvers.version(release.oldVersion), release.type);
            return preRelease == null ? version : version + "-" + preRelease.id() + "." + preVersions.get(release.name);
        }

        /** versionPackage: the new version and the ranges on released packages that need to follow them. */
        private PackageManifest rewrite(PackageManifest pkg, String newVersion, List<Release> released) {
            Map<DependencyType, Map<String, String>> sections = new HashMap<>();
            for (DependencyType type : DependencyType.values()) {
                Map<String, String> ranges = new LinkedHashMap<>(type.of(pkg));
                for (Release release : released) {
                    String current = ranges.get(release.name);
                    if (current == null || current.isEmpty() || current.startsWith("file:")
                            || current.startsWith("link:") || !shouldUpdateRange(release, current, type)) {
                        continue;
                    }
                    String updated = updatedRange(current, release.newVersion);
                    if (updated != null) {
                        ranges.put(release.name, updated);
                    }
                }
                sections.put(type, ranges);
            }
            return new PackageManifest(pkg.name(), newVersion, sections.get(DependencyType.DEPENDENCIES),
                    sections.get(DependencyType.DEV_DEPENDENCIES), sections.get(DependencyType.PEER_DEPENDENCIES));
        }

        /** The rewritten range keeping its prefix, or null when the tool leaves this range alone. */
        private String updatedRange(String current, String newVersion) {
            boolean workspace = current.startsWith(WORKSPACE);
            String range = workspace ? current.substring(WORKSPACE.length()) : current;
            if (workspace && (range.equals("*") || range.equals("^") || range.equals("~"))) {
                // workspace shorthands are resolved at publish time
                return null;
            }
            NodeSemver.Range parsed = semvers.range(range);
            if (parsed == null) {
                return null;
            }
            // "*"-like ranges keep matching, unless the new version is a prerelease they would not match
            if (parsed.format().isEmpty() && !NodeSemver.isPrerelease(newVersion)) {
                return null;
            }
            return (workspace ? WORKSPACE : "") + rangeTypeOf(range) + newVersion;
        }

        /** @changesets/get-version-range-type. */
        private static String rangeTypeOf(String range) {
            for (String prefix : List.of("^", "~", ">=", "<=", ">")) {
                if (range.startsWith(prefix)) {
                    return prefix;
                }
            }
            return "";
        }

        /**
         * shouldUpdateDependencyBasedOnConfig: ranges the new version leaves are always updated; otherwise, with
         * updateInternalDependencies "patch", any real release updates them, except peer dependencies
         * (onlyUpdatePeerDependentsWhenOutOfRange).
         */
        private boolean shouldUpdateRange(Release release, String current, DependencyType type) {
            String range = current;
            if (current.startsWith(WORKSPACE)) {
                range = current.substring(WORKSPACE.length());
                if (range.equals("*")) {
                    return true;
                }
                if (range.equals("^") || range.equals("~")) {
                    range = range + release.oldVersion;
                } else if (!semvers.isValidRange(range)) {
                    return false;
                }
            }
            if (!semvers.satisfies(release.newVersion, range)) {
                return true;
            }
            return type != DependencyType.PEER_DEPENDENCIES && release.type != BumpType.NONE;
        }

        /** getChangelogEntry with the default changelog functions; empty for releases of type none. */
        private String changelog(Release release, PackageManifest pkg, List<Release> released) {
            if (release.type == BumpType.NONE) {
                return "";
            }
            ChangelogEntry entry = new ChangelogEntry();
            for (Changeset changeset : changesets) {
                BumpType type = changeset.releases().get(release.name);
                if (type != null && type != BumpType.NONE) {
                    entry.addSummary(type, changeset.summary());
                }
            }
            List<Release> updatedDependencies = released.stream()
                    .filter(dependency -> listsAsUpdatedDependency(pkg, dependency)).toList();
            Set<String> relevantChangesets = new LinkedHashSet<>();
            updatedDependencies.forEach(dependency -> relevantChangesets.addAll(dependency.changesetIds));
            entry.addDependencyUpdates(relevantChangesets.size(),
                    updatedDependencies.stream().map(dependency -> dependency.name + "@" + dependency.newVersion)
                            .toList());
            return entry.render(release.newVersion);
        }

        /** Only dependencies and peer dependencies are listed, and only when their range gets updated. */
        private boolean listsAsUpdatedDependency(PackageManifest pkg, Release dependency) {
            String dependencyRange = pkg.dependencies().get(dependency.name);
            boolean inDependencies = dependencyRange != null && !dependencyRange.isEmpty();
            String range = inDependencies ? dependencyRange : pkg.peerDependencies().get(dependency.name);
            if (range == null || range.isEmpty()) {
                return false;
            }
            if (!range.startsWith(WORKSPACE) && !semvers.isValidRange(range)) {
                return false;
            }
            return shouldUpdateRange(dependency, range,
                    inDependencies ? DependencyType.DEPENDENCIES : DependencyType.PEER_DEPENDENCIES);
        }
    }
}

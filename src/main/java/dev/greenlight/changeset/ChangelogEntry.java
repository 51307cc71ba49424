package dev.greenlight.changeset;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One CHANGELOG.md entry as {@code changeset version} leaves it with the default generator
 * (@changesets/cli/changelog, i.e. @changesets/changelog-git, which writes no commit hashes outside git): the raw
 * Markdown built line for line as @changesets/apply-release-plan builds it, then formatted as prettier formats the
 * file ({@link ChangelogMarkdown}).
 */
final class ChangelogEntry {

    private static final List<BumpType> SECTION_ORDER = List.of(BumpType.MAJOR, BumpType.MINOR, BumpType.PATCH);

    private final Map<BumpType, List<String>> lines = new EnumMap<>(BumpType.class);

    /** getReleaseLine: "- first line", each following line indented by two spaces, every line trimmed at the end. */
    void addSummary(BumpType type, String summary) {
        String[] summaryLines = summary.split("\n", -1);
        StringBuilder line = new StringBuilder("- ").append(JsText.trimEnd(summaryLines[0]));
        for (int i = 1; i < summaryLines.length; i++) {
            line.append("\n  ").append(JsText.trimEnd(summaryLines[i]));
        }
        section(type).add(line.toString());
    }

    /**
     * getDependencyReleaseLine: one "- Updated dependencies" line per changeset behind the updated dependencies, then
     * "  - name@version" lines (which prettier nests under the previous item when no such changeset is left).
     */
    void addDependencyUpdates(int changesetCount, List<String> updatedDependencies) {
        if (updatedDependencies.isEmpty()) {
            return;
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < changesetCount; i++) {
            parts.add("- Updated dependencies");
        }
        updatedDependencies.forEach(dependency -> parts.add("  - " + dependency));
        section(BumpType.PATCH).add(String.join("\n", parts));
    }

    String render(String version) {
        StringBuilder entry = new StringBuilder("## ").append(version);
        for (BumpType type : SECTION_ORDER) {
            List<String> items = lines.getOrDefault(type, List.of());
            if (!items.isEmpty()) {
                entry.append("\n### ").append(Character.toUpperCase(type.id().charAt(0))).append(type.id().substring(1))
                        .append(" Changes\n\n").append(String.join("\n", items)).append('\n');
            }
        }
        return ChangelogMarkdown.format(entry.toString());
    }

    private List<String> section(BumpType type) {
        return lines.computeIfAbsent(type, t -> new ArrayList<>());
    }
}

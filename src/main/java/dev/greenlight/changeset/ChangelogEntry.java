package dev.greenlight.changeset;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One CHANGELOG.md entry as {@code changeset version} leaves it with the default generator
 * (@changesets/cli/changelog, i.e. @changesets/changelog-git, which writes no commit hashes outside git).
 * <p>
 * The tool builds raw markdown and then runs prettier 2 over the file. This class builds the entry's structure and
 * prints it the way prettier prints that structure: blank lines around headings, whitespace runs in summary lines
 * collapsed, leading whitespace of summary lines dropped, multi-paragraph entries separated by blank lines, and the
 * "Updated dependencies" sub-list nested under the last patch entry. Summaries are treated as plain text paragraphs;
 * markdown syntax inside them (lists, headings, emphasis, code) is not re-formatted the way prettier would.
 */
final class ChangelogEntry {

    private static final List<BumpType> SECTION_ORDER = List.of(BumpType.MAJOR, BumpType.MINOR, BumpType.PATCH);
    private static final Pattern LEADING_BLANKS = Pattern.compile("^[ \\t]+");
    private static final Pattern BLANK_RUN = Pattern.compile("[ \\t]+");

    private final Map<BumpType, List<Item>> sections = new EnumMap<>(BumpType.class);

    /** getReleaseLine: "- first line", following lines indented by two spaces, each trimmed at the end. */
    void addSummary(BumpType type, String summary) {
        List<List<String>> paragraphs = new ArrayList<>();
        List<String> paragraph = new ArrayList<>();
        for (String rawLine : summary.split("\n", -1)) {
            String line = JsText.trimEnd(rawLine);
            if (line.isEmpty()) {
                if (!paragraph.isEmpty()) {
                    paragraphs.add(paragraph);
                    paragraph = new ArrayList<>();
                }
            } else {
                paragraph.add(BLANK_RUN.matcher(LEADING_BLANKS.matcher(line).replaceFirst("")).replaceAll(" "));
            }
        }
        if (!paragraph.isEmpty()) {
            paragraphs.add(paragraph);
        }
        section(type).add(new Item(paragraphs, new ArrayList<>()));
    }

    /**
     * getDependencyReleaseLine: one "- Updated dependencies" line per changeset behind the updated dependencies,
     * then "  - name@version" lines. With no such changeset (dependencies released only as dependents) the
     * indented lines nest under the previous patch entry, or form the list themselves when there is none.
     */
    void addDependencyUpdates(int changesetCount, List<String> updatedDependencies) {
        if (updatedDependencies.isEmpty()) {
            return;
        }
        List<Item> patch = section(BumpType.PATCH);
        for (int i = 0; i < changesetCount; i++) {
            patch.add(new Item(List.of(List.of("Updated dependencies")), new ArrayList<>()));
        }
        if (!patch.isEmpty()) {
            patch.get(patch.size() - 1).nested().addAll(updatedDependencies);
            return;
        }
        updatedDependencies.forEach(dependency -> patch.add(new Item(List.of(List.of(dependency)), new ArrayList<>())));
    }

    String render(String version) {
        List<String> lines = new ArrayList<>();
        lines.add("## " + version);
        for (BumpType type : SECTION_ORDER) {
            List<Item> items = sections.getOrDefault(type, List.of());
            if (items.isEmpty()) {
                continue;
            }
            lines.add("");
            lines.add("### " + Character.toUpperCase(type.id().charAt(0)) + type.id().substring(1) + " Changes");
            lines.add("");
            for (int i = 0; i < items.size(); i++) {
                // prettier separates a list item from the previous one only when that one is loose
                if (i > 0 && items.get(i - 1).loose()) {
                    lines.add("");
                }
                items.get(i).render(lines);
            }
        }
        return String.join("\n", lines);
    }

    private List<Item> section(BumpType type) {
        return sections.computeIfAbsent(type, t -> new ArrayList<>());
    }

    /** A bullet: paragraphs of text, then an optional nested bullet list. */
    private record Item(List<List<String>> paragraphs, List<String> nested) {

        /** Markdown's loose list item: blank lines between its paragraphs. */
        boolean loose() {
            return paragraphs.size() > 1;
        }

        void render(List<String> lines) {
            if (paragraphs.isEmpty()) {
                // an empty summary: "- " alone, or "- - dependency" when the dependency list nests into it
                if (nested.isEmpty()) {
                    lines.add("-");
                } else {
                    lines.add("- - " + nested.get(0));
                    nested.subList(1, nested.size()).forEach(dependency -> lines.add("  - " + dependency));
                }
                return;
            }
            for (int p = 0; p < paragraphs.size(); p++) {
                if (p > 0) {
                    lines.add("");
                }
                List<String> paragraph = paragraphs.get(p);
                for (int l = 0; l < paragraph.size(); l++) {
                    lines.add((p == 0 && l == 0 ? "- " : "  ") + paragraph.get(l));
                }
            }
            if (!nested.isEmpty() && loose()) {
                lines.add("");
            }
            nested.forEach(dependency -> lines.add("  - " + dependency));
        }
    }
}

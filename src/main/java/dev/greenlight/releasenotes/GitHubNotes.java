package dev.greenlight.releasenotes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.greenlight.changeset.ChangesetView;
import dev.greenlight.release.ReleaseState;
import dev.greenlight.release.ReleaseView;

/**
 * A release's notes as GitHub generates them for a release ("What's Changed", a bullet per change with its author,
 * "Full Changelog"), with a section per package: one text to paste into a GitHub release or an announcement. Package
 * names and tags are code spans, so that GitHub does not read "@neuronx" as a mention; authors are mentions.
 */
final class GitHubNotes {
    /** A "  - @neuronx/api@2.0.1" line of a changelog's "Updated dependencies" item. */
    private static final Pattern DEPENDENCY_LINE = Pattern.compile("^\\s*- (@?[^@\\s]+@\\S+)\\s*$");

    private GitHubNotes() {
    }

    /**
     * The notes of a published release: its packages in plan order, the changesets it holds that bump each package,
     * and {@code previousTags} (package to the tag it replaced) for the compare ranges.
     */
    static String of(ReleaseView release, List<ChangesetView> changesets, Map<String, String> previousTags) {
        StringBuilder text = new StringBuilder();
        if (release.state() == ReleaseState.ROLLED_BACK) {
            text.append("> [!WARNING]\n> This release was rolled back.\n\n");
        }
        text.append("## What's Changed\n");
        List<String> ranges = new ArrayList<>();
        for (ReleaseView.PackageChange change : release.packages()) {
            text.append("\n### `").append(change.name()).append("` ").append(change.newVersion()).append("\n\n");
            List<String> bullets = new ArrayList<>();
            for (ChangesetView changeset : changesets) {
                String bump = changeset.releases().get(change.name());
                if (bump != null && !"none".equals(bump)) {
                    bullets.add(bullet(changeset));
                }
            }
            List<String> dependencies = updatedDependencies(change.changelog());
            if (!dependencies.isEmpty()) {
                bullets.add("* Updated dependencies: "
                        + String.join(", ", dependencies.stream().map(d -> "`" + d + "`").toList()));
            }
            if (bullets.isEmpty()) {
                bullets.add("* Version bump only");
            }
            bullets.forEach(b -> text.append(b).append('\n'));
            String tag = change.name() + "@" + change.newVersion();
            String previous = previousTags.get(change.name());
            ranges.add(previous == null ? "`" + tag + "` (first release)" : "`" + previous + "..." + tag + "`");
        }
        text.append("\n**Full Changelog**: ").append(String.join(", ", ranges)).append('\n');
        return text.toString();
    }

    /** "* first line by @author", the summary's other lines indented under it as Changesets writes them. */
    private static String bullet(ChangesetView changeset) {
        String[] lines = changeset.summary().strip().split("\\R", -1);
        StringBuilder bullet = new StringBuilder("* ").append(lines[0].strip())
                .append(" by @")
                .append(changeset.author());
        for (int i = 1; i < lines.length; i++) {
            bullet.append('\n');
            if (!lines[i].isBlank()) {
                bullet.append("  ").append(lines[i].stripTrailing());
            }
        }
        return bullet.toString();
    }

    private static List<String> updatedDependencies(String changelog) {
        List<String> dependencies = new ArrayList<>();
        if (changelog == null) {
            return dependencies;
        }
        boolean inUpdate = false;
        for (String line : changelog.split("\\R")) {
            if (line.strip().equals("- Updated dependencies")) {
                inUpdate = true;
                continue;
            }
            Matcher m = DEPENDENCY_LINE.matcher(line);
            if (inUpdate && m.matches()) {
                dependencies.add(m.group(1));
            } else if (!line.isBlank()) {
                inUpdate = false;
            }
        }
        return dependencies;
    }
}

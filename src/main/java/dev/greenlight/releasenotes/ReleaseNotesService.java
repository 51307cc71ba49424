package dev.greenlight.releasenotes;

import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.qute.RawString;

import dev.greenlight.changeset.ChangesetView;
import dev.greenlight.common.ConflictException;
import dev.greenlight.common.InvalidInputException;
import dev.greenlight.common.Limits;
import dev.greenlight.common.ResourceNotFoundException;
import dev.greenlight.incident.Markdown;
import dev.greenlight.release.PublishedChangelogs;
import dev.greenlight.release.ReleaseService;
import dev.greenlight.release.ReleaseView;
import dev.greenlight.security.Actor;

/**
 * Release notes: the public changelogs per package, and the GitHub-style notes of one release. What the public side
 * shows is the changelog text as Changesets wrote it, its version, pre-release tag, publication time and whether the
 * release was rolled back: never its title, people, reasons, reviews, emergencies or incidents (docs/security.md).
 */
@ApplicationScoped
public class ReleaseNotesService {
    static final int DEFAULT_PAGE_SIZE = 20;
    static final int MAX_PAGE_SIZE = 50;
    /** Entries of one feed: readers poll it, so its size stays fixed whatever the history. */
    static final int FEED_ENTRIES = 20;
    /** Packages listed on /notes; far above any workspace's (Limits.MAX_PACKAGES per workspace). */
    static final int MAX_PACKAGES_LISTED = 1000;
    /** The "## 1.3.0" heading a Changesets entry starts with: the page shows the version itself. */
    private static final Pattern VERSION_HEADING = Pattern.compile("\\A\\s*## [^\\n]*\\n?");

    private final PublishedChangelogs published;
    private final ReleaseService releases;

    @Inject
    ReleaseNotesService(PublishedChangelogs published, ReleaseService releases) {
        this.published = published;
        this.releases = releases;
    }

    /** One version of a package as the public sees it, its changelog as safe HTML. */
    public record PublicEntry(long releaseId, String packageName, String version, String bump, String preRelease,
            boolean rolledBack, Instant publishedAt, Instant updatedAt, String changelogMarkdown) {

        static PublicEntry of(PublishedChangelogs.Entry entry) {
            return new PublicEntry(entry.releaseId(), entry.packageName(), entry.version(), entry.bump(),
                    entry.preRelease(), entry.isRolledBack(), entry.publishedAt(), entry.updatedAt(),
                    VERSION_HEADING.matcher(entry.changelog() == null ? "" : entry.changelog()).replaceFirst(""));
        }

        public RawString changelogHtml() {
            return new RawString(changelogHtmlText());
        }

        String changelogHtmlText() {
            return Markdown.toSafeHtml(changelogMarkdown);
        }

        /** The anchor of this entry on its package's page. */
        public String anchor() {
            return "v" + version + "-" + releaseId;
        }
    }

    public record PublicPage(String packageName, List<PublicEntry> entries, int size, boolean hasNext,
            Long nextBefore, boolean isFirst) {
    }

    public List<PublishedChangelogs.PublishedPackage> packages() {
        return published.packages(MAX_PACKAGES_LISTED);
    }

    /** A page of the package's published changelogs; a package with none is unknown to the public. */
    public PublicPage page(String packageName, Long before, Integer size) {
        String name = checkName(packageName);
        int pageSize = size == null ? DEFAULT_PAGE_SIZE : size;
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new InvalidInputException("size", "must be between 1 and " + MAX_PAGE_SIZE);
        }
        if (before != null && before < 1) {
            throw new InvalidInputException("before", "must be a release number");
        }
        PublishedChangelogs.Page page = published.of(name, before, pageSize);
        if (page.entries().isEmpty() && before == null) {
            throw new ResourceNotFoundException("Package", name);
        }
        return new PublicPage(name, page.entries().stream().map(PublicEntry::of).toList(), pageSize, page.hasNext(),
                page.nextBefore(), before == null);
    }

    /** The newest entries of the package's feed. */
    public List<PublicEntry> feed(String packageName) {
        return page(packageName, null, FEED_ENTRIES).entries();
    }

    /** The GitHub-style notes of a published release, for a reader with a Greenlight role. */
    public String gitHubNotes(Actor actor, long releaseId) {
        ReleaseService.Story story = releases.story(releaseId);
        return notes(actor, story.release(), story.changesets());
    }

    /** The release and its GitHub-style notes, for the page to copy them from. */
    public record Copy(ReleaseView release, String markdown) {
    }

    public Copy copy(Actor actor, long releaseId) {
        ReleaseService.Story story = releases.story(releaseId);
        return new Copy(story.release(), notes(actor, story.release(), story.changesets()));
    }

    private String notes(Actor actor, ReleaseView release, List<ChangesetView> changesets) {
        ReleaseNotesPermissions.reader(actor).orThrow();
        ReleaseNotesPermissions.published(release.id(), release.state()).orThrow(ConflictException::new);
        List<ChangesetView> held = changesets.stream()
                .filter(c -> Long.valueOf(release.id()).equals(c.releaseId()))
                .toList();
        return GitHubNotes.of(release, held, published.previousTags(release));
    }

    private static String checkName(String packageName) {
        if (packageName == null || packageName.isBlank()) {
            throw new InvalidInputException("package", "must name a package");
        }
        if (packageName.length() > Limits.MAX_PACKAGE_NAME_CHARS) {
            throw new InvalidInputException("package",
                    "must be at most " + Limits.MAX_PACKAGE_NAME_CHARS + " characters");
        }
        return packageName;
    }
}

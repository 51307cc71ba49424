package dev.greenlight.changeset;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.greenlight.common.Limits;
import dev.greenlight.audit.AuditLog;
import dev.greenlight.security.Actor;
import dev.greenlight.security.Role;
import dev.greenlight.common.ConflictException;
import dev.greenlight.common.FieldError;
import dev.greenlight.common.InvalidInputException;
import dev.greenlight.common.ResourceNotFoundException;
import dev.greenlight.workspace.WorkspaceService;

/** Receives changesets (Changesets markdown files or JSON) and hands pending ones to releases. */
@ApplicationScoped
public class ChangesetService {
    /** Changesets names its files like "brave-cats-dance"; any file-name-safe slug will do. */
    static final Pattern SLUG = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$");
    /** A username as identity providers issue them, which is what approvals compare authors with. */
    static final Pattern USERNAME = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._@-]{0,99}$");

    /** A Changesets markdown file as uploaded. */
    public record ChangesetFile(String name, String content) {
    }

    private final AuditLog audit;
    private final WorkspaceService workspace;
    private final Clock clock;
    private final ChangesetParser parser = new ChangesetParser();

    @Inject
    ChangesetService(AuditLog audit, WorkspaceService workspace, Clock clock) {
        this.audit = audit;
        this.workspace = workspace;
        this.clock = clock;
    }

    public List<ChangesetView> pending() {
        return ChangesetRecord.pending().stream().map(ChangesetView::of).toList();
    }

    public List<ChangesetView> ofRelease(long releaseId) {
        return ChangesetRecord.ofRelease(releaseId).stream().map(ChangesetView::of).toList();
    }

    /** Refuses an actor who may not submit changesets, before anything they sent is read. */
    public void requireSubmitter(Actor actor) {
        ChangesetPermissions.submit(actor).orThrow();
    }

    /** A person submits their own changesets. */
    @Transactional
    public List<ChangesetView> submitFiles(Actor actor, List<ChangesetFile> files) {
        return submitFiles(actor, null, files);
    }

    /**
     * Checks the role, the author and every size first, then parses every file: one bad file stores nothing.
     *
     * @param author the person who wrote the changesets, which CI must name; null when a person submits their own
     */
    @Transactional
    public List<ChangesetView> submitFiles(Actor actor, String author, List<ChangesetFile> files) {
        requireSubmitter(actor);
        String writtenBy = authorOf(actor, author);
        if (files == null || files.isEmpty()) {
            throw new InvalidInputException("files", "at least one changeset file is required");
        }
        if (files.size() > Limits.MAX_CHANGESETS) {
            throw new InvalidInputException("files", "must hold at most " + Limits.MAX_CHANGESETS + " files");
        }
        for (int i = 0; i < files.size(); i++) {
            checkSize(i, files.get(i));
        }
        List<Changeset> changesets = new ArrayList<>();
        Map<String, String> sources = new LinkedHashMap<>();
        for (int i = 0; i < files.size(); i++) {
            ChangesetFile file = files.get(i);
            try {
                Changeset changeset = parser.parse(file.name(), file.content());
                changesets.add(changeset);
                sources.put(changeset.id(), file.content());
            } catch (ChangesetFormatException e) {
                throw new InvalidInputException("files[" + i + "]", e.getMessage());
            }
        }
        return store(actor, writtenBy, changesets, sources, "files");
    }

    /**
     * Stores changesets sent as JSON.
     *
     * @param author the person who wrote the changesets, which CI must name; null when a person submits their own
     */
    @Transactional
    public List<ChangesetView> submit(Actor actor, String author, List<Changeset> changesets) {
        requireSubmitter(actor);
        String writtenBy = authorOf(actor, author);
        if (changesets == null || changesets.isEmpty()) {
            throw new InvalidInputException("changesets", "at least one changeset is required");
        }
        return store(actor, writtenBy, changesets, Map.of(), "changesets");
    }

    private static void checkSize(int index, ChangesetFile file) {
        String at = "files[" + index + "]";
        if (file == null || file.name() == null || file.name().isBlank()) {
            throw new InvalidInputException(at + ".name", "a file name such as brave-cats.md is required");
        }
        if (file.name().length() > Limits.MAX_FILE_NAME_CHARS) {
            throw new InvalidInputException(at + ".name",
                    "must be at most " + Limits.MAX_FILE_NAME_CHARS + " characters");
        }
        if (file.content() == null) {
            throw new InvalidInputException(at + ".content", "the file is empty");
        }
        if (Limits.utf8Bytes(file.content(), Limits.MAX_FILE_BYTES) > Limits.MAX_FILE_BYTES) {
            throw new InvalidInputException(at + ".content",
                    "must be at most " + Limits.MAX_FILE_BYTES + " bytes (64 KiB)");
        }
    }

    /**
     * Whom "nobody approves a changeset they authored" applies to: a person submits as themselves; CI must name the
     * person who wrote the changesets (for example the commit's author), never itself.
     */
    private static String authorOf(Actor actor, String named) {
        if (!actor.has(Role.CI)) {
            ChangesetPermissions.submitAs(actor, named).orThrow();
            return actor.username();
        }
        if (named == null || named.isBlank()) {
            throw new InvalidInputException("author", "CI must name the person who wrote the changesets (for example "
                    + "the commit's author) by their Greenlight username");
        }
        if (!USERNAME.matcher(named).matches()) {
            throw new InvalidInputException("author",
                    "must be a username of letters, digits, '.', '_', '@' or '-' (at most 100 characters)");
        }
        if (named.equals(actor.username()) || named.equals(Actor.SYSTEM.username())) {
            throw new InvalidInputException("author", "must name the person who wrote the changesets, not " + named);
        }
        return named;
    }

    /** Removes a pending changeset (its author or a maintainer); released ones are history and stay. */
    @Transactional
    public void remove(Actor actor, String slug) {
        ChangesetRecord record = ChangesetRecord.find("releaseId is null and slug = ?1", slug)
                .<ChangesetRecord>firstResultOptional()
                .orElseThrow(() -> new ResourceNotFoundException("Pending changeset", slug));
        ChangesetPermissions.remove(actor, record.author).orThrow();
        audit.record(actor, new AuditLog.Change("changeset.removed", "changeset", record.slug, null,
                snapshot(record), null));
        ReleaseChangeset.delete("changesetId", record.id);
        record.delete();
    }

    /**
     * Takes pending changesets for a new release, locking them so that two releases cannot take the same one. An empty
     * list takes every pending changeset.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Changeset> takeForRelease(Actor actor, long releaseId, List<String> slugs) {
        List<ChangesetRecord> records;
        if (slugs == null || slugs.isEmpty()) {
            records = ChangesetRecord.allPendingForUpdate();
        } else {
            Set<String> wanted = new LinkedHashSet<>(slugs);
            records = ChangesetRecord.pendingForUpdate(wanted);
            Set<String> found = new HashSet<>();
            records.forEach(r -> found.add(r.slug));
            wanted.removeAll(found);
            if (!wanted.isEmpty()) {
                throw new ConflictException("These changesets are not pending (unknown or already in a release): "
                        + String.join(", ", wanted));
            }
        }
        if (records.isEmpty()) {
            throw new ConflictException("There are no pending changesets to release.");
        }
        for (ChangesetRecord record : records) {
            record.releaseId = releaseId;
            ReleaseChangeset link = new ReleaseChangeset();
            link.releaseId = releaseId;
            link.changesetId = record.id;
            link.persist();
            audit.record(actor, new AuditLog.Change("changeset.added-to-release", "changeset", record.slug,
                    releaseId, null, Map.of("releaseId", releaseId)));
        }
        return records.stream().map(ChangesetRecord::toChangeset).toList();
    }

    /** The changesets a release holds now (a cancelled release holds none). */
    public List<ChangesetView> heldBy(long releaseId) {
        return ChangesetRecord.<ChangesetRecord>list(
                "from ChangesetRecord c left join fetch c.bumps where c.releaseId = ?1 order by c.createdAt, c.id", releaseId)
                .stream()
                .map(ChangesetView::of)
                .toList();
    }

    /** The changesets each of these releases holds now, in one query. */
    public Map<Long, List<ChangesetView>> heldBy(Collection<Long> releaseIds) {
        Map<Long, List<ChangesetView>> held = new HashMap<>();
        releaseIds.forEach(id -> held.put(id, new ArrayList<>()));
        if (!releaseIds.isEmpty()) {
            ChangesetRecord.<ChangesetRecord>list(
                    "from ChangesetRecord c left join fetch c.bumps where c.releaseId in ?1 order by c.createdAt, c.id",
                    releaseIds)
                    .forEach(record -> held.get(record.releaseId).add(ChangesetView.of(record)));
        }
        return held;
    }

    /** The changesets a release holds now, as the planner reads them. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Changeset> planInputOf(long releaseId) {
        return ChangesetRecord.<ChangesetRecord>list("releaseId = ?1 order by createdAt, id", releaseId)
                .stream()
                .map(ChangesetRecord::toChangeset)
                .toList();
    }

    /** Takes a changeset out of an open release; it is pending again. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void removeFromRelease(Actor actor, long releaseId, String slug) {
        ChangesetRecord record = ChangesetRecord.find("releaseId = ?1 and slug = ?2", releaseId, slug)
                .<ChangesetRecord>firstResultOptional()
                .orElseThrow(() -> new ResourceNotFoundException("Changeset", slug + " in release " + releaseId));
        record.releaseId = null;
        ReleaseChangeset.delete("releaseId = ?1 and changesetId = ?2", releaseId, record.id);
        audit.record(actor, new AuditLog.Change("changeset.removed-from-release", "changeset", record.slug,
                releaseId, Map.of("releaseId", releaseId), null));
    }

    /** A cancelled or declined release gives its changesets back. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void returnToPending(Actor actor, long releaseId) {
        for (ChangesetRecord record : ChangesetRecord.<ChangesetRecord>list("releaseId", releaseId)) {
            record.releaseId = null;
            audit.record(actor, new AuditLog.Change("changeset.returned-to-pending", "changeset", record.slug,
                    releaseId, Map.of("releaseId", releaseId), null));
        }
    }

    private List<ChangesetView> store(Actor actor, String author, List<Changeset> changesets,
            Map<String, String> sources, String field) {
        validate(changesets, field);
        Instant now = clock.instant();
        List<ChangesetView> stored = new ArrayList<>();
        for (Changeset changeset : changesets) {
            ChangesetRecord record = new ChangesetRecord();
            record.slug = changeset.id();
            record.summary = changeset.summary().strip();
            record.source = sources.get(changeset.id());
            record.author = author;
            record.submittedBy = actor.username();
            record.createdAt = now;
            changeset.releases().forEach((name, bump) -> record.bumps.add(new ChangesetRecord.Bump(name, bump.id())));
            record.persist();
            audit.record(actor, new AuditLog.Change("changeset.submitted", "changeset", record.slug, null, null,
                    snapshot(record)));
            stored.add(ChangesetView.of(record));
        }
        return stored;
    }

    private void validate(List<Changeset> changesets, String field) {
        Set<String> known = new HashSet<>();
        workspace.manifests().forEach(m -> known.add(m.name()));
        List<FieldError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < changesets.size(); i++) {
            Changeset changeset = changesets.get(i);
            String at = field + "[" + i + "]";
            if (changeset == null) {
                errors.add(new FieldError(at, "must not be null"));
                continue;
            }
            if (changeset.id() == null || !SLUG.matcher(changeset.id()).matches()) {
                errors.add(new FieldError(at + ".id",
                        "must be a changeset name of letters, digits, '.', '_' or '-' (at most 100), such as brave-cats"));
            } else if (!seen.add(changeset.id())) {
                errors.add(new FieldError(at + ".id", "changeset " + changeset.id() + " is submitted twice"));
            } else if (ChangesetRecord.count("releaseId is null and slug = ?1", changeset.id()) > 0) {
                errors.add(new FieldError(at + ".id", "a pending changeset named " + changeset.id() + " exists already"));
            }
            if (changeset.summary() == null || changeset.summary().isBlank()) {
                errors.add(new FieldError(at + ".summary", "must describe the change"));
            } else if (changeset.summary().length() > Limits.MAX_SUMMARY_CHARS) {
                errors.add(new FieldError(at + ".summary",
                        "must be at most " + Limits.MAX_SUMMARY_CHARS + " characters"));
            }
            if (changeset.releases() == null || changeset.releases().isEmpty()) {
                errors.add(new FieldError(at + ".releases", "must name at least one package and its bump"));
            } else {
                changeset.releases().forEach((name, bump) -> {
                    if (!known.contains(name)) {
                        errors.add(new FieldError(at + ".releases." + name, "unknown package " + name));
                    }
                    if (bump == null) {
                        errors.add(new FieldError(at + ".releases." + name, "bump must be patch, minor, major or none"));
                    }
                });
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private static Map<String, Object> snapshot(ChangesetRecord record) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("id", record.slug);
        state.put("summary", record.summary);
        Map<String, String> releases = new LinkedHashMap<>();
        record.bumps.forEach(b -> releases.put(b.packageName(), b.bump()));
        state.put("releases", releases);
        state.put("author", record.author);
        state.put("submittedBy", record.submittedBy);
        return state;
    }
}

package dev.greenlight.workspace;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.semver4j.Semver;

import dev.greenlight.audit.AuditLog;
import dev.greenlight.common.FieldError;
import dev.greenlight.common.InvalidInputException;
import dev.greenlight.common.Limits;
import dev.greenlight.security.Actor;

/** The workspace's packages: what release plans start from. */
@ApplicationScoped
public class WorkspaceService {
    /** npm's rules for a (possibly scoped) package name. */
    private static final Pattern PACKAGE_NAME = Pattern
            .compile("^(@[a-z0-9-~][a-z0-9-._~]*/)?[a-z0-9-~][a-z0-9-._~]*$");

    private final AuditLog audit;
    private final Clock clock;

    @Inject
    WorkspaceService(AuditLog audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    public List<PackageManifest> manifests() {
        return WorkspacePackage.listByName().stream().map(WorkspacePackage::toManifest).toList();
    }

    /** Adds the given packages or replaces their manifests; packages not named are left alone. */
    @Transactional
    public List<PackageManifest> save(Actor actor, List<PackageManifest> manifests) {
        WorkspacePermissions.edit(actor).orThrow();
        validate(manifests);
        Instant now = clock.instant();
        for (PackageManifest manifest : manifests) {
            WorkspacePackage pkg = WorkspacePackage.findByName(manifest.name()).orElse(null);
            Map<String, Object> before = pkg == null ? null : snapshot(pkg.toManifest());
            if (pkg == null) {
                pkg = new WorkspacePackage();
                pkg.name = manifest.name();
            }
            pkg.version = manifest.version();
            pkg.dependencies = new LinkedHashMap<>(manifest.dependencies());
            pkg.devDependencies = new LinkedHashMap<>(manifest.devDependencies());
            pkg.peerDependencies = new LinkedHashMap<>(manifest.peerDependencies());
            pkg.updatedAt = now;
            pkg.updatedBy = actor.username();
            pkg.persist();
            audit.record(actor, new AuditLog.Change(before == null ? "package.added" : "package.updated", "package",
                    pkg.name, null, before, snapshot(manifest)));
        }
        return manifests();
    }

    /** Sets the versions a published release produced. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void applyVersions(Actor actor, List<PackageManifest> manifests) {
        for (PackageManifest manifest : manifests) {
            WorkspacePackage pkg = WorkspacePackage.findByName(manifest.name()).orElse(null);
            if (pkg == null) {
                continue;
            }
            pkg.version = manifest.version();
            pkg.dependencies = new LinkedHashMap<>(manifest.dependencies());
            pkg.devDependencies = new LinkedHashMap<>(manifest.devDependencies());
            pkg.peerDependencies = new LinkedHashMap<>(manifest.peerDependencies());
            pkg.updatedAt = clock.instant();
            pkg.updatedBy = actor.username();
        }
    }

    /**
     * Throws a 400 naming each bad field; used by every entry point that takes manifests. Sizes
     * ({@link Limits}) are checked before a name, version or range is parsed.
     */
    public static void validate(List<PackageManifest> manifests) {
        List<FieldError> errors = new ArrayList<>();
        if (manifests == null || manifests.isEmpty()) {
            throw new InvalidInputException("packages", "at least one package is required");
        }
        if (manifests.size() > Limits.MAX_PACKAGES) {
            throw new InvalidInputException("packages", "must hold at most " + Limits.MAX_PACKAGES + " packages");
        }
        checkInternalDependencies(manifests);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < manifests.size(); i++) {
            PackageManifest manifest = manifests.get(i);
            String field = "packages[" + i + "]";
            if (manifest == null) {
                errors.add(new FieldError(field, "must not be null"));
                continue;
            }
            if (manifest.name() != null && manifest.name().length() > Limits.MAX_PACKAGE_NAME_CHARS) {
                errors.add(new FieldError(field + ".name",
                        "must be at most " + Limits.MAX_PACKAGE_NAME_CHARS + " characters"));
            } else if (manifest.name() == null || !PACKAGE_NAME.matcher(manifest.name()).matches()) {
                errors.add(new FieldError(field + ".name", "must be an npm package name such as @neuronx/core"));
            } else if (!seen.add(manifest.name())) {
                errors.add(new FieldError(field + ".name", "package " + manifest.name() + " is listed twice"));
            }
            if (manifest.version() != null && manifest.version().length() > Limits.MAX_VERSION_CHARS) {
                errors.add(new FieldError(field + ".version",
                        "must be at most " + Limits.MAX_VERSION_CHARS + " characters"));
            } else if (manifest.version() == null || !Semver.isValid(manifest.version())) {
                errors.add(new FieldError(field + ".version", "must be a SemVer version such as 1.2.3"));
            }
            checkRanges(errors, field + ".dependencies", manifest.dependencies());
            checkRanges(errors, field + ".devDependencies", manifest.devDependencies());
            checkRanges(errors, field + ".peerDependencies", manifest.peerDependencies());
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private static void checkInternalDependencies(List<PackageManifest> manifests) {
        Set<String> names = new HashSet<>();
        manifests.stream().filter(m -> m != null && m.name() != null).forEach(m -> names.add(m.name()));
        long internal = 0;
        for (PackageManifest manifest : manifests) {
            if (manifest != null) {
                internal += Stream.of(manifest.dependencies(), manifest.devDependencies(), manifest.peerDependencies())
                        .flatMap(section -> section.keySet().stream())
                        .filter(names::contains)
                        .count();
            }
        }
        if (internal > Limits.MAX_INTERNAL_DEPENDENCIES) {
            throw new InvalidInputException("packages", "may hold at most " + Limits.MAX_INTERNAL_DEPENDENCIES
                    + " dependencies between the listed packages, not " + internal);
        }
    }

    private static void checkRanges(List<FieldError> errors, String field, Map<String, String> ranges) {
        if (ranges.size() > Limits.MAX_DEPENDENCIES) {
            errors.add(new FieldError(field, "must hold at most " + Limits.MAX_DEPENDENCIES + " dependencies"));
            return;
        }
        ranges.forEach((name, range) -> {
            if (name.length() > Limits.MAX_PACKAGE_NAME_CHARS) {
                errors.add(new FieldError(field, "package names must be at most " + Limits.MAX_PACKAGE_NAME_CHARS
                        + " characters"));
            } else if (range == null || range.isBlank()) {
                errors.add(new FieldError(field + "." + name, "must be a version range such as ^1.2.0"));
            } else if (range.length() > Limits.MAX_RANGE_CHARS) {
                errors.add(new FieldError(field + "." + name,
                        "must be at most " + Limits.MAX_RANGE_CHARS + " characters"));
            }
        });
    }

    static Map<String, Object> snapshot(PackageManifest manifest) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("name", manifest.name());
        state.put("version", manifest.version());
        state.put("dependencies", manifest.dependencies());
        state.put("devDependencies", manifest.devDependencies());
        state.put("peerDependencies", manifest.peerDependencies());
        return state;
    }
}

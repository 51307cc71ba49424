package dev.greenlight.changeset;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.greenlight.common.Limits;
import dev.greenlight.common.FieldError;
import dev.greenlight.common.InvalidInputException;

/** A changeset as JSON: {"id":"brave-cats","summary":"…","releases":{"@neuronx/core":"minor"}}. */
public record ChangesetInput(String id, String summary, Map<String, String> releases) {

    /**
     * Converts every input, naming the field of each bad bump type under {@code field}. Sizes are checked first
     * ({@link Limits}), so that nothing oversized is looked at further.
     */
    public static List<Changeset> toChangesets(String field, List<ChangesetInput> inputs) {
        if (inputs == null) {
            throw new InvalidInputException(field, "is required");
        }
        if (inputs.size() > Limits.MAX_CHANGESETS) {
            throw new InvalidInputException(field, "must hold at most " + Limits.MAX_CHANGESETS + " changesets");
        }
        long changelogChars = 0;
        for (ChangesetInput input : inputs) {
            if (input != null && input.summary() != null) {
                changelogChars += (long) input.summary().length()
                        * Math.max(1, input.releases() == null ? 0 : input.releases().size());
            }
        }
        if (changelogChars > Limits.MAX_CHANGELOG_CHARS) {
            throw new InvalidInputException(field, "summaries times the packages they name may be at most "
                    + Limits.MAX_CHANGELOG_CHARS + " characters of changelog, not " + changelogChars);
        }
        List<FieldError> errors = new ArrayList<>();
        List<Changeset> changesets = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            ChangesetInput input = inputs.get(i);
            String at = field + "[" + i + "]";
            if (input == null) {
                errors.add(new FieldError(at, "must not be null"));
                continue;
            }
            if (!withinLimits(errors, at, input)) {
                continue;
            }
            Map<String, BumpType> releases = new LinkedHashMap<>();
            if (input.releases() != null) {
                input.releases().forEach((name, bump) -> {
                    try {
                        releases.put(name, BumpType.parse(bump));
                    } catch (IllegalArgumentException | NullPointerException e) {
                        errors.add(new FieldError(at + ".releases." + name,
                                "bump must be one of patch, minor, major or none, not " + bump));
                    }
                });
            }
            changesets.add(new Changeset(input.id(), input.summary(), releases));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return changesets;
    }

    private static boolean withinLimits(List<FieldError> errors, String at, ChangesetInput input) {
        int before = errors.size();
        if (input.id() != null && input.id().length() > Limits.MAX_FILE_NAME_CHARS) {
            errors.add(new FieldError(at + ".id", "must be at most " + Limits.MAX_FILE_NAME_CHARS + " characters"));
        }
        if (input.summary() != null && input.summary().length() > Limits.MAX_SUMMARY_CHARS) {
            errors.add(new FieldError(at + ".summary",
                    "must be at most " + Limits.MAX_SUMMARY_CHARS + " characters"));
        }
        if (input.releases() != null && input.releases().size() > Limits.MAX_PACKAGES) {
            errors.add(new FieldError(at + ".releases", "must name at most " + Limits.MAX_PACKAGES + " packages"));
        }
        return errors.size() == before;
    }
}

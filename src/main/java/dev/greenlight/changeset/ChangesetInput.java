package dev.greenlight.changeset;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.greenlight.web.FieldError;
import dev.greenlight.web.InvalidInputException;

/** A changeset as JSON: {"id":"brave-cats","summary":"…","releases":{"@neuronx/core":"minor"}}. */
public record ChangesetInput(String id, String summary, Map<String, String> releases) {

    /** Converts every input, naming the field of each bad bump type under {@code field}. */
    public static List<Changeset> toChangesets(String field, List<ChangesetInput> inputs) {
        if (inputs == null) {
            throw new InvalidInputException(field, "is required");
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
}

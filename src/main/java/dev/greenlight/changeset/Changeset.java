package dev.greenlight.changeset;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One changeset file: its id (the file name without ".md"), its summary and the bump it asks for per package, in
 * front matter order. An empty {@code releases} map is an "empty changeset" ({@code changeset add --empty}).
 */
public record Changeset(String id, String summary, Map<String, BumpType> releases) {

    public Changeset {
        summary = summary == null ? "" : summary;
        releases = releases == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(releases));
    }
}

package dev.greenlight.deploy;

import java.util.Map;

/** Reading parsed YAML (snakeyaml's maps and lists) by dotted path. */
final class Yamls {
    private Yamls() {
    }

    /** The value at {@code path} ("spec.template.spec.containers"), or null when any step is missing. */
    @SuppressWarnings("unchecked")
    static <T> T at(Map<String, Object> root, String path) {
        Object current = root;
        for (String key : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = ((Map<String, Object>) map).get(key);
        }
        return (T) current;
    }
}

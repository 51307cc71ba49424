package dev.greenlight.workspace;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parts of a workspace package's package.json that versioning reads and rewrites. Dependency maps keep their
 * insertion order, like package.json; a null map means the section is absent.
 */
public record PackageManifest(String name, String version, Map<String, String> dependencies,
        Map<String, String> devDependencies, Map<String, String> peerDependencies) {

    public PackageManifest {
        dependencies = ordered(dependencies);
        devDependencies = ordered(devDependencies);
        peerDependencies = ordered(peerDependencies);
    }

    /** A package without dependencies. */
    public PackageManifest(String name, String version) {
        this(name, version, null, null, null);
    }

    private static Map<String, String> ordered(Map<String, String> map) {
        return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}

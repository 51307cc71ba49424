package dev.greenlight.demo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.greenlight.workspace.PackageManifest;

/** NeuronX's packages and their internal dependencies: the demo workspace and the tests' standard fixture. */
public final class NeuronxWorkspace {
    public static final String CORE = "@neuronx/core";
    public static final String API = "@neuronx/api";
    public static final String SDK = "@neuronx/sdk";
    public static final String CLI = "@neuronx/cli";
    public static final String UI = "@neuronx/ui";

    private NeuronxWorkspace() {
    }

    public static List<PackageManifest> packages() {
        return List.of(
                manifest(CORE, "1.4.2", Map.of(), Map.of()),
                manifest(API, "2.1.0", Map.of(CORE, "^1.4.0"), Map.of()),
                manifest(SDK, "1.0.3", ordered(API, "^2.1.0", CORE, "^1.4.0"), Map.of()),
                manifest(CLI, "0.9.1", Map.of(SDK, "^1.0.0"), Map.of()),
                manifest(UI, "3.2.0", Map.of(SDK, "~1.0.3"), Map.of(CORE, "^1.0.0")));
    }

    private static PackageManifest manifest(String name, String version, Map<String, String> dependencies,
            Map<String, String> peerDependencies) {
        return new PackageManifest(name, version, new LinkedHashMap<>(dependencies), new LinkedHashMap<>(),
                new LinkedHashMap<>(peerDependencies));
    }

    private static Map<String, String> ordered(String k1, String v1, String k2, String v2) {
        Map<String, String> map = new LinkedHashMap<>();
        map.put(k1, v1);
        map.put(k2, v2);
        return map;
    }
}

package dev.greenlight.gate;

import java.util.Arrays;
import java.util.Optional;

/** The pre-release quality gates of the policy ("Quality Gates for Releases"). */
public enum Gate {
    TESTS("tests", "Tests pass", "failed tests"),
    COVERAGE("coverage", "Coverage", "% line coverage"),
    CRITICAL_VULNERABILITIES("critical-vulnerabilities", "No critical vulnerabilities", "critical vulnerabilities"),
    /** Computed by Greenlight from the release's plan, never reported. */
    CHANGELOG("changelog", "Changelog complete", null),
    EVIDENCE("evidence", "Release evidence captured", null);

    private final String id;
    private final String label;
    private final String unit;

    Gate(String id, String label, String unit) {
        this.id = id;
        this.label = label;
        this.unit = unit;
    }

    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    /** What the measured value counts; null for gates without a value. */
    public String unit() {
        return unit;
    }

    public boolean isMeasured() { return unit != null; }

    public boolean isComputed() { return this == CHANGELOG; }

    public static Optional<Gate> fromId(String id) {
        return Arrays.stream(values()).filter(g -> g.id.equals(id)).findFirst();
    }
}

package dev.greenlight.validation;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The post-release checks of the policy ("Post-release Validation"). */
public enum Check {
    SMOKE_TESTS("smoke-tests", "Smoke tests pass", "failed smoke tests"),
    ERROR_RATE("error-rate", "Error rate within threshold", "% of requests failing"),
    PERFORMANCE_REGRESSION("performance-regression", "No performance regression",
            "% slower than the previous release"),
    ROLLBACK_PLAN("rollback-plan", "Rollback plan documented", null);

    private final String id;
    private final String label;
    private final String unit;

    Check(String id, String label, String unit) {
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

    /** What the measured value counts; null for the rollback plan, which takes evidence. */
    public String unit() {
        return unit;
    }

    public boolean isMeasured() { return unit != null; }

    /** By id ("smoke-tests") or name ("SMOKE_TESTS"). */
    public static Optional<Check> fromId(String id) {
        if (id == null) {
            return Optional.empty();
        }
        String normalised = id.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        return Arrays.stream(values()).filter(c -> c.id.equals(normalised)).findFirst();
    }
}

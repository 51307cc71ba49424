package dev.greenlight.metrics;

import java.math.BigDecimal;

/**
 * One metric for one period: its value (null when there is no data), the unit, the target in words and the verdict.
 */
public record Figure(String key, String label, BigDecimal value, String unit, String target, Verdict verdict,
        String detail) {

    public enum Verdict {
        PASS,
        FAIL,
        NO_DATA,
        /** DORA's keys have no target in the policy: shown for information. */
        INFO
    }

    public boolean hasValue() {
        return value != null;
    }
}

package dev.greenlight.environment;

import java.math.BigDecimal;

/** A post-release check measured during one rollout step, with Greenlight's verdict against the policy. */
public record StepCheck(String check, String label, BigDecimal value, String unit, boolean passed, String threshold) {
}

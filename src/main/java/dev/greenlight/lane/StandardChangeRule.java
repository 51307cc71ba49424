package dev.greenlight.lane;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.greenlight.policy.StandardChangePolicy;

/**
 * The standard-change rule as pure logic: from a release's facts to a decision with each condition's value, so that
 * the live lane and the replay judge alike and every condition is tested on fixed facts.
 */
record StandardChangeRule(List<String> allowedBumps, BigDecimal maxChangeFailureRate, Duration window) {
    static final String BUMPS = "bumps";
    static final String GATES = "gates";
    static final String SECURITY_FIX = "no-security-fix";
    static final String CHANGE_FAILURE_RATE = "change-failure-rate";
    static final String FREEZE = "outside-freeze";

    static StandardChangeRule of(StandardChangePolicy policy) {
        return new StandardChangeRule(List.copyOf(policy.allowedBumps()), policy.maxChangeFailureRate(),
                policy.window());
    }

    LaneDecision judge(LaneFacts facts) {
        List<LaneCondition> conditions = new ArrayList<>();
        conditions.add(new LaneCondition(BUMPS, "Only " + String.join(" or ", allowedBumps) + " bumps",
                !facts.bumps().isEmpty() && facts.bumps().values().stream().allMatch(allowedBumps::contains),
                facts.bumps().isEmpty() ? "ships no package" : join(facts.bumps())));
        conditions.add(new LaneCondition(GATES, "Every gate passed",
                !facts.gates().isEmpty() && facts.gates().values().stream().allMatch("PASSED"::equals),
                join(facts.gates())));
        conditions.add(new LaneCondition(SECURITY_FIX, "No security-fix changeset", facts.securityFixes() == 0,
                facts.securityFixes() == 0
                        ? "none"
                        : facts.securityFixes() + " changeset" + (facts.securityFixes() == 1 ? "" : "s")
                                + " marked as a security fix"));
        conditions.add(new LaneCondition(CHANGE_FAILURE_RATE,
                "Change failure rate below " + maxChangeFailureRate.stripTrailingZeros().toPlainString() + " % over "
                        + window.toDays() + " days",
                facts.changeFailureRates()
                        .values()
                        .stream()
                        .allMatch(rate -> rate == null || rate.compareTo(maxChangeFailureRate) < 0),
                facts.changeFailureRates().isEmpty()
                        ? "no package"
                        : facts.changeFailureRates()
                                .entrySet()
                                .stream()
                                .map(e -> e.getKey() + " " + (e.getValue() == null
                                        ? "no releases published"
                                        : e.getValue().stripTrailingZeros().toPlainString() + " %"))
                                .collect(Collectors.joining(", "))));
        conditions.add(new LaneCondition(FREEZE, "Outside a freeze", facts.freeze().isEmpty(),
                facts.freeze().map(name -> "in freeze \"" + name + "\"").orElse("no freeze")));
        return new LaneDecision(conditions);
    }

    private static String join(Map<String, String> values) {
        return values.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }
}

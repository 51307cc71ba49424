package dev.greenlight.lane;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class StandardChangeRuleTest {
    private static final StandardChangeRule RULE = new StandardChangeRule(List.of("patch"), new BigDecimal("15"),
            Duration.ofDays(90));
    private static final Map<String, String> PASSED = gates("PASSED", "PASSED");

    private static Map<String, String> gates(String tests, String coverage) {
        Map<String, String> gates = new LinkedHashMap<>();
        gates.put("tests", tests);
        gates.put("coverage", coverage);
        return gates;
    }

    private static LaneFacts facts(Map<String, String> bumps, Map<String, String> gates, long securityFixes,
            Map<String, BigDecimal> rates, Optional<String> freeze) {
        return new LaneFacts(bumps, gates, securityFixes, rates, freeze);
    }

    private static Map<String, BigDecimal> rate(String pkg, String percent) {
        Map<String, BigDecimal> rates = new LinkedHashMap<>();
        rates.put(pkg, percent == null ? null : new BigDecimal(percent));
        return rates;
    }

    private static Map<String, Boolean> holds(LaneDecision decision) {
        Map<String, Boolean> holds = new LinkedHashMap<>();
        decision.conditions().forEach(c -> holds.put(c.key(), c.holds()));
        return holds;
    }

    @Test
    void aPatchWithGatesPassedNoSecurityFixLowFailureRateAndNoFreezeIsApproved() {
        LaneDecision decision = RULE.judge(facts(Map.of("@neuronx/cli", "patch"), PASSED, 0,
                rate("@neuronx/cli", "14.99"), Optional.empty()));

        assertThat(decision.approves()).isTrue();
        assertThat(decision.verdict()).isEqualTo("auto-approved");
        assertThat(decision.conditions()).extracting(LaneCondition::key)
                .containsExactly("bumps", "gates", "no-security-fix", "change-failure-rate", "outside-freeze");
        assertThat(decision.conditions()).extracting(LaneCondition::value)
                .containsExactly("@neuronx/cli patch", "tests PASSED, coverage PASSED", "none",
                        "@neuronx/cli 14.99 %", "no freeze");
    }

    @Test
    void eachConditionAloneDeclines() {
        Map<String, String> patch = Map.of("@neuronx/cli", "patch");
        Map<String, BigDecimal> low = rate("@neuronx/cli", "0");
        assertThat(holds(RULE.judge(facts(Map.of("@neuronx/cli", "minor"), PASSED, 0, low, Optional.empty()))))
                .containsEntry("bumps", false)
                .containsValues(true);
        assertThat(holds(RULE.judge(facts(patch, gates("PASSED", "MISSING"), 0, low, Optional.empty()))))
                .containsEntry("gates", false);
        assertThat(holds(RULE.judge(facts(patch, gates("PASSED", "BYPASSED"), 0, low, Optional.empty()))))
                .as("a bypassed gate is an emergency's, not a standard change's")
                .containsEntry("gates", false);
        LaneDecision security = RULE.judge(facts(patch, PASSED, 2, low, Optional.empty()));
        assertThat(security.failing()).extracting(LaneCondition::value)
                .containsExactly("2 changesets marked as a security fix");
        LaneDecision failing = RULE.judge(facts(patch, PASSED, 0, rate("@neuronx/cli", "15"), Optional.empty()));
        assertThat(failing.failing()).extracting(LaneCondition::key)
                .as("the threshold itself is not below it")
                .containsExactly("change-failure-rate");
        LaneDecision frozen = RULE.judge(facts(patch, PASSED, 0, low, Optional.of("Holiday freeze")));
        assertThat(frozen.failing()).extracting(LaneCondition::value).containsExactly("in freeze \"Holiday freeze\"");
        assertThat(frozen.approves()).isFalse();
    }

    @Test
    void aPackageWithoutPublishedReleasesHasNoFailuresToCount() {
        LaneDecision decision = RULE.judge(facts(Map.of("@neuronx/ui", "patch"), PASSED, 0, rate("@neuronx/ui", null),
                Optional.empty()));

        assertThat(decision.approves()).isTrue();
        assertThat(decision.conditions().get(3).value()).isEqualTo("@neuronx/ui no releases published");
    }

    @Test
    void aReleaseShippingNothingOrWithoutGatesIsNotAStandardChange() {
        LaneDecision decision = RULE.judge(facts(Map.of(), Map.of(), 0, Map.of(), Optional.empty()));

        assertThat(decision.failing()).extracting(LaneCondition::key).containsExactly("bumps", "gates");
    }
}

package dev.greenlight.environment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.greenlight.security.Role;
import dev.greenlight.validation.Check;

class RolloutTest {
    private static final Instant PUBLISHED = Instant.parse("2026-11-27T09:00:00Z");
    private static final EnvironmentRule STAGING = new EnvironmentRule("staging", 0, List.of(100), Duration.ZERO, 0,
            Set.of(Role.ENGINEERING_LEADER), List.of(Check.SMOKE_TESTS));
    private static final EnvironmentRule PRODUCTION = new EnvironmentRule("production", 1, List.of(5, 25, 100),
            Duration.ofHours(1), 1, Set.of(Role.ENGINEERING_LEADER, Role.MAINTAINER), List.of(Check.SMOKE_TESTS));
    private static final List<EnvironmentRule> RULES = List.of(STAGING, PRODUCTION);

    private final List<Rollout.Report> reports = new ArrayList<>();
    private final List<Rollout.Approval> approvals = new ArrayList<>();

    private void report(String env, DeploymentStatus status, int percentage, Instant at, StepCheck... checks) {
        reports.add(new Rollout.Report(reports.size() + 1, env, status, percentage, null, null, List.of(checks), "ci",
                at));
    }

    private static StepCheck smoke(boolean passed) {
        return new StepCheck("smoke-tests", "Smoke tests pass", passed ? BigDecimal.ZERO : BigDecimal.ONE,
                "failed smoke tests", passed, "at most 0 failed smoke tests");
    }

    private List<Rollout.EnvironmentState> at(Instant now) {
        return Rollout.of(RULES, reports, approvals, PUBLISHED, now);
    }

    @Test
    void nothingReportedLeavesStagingReadyAndProductionBlockedByEveryRule() {
        List<Rollout.EnvironmentState> states = at(PUBLISHED);
        assertThat(states.get(0).status()).isEqualTo("not started");
        assertThat(states.get(0).blockers()).isEmpty();
        assertThat(states.get(1).blockers()).containsExactly("staging is not validated (not started)",
                "wait timer: 1 hour after staging is validated",
                "approvals: 0 of 1 (engineering leader or maintainer)");
        assertThat(Rollout.mayReport(states.get(1), 5).reason()).startsWith("Promotion to production is not allowed");
    }

    @Test
    void stagingIsValidatedOnlyOnceItsChecksPass() {
        Instant t = PUBLISHED.plusSeconds(60);
        report("staging", DeploymentStatus.SUCCEEDED, 100, t);
        assertThat(at(t).get(0).status()).isEqualTo("deployment awaiting checks");
        assertThat(at(t).get(0).isValidated()).isFalse();
        report("staging", DeploymentStatus.SUCCEEDED, 100, t.plusSeconds(60), smoke(true));
        assertThat(at(t).get(0).status()).isEqualTo("succeeded");
        assertThat(at(t).get(0).validatedAt()).isEqualTo(t.plusSeconds(60));
    }

    @Test
    void theWaitTimerCountsFromValidationAndApprovalsOpenTheFirstStep() {
        Instant validated = PUBLISHED.plusSeconds(600);
        report("staging", DeploymentStatus.SUCCEEDED, 100, validated, smoke(true));
        approvals.add(new Rollout.Approval("production", "leah", validated));
        assertThat(at(validated.plusSeconds(59 * 60)).get(1).blockers())
                .containsExactly("wait timer: 1 minute remaining (until 2026-11-27T10:10:00Z)");
        Rollout.EnvironmentState ready = at(validated.plus(Duration.ofHours(1))).get(1);
        assertThat(ready.blockers()).isEmpty();
        assertThat(Rollout.mayReport(ready, 5).allowed()).isTrue();
        assertThat(Rollout.mayReport(ready, 25).reason())
                .isEqualTo("Step 25 % in production needs step 5 % passed first; it is not started.");
    }

    @Test
    void canaryStepsFollowEachOtherAndAFailedCheckFailsTheStep() {
        Instant t = PUBLISHED.plus(Duration.ofHours(2));
        report("staging", DeploymentStatus.SUCCEEDED, 100, PUBLISHED, smoke(true));
        approvals.add(new Rollout.Approval("production", "leah", PUBLISHED));
        report("production", DeploymentStatus.STARTED, 5, t);
        assertThat(at(t).get(1).status()).isEqualTo("step 5 % in progress");
        report("production", DeploymentStatus.SUCCEEDED, 5, t, smoke(true));
        report("production", DeploymentStatus.STARTED, 25, t);
        assertThat(Rollout.mayReport(at(t).get(1), 100).allowed()).isFalse();
        report("production", DeploymentStatus.SUCCEEDED, 25, t, smoke(false));
        Rollout.EnvironmentState failed = at(t).get(1);
        assertThat(failed.status()).isEqualTo("failed at step 25 %");
        assertThat(failed.isFailed()).isTrue();
        assertThat(Rollout.mayReport(failed, 100).reason()).endsWith("it is failed.");
        // a retried step that passes lets the rollout go on
        report("production", DeploymentStatus.SUCCEEDED, 25, t, smoke(true));
        report("production", DeploymentStatus.SUCCEEDED, 100, t, smoke(true));
        assertThat(at(t).get(1).status()).isEqualTo("succeeded");
    }

    @Test
    void aFailedDeploymentFailsTheStepWhateverItsChecks() {
        report("staging", DeploymentStatus.FAILED, 100, PUBLISHED);
        assertThat(at(PUBLISHED).get(0).isFailed()).isTrue();
        assertThat(at(PUBLISHED).get(0).status()).isEqualTo("failed at deployment");
        assertThat(at(PUBLISHED).get(1).blockers()).first()
                .asString()
                .isEqualTo(
                        "staging is not validated (failed at deployment)");
    }

    @Test
    void durationsReadAsWords() {
        assertThat(Durations.words(Duration.ZERO)).isEqualTo("none");
        assertThat(Durations.words(Duration.ofSeconds(1))).isEqualTo("1 minute");
        assertThat(Durations.words(Duration.ofMinutes(125))).isEqualTo("2 hours 5 minutes");
        assertThat(Durations.words(Duration.ofDays(1))).isEqualTo("1 day");
    }
}

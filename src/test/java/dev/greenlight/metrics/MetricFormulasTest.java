package dev.greenlight.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

import dev.greenlight.metrics.Figure.Verdict;

/** The formulas on fixed counts, with NeuronX's targets as configured by default. */
class MetricFormulasTest {
    private static final MetricTargets DEFAULTS = new SmallRyeConfigBuilder().withMapping(MetricTargets.class)
            .build()
            .unwrap(SmallRyeConfig.class)
            .getConfigMapping(MetricTargets.class);
    private final MetricFormulas formulas = new MetricFormulas(DEFAULTS);

    private static Counts releases(long published, long rolledBack) {
        return new Counts(published, rolledBack, 0, 0, null, null, 0, null, 0, 0, 0, null, null);
    }

    private static Figure find(List<Figure> figures, String key) {
        return figures.stream().filter(f -> f.key().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void anEmptyPeriodHasNoDataRatherThanZeroOrNaN() {
        List<Figure> policy = formulas.policy(releases(0, 0));
        assertThat(policy).hasSize(6)
                .filteredOn(f -> !f.key().equals(MetricFormulas.SECURITY_INCIDENTS))
                .hasSize(5)
                .allSatisfy(f -> {
                    assertThat(f.value()).as(f.key()).isNull();
                    assertThat(f.verdict()).as(f.key()).isEqualTo(Verdict.NO_DATA);
                });
        // a count, not a ratio: no security incident is 0, which meets "≤ 0"
        Figure security = find(policy, MetricFormulas.SECURITY_INCIDENTS);
        assertThat(security.value()).isEqualByComparingTo("0");
        assertThat(security.verdict()).isEqualTo(Verdict.PASS);
        List<Figure> dora = formulas.dora(releases(0, 0), 7);
        assertThat(find(dora, MetricFormulas.DEPLOYMENT_FREQUENCY).value()).isEqualByComparingTo("0");
        assertThat(find(dora, MetricFormulas.CHANGE_FAILURE_RATE).verdict()).isEqualTo(Verdict.NO_DATA);
        assertThat(find(dora, MetricFormulas.LEAD_TIME).verdict()).isEqualTo(Verdict.NO_DATA);
        assertThat(find(dora, MetricFormulas.TIME_TO_RESTORE).verdict()).isEqualTo(Verdict.NO_DATA);
    }

    @Test
    void targetsAreStrictAboveAndBelow() {
        // 99 of 100 is exactly the target: "> 99 %" fails; 1 of 100 rolled back: "< 1 %" fails
        Figure success = formulas.deploymentSuccess(releases(100, 1));
        assertThat(success.value()).isEqualByComparingTo("99.00");
        assertThat(success.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(formulas.rollbackFrequency(releases(100, 1)).verdict()).isEqualTo(Verdict.FAIL);
        // 1 of 1000 rolled back: 99.9 % and 0.1 %, both pass
        assertThat(formulas.deploymentSuccess(releases(1000, 1)).verdict()).isEqualTo(Verdict.PASS);
        assertThat(formulas.rollbackFrequency(releases(1000, 1)).value()).isEqualByComparingTo("0.10");
        assertThat(formulas.rollbackFrequency(releases(1000, 1)).verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void deploymentSuccessCountsFailedChecksOnceBesideRollbacks() {
        Counts c = new Counts(10, 1, 2, 0, null, null, 0, null, 0, 0, 0, null, null);
        assertThat(formulas.deploymentSuccess(c).value()).isEqualByComparingTo("70.00");
        assertThat(formulas.deploymentSuccess(c).detail()).contains("7 of 10");
    }

    @Test
    void timeToDeployIsJudgedOnTheNinetiethPercentile() {
        Counts fifteen = new Counts(2, 0, 0, 2, 600.0, 900.0, 0, null, 0, 0, 0, null, null);
        assertThat(formulas.timeToDeploy(fifteen).value()).isEqualByComparingTo("15.00");
        assertThat(formulas.timeToDeploy(fifteen).verdict()).isEqualTo(Verdict.FAIL);
        Counts quick = new Counts(2, 0, 0, 2, 300.0, 899.0, 0, null, 0, 0, 0, null, null);
        assertThat(formulas.timeToDeploy(quick).verdict()).isEqualTo(Verdict.PASS);
        assertThat(formulas.timeToDeploy(releases(5, 0)).verdict()).isEqualTo(Verdict.NO_DATA);
    }

    @Test
    void defectsNeedChangesetsAndRegressionAMeasurementWhileSecurityIncidentsAreACount() {
        Counts none = releases(5, 0);
        assertThat(formulas.defectRate(none).verdict()).as("no changesets shipped").isEqualTo(Verdict.NO_DATA);
        assertThat(formulas.securityIncidents(none).verdict()).isEqualTo(Verdict.PASS);
        assertThat(formulas.performanceRegression(none).verdict()).isEqualTo(Verdict.NO_DATA);
        assertThat(formulas.deploymentSuccess(none).detail())
                .isEqualTo("5 of 5 releases neither rolled back nor failed a post-release check");
        assertThat(find(formulas.dora(none, 7), MetricFormulas.CHANGE_FAILURE_RATE).detail())
                .isEqualTo("0 of 5 releases rolled back or caused an incident");

        Counts some = new Counts(5, 0, 0, 0, null, null, 2000, null, 1, 0, 1, 7200.0, 4.99);
        assertThat(formulas.defectRate(some).value()).isEqualByComparingTo("0.05");
        assertThat(formulas.defectRate(some).verdict()).isEqualTo(Verdict.PASS);
        assertThat(formulas.securityIncidents(some).verdict()).isEqualTo(Verdict.PASS);
        assertThat(formulas.performanceRegression(some).verdict()).isEqualTo(Verdict.PASS);
        List<Figure> dora = formulas.dora(some, 7);
        assertThat(find(dora, MetricFormulas.TIME_TO_RESTORE).value()).isEqualByComparingTo("2.00");
        assertThat(find(dora, MetricFormulas.CHANGE_FAILURE_RATE).value()).isEqualByComparingTo("20.00");

        Counts bad = new Counts(5, 0, 0, 0, null, null, 0, null, 1, 1, 0, null, 5.0);
        assertThat(formulas.defectRate(bad).verdict()).as("no changesets shipped").isEqualTo(Verdict.NO_DATA);
        assertThat(formulas.securityIncidents(bad).verdict()).isEqualTo(Verdict.FAIL);
        assertThat(formulas.performanceRegression(bad).verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void ratiosRoundToTwoDecimals() {
        assertThat(MetricFormulas.ratio(2, 3, 100)).isEqualByComparingTo(new BigDecimal("66.67"));
        assertThat(MetricFormulas.ratio(1, 0, 100)).isNull();
    }
}

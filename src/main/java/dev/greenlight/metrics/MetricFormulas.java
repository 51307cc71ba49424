package dev.greenlight.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import dev.greenlight.metrics.Figure.Verdict;

/**
 * The formulas, from one period's counts to its figures and verdicts. Pure arithmetic, so that every rule (no data
 * instead of a division by zero, strict "above" and "below") is tested on fixed numbers.
 */
final class MetricFormulas {
    static final String DEPLOYMENT_SUCCESS = "deployment_success_rate";
    static final String ROLLBACK_FREQUENCY = "rollback_frequency";
    static final String TIME_TO_DEPLOY = "time_to_deploy";
    static final String DEFECT_RATE = "defect_rate";
    static final String PERFORMANCE_REGRESSION = "performance_regression";
    static final String SECURITY_INCIDENTS = "security_incidents";
    static final String DEPLOYMENT_FREQUENCY = "deployment_frequency";
    static final String LEAD_TIME = "lead_time";
    static final String CHANGE_FAILURE_RATE = "change_failure_rate";
    static final String TIME_TO_RESTORE = "time_to_restore";

    private final MetricTargets targets;

    MetricFormulas(MetricTargets targets) {
        this.targets = targets;
    }

    /** The policy's six metrics, in the policy's order. */
    List<Figure> policy(Counts c) {
        return List.of(deploymentSuccess(c), rollbackFrequency(c), timeToDeploy(c), defectRate(c),
                performanceRegression(c), securityIncidents(c));
    }

    /** DORA's four keys. {@code days} is the length of the period. */
    List<Figure> dora(Counts c, long days) {
        BigDecimal perDay = ratio(c.published(), days, 1);
        Figure frequency = info(DEPLOYMENT_FREQUENCY, "Deployment frequency", perDay, "releases per day",
                c.published() + " published in " + days + " days");
        Figure lead = info(LEAD_TIME, "Lead time for changes", hours(c.leadTimeSecondsP50()), "hours (median)",
                c.changesetsShipped() == 0
                        ? "no changesets shipped"
                        : "changeset submitted to production, " + c.changesetsShipped() + " changesets");
        long failed = c.rolledBack() + c.incidentReleasesNotRolledBack();
        Figure cfr = info(CHANGE_FAILURE_RATE, "Change failure rate", ratio(failed, c.published(), 100), "%",
                c.published() == 0
                        ? "no releases published"
                        : failed + " of " + c.published() + " releases rolled back or caused an incident");
        Figure restore = info(TIME_TO_RESTORE, "Time to restore service", hours(c.restoreSecondsP50()),
                "hours (median)", "incident start to resolution");
        return List.of(frequency, lead, cfr, restore);
    }

    Figure deploymentSuccess(Counts c) {
        long succeeded = c.published() - c.rolledBack() - c.failedChecksNotRolledBack();
        BigDecimal rate = ratio(succeeded, c.published(), 100);
        String detail = c.published() == 0
                ? "no releases published"
                : succeeded + " of " + c.published() + " releases neither rolled back nor failed a post-release check";
        return judged(DEPLOYMENT_SUCCESS, "Deployment success rate", rate, "%",
                "> " + plain(targets.deploymentSuccessRateAbove()) + " %",
                rate == null ? null : rate.compareTo(targets.deploymentSuccessRateAbove()) > 0, detail);
    }

    Figure rollbackFrequency(Counts c) {
        BigDecimal rate = ratio(c.rolledBack(), c.published(), 100);
        return judged(ROLLBACK_FREQUENCY, "Rollback frequency", rate, "%",
                "< " + plain(targets.rollbackFrequencyBelow()) + " %",
                rate == null ? null : rate.compareTo(targets.rollbackFrequencyBelow()) < 0,
                c.published() == 0
                        ? "no releases published"
                        : c.rolledBack() + " of " + c.published() + " releases rolled back");
    }

    Figure timeToDeploy(Counts c) {
        BigDecimal p90 = minutes(c.deploySecondsP90());
        BigDecimal limit = BigDecimal.valueOf(targets.timeToDeployBelow().toSeconds())
                .divide(BigDecimal.valueOf(60),
                        2, RoundingMode.HALF_UP);
        String detail = c.deployTimes() == 0
                ? "no merge and deploy times reported"
                : "90th percentile of " + c.deployTimes() + " deployments; median " + plain(minutes(
                        c.deploySecondsP50())) + " min";
        return judged(TIME_TO_DEPLOY, "Time to deploy", c.deployTimes() == 0 ? null : p90, "minutes (p90)",
                "< " + plain(limit) + " min", c.deployTimes() == 0 ? null : p90.compareTo(limit) < 0, detail);
    }

    Figure defectRate(Counts c) {
        BigDecimal rate = ratio(c.defects(), c.changesetsShipped(), 100);
        String detail = c.changesetsShipped() == 0
                ? "no changesets shipped"
                : c.defects() + " incidents for " + c.changesetsShipped() + " changesets shipped";
        return judged(DEFECT_RATE, "Defect rate", rate, "%", "< " + plain(targets.defectRateBelow()) + " %",
                rate == null ? null : rate.compareTo(targets.defectRateBelow()) < 0, detail);
    }

    Figure performanceRegression(Counts c) {
        BigDecimal worst = c.worstRegressionPercent() == null
                ? null
                : BigDecimal.valueOf(c.worstRegressionPercent()).setScale(2, RoundingMode.HALF_UP);
        return judged(PERFORMANCE_REGRESSION, "Performance regression", worst, "% (worst)",
                "< " + plain(targets.performanceRegressionBelow()) + " %",
                worst == null ? null : worst.compareTo(targets.performanceRegressionBelow()) < 0,
                worst == null ? "no performance checks recorded" : "worst latest performance check of a release");
    }

    Figure securityIncidents(Counts c) {
        return judged(SECURITY_INCIDENTS, "Post-release security incidents", BigDecimal.valueOf(c.securityIncidents()),
                "incidents", "≤ " + targets.securityIncidentsAtMost(),
                c.securityIncidents() <= targets.securityIncidentsAtMost(),
                "security incidents linked to releases published");
    }

    /** {@code part / whole × scale}, two decimals; null ("no data") when the whole is zero. */
    static BigDecimal ratio(long part, long whole, int scale) {
        if (whole == 0) {
            return null;
        }
        return BigDecimal.valueOf(part)
                .multiply(BigDecimal.valueOf(scale))
                .divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
    }

    private static BigDecimal minutes(Double seconds) {
        return seconds == null
                ? null
                : BigDecimal.valueOf(seconds)
                        .divide(BigDecimal.valueOf(60), 2,
                                RoundingMode.HALF_UP);
    }

    private static BigDecimal hours(Double seconds) {
        return seconds == null
                ? null
                : BigDecimal.valueOf(seconds)
                        .divide(BigDecimal.valueOf(3600), 2,
                                RoundingMode.HALF_UP);
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }

    private static Figure judged(String key, String label, BigDecimal value, String unit, String target,
            Boolean passed, String detail) {
        Verdict verdict = value == null || passed == null ? Verdict.NO_DATA : passed ? Verdict.PASS : Verdict.FAIL;
        return new Figure(key, label, value, unit, target, verdict, detail);
    }

    private static Figure info(String key, String label, BigDecimal value, String unit, String detail) {
        return new Figure(key, label, value, unit, "", value == null ? Verdict.NO_DATA : Verdict.INFO, detail);
    }
}

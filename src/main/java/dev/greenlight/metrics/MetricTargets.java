package dev.greenlight.metrics;

import java.math.BigDecimal;
import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The policy's "Release Metrics" targets as configuration; the defaults are NeuronX's. */
@ConfigMapping(prefix = "greenlight.policy.metrics")
public interface MetricTargets {
    /** Deployment success rate must be above this percentage (">99% successful deployments"). */
    @WithDefault("99")
    BigDecimal deploymentSuccessRateAbove();

    /** Rollback frequency must be below this percentage of releases ("<1%"). */
    @WithDefault("1")
    BigDecimal rollbackFrequencyBelow();

    /** Time from merge to production, at the 90th percentile, must be below this ("<15 minutes"). */
    @WithDefault("PT15M")
    Duration timeToDeployBelow();

    /** Post-release defects per shipped changeset must be below this percentage ("<0.1%"). */
    @WithDefault("0.1")
    BigDecimal defectRateBelow();

    /** The worst measured performance regression must be below this percentage ("<5%"). */
    @WithDefault("5")
    BigDecimal performanceRegressionBelow();

    /** Security incidents linked to published releases: at most this many ("Zero"). */
    @WithDefault("0")
    int securityIncidentsAtMost();

    /** The trailing window the Prometheus gauges report. */
    @WithDefault("P30D")
    Duration gaugeWindow();

    /** How long the gauges reuse a computed value before asking the database again. */
    @WithDefault("PT1M")
    Duration gaugeRefresh();
}

package dev.greenlight.policy;

import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * NeuronX's "Post-release Validation" as configuration: smoke tests, error rate and performance monitoring, and a
 * documented rollback plan. Greenlight judges the measured values against these thresholds.
 */
@ConfigMapping(prefix = "greenlight.policy.validation")
public interface ValidationPolicy {

    /** Checks every published release needs before it is validated. */
    @WithDefault("smoke-tests,error-rate,performance-regression,rollback-plan")
    List<String> required();

    /** Smoke tests pass: at most this many failed smoke tests. */
    @WithDefault("0")
    int maxFailedSmokeTests();

    /** Error rate after the release, in percent of requests: at most this. The policy names no figure; 1 % is ours. */
    @WithDefault("1")
    double errorRateMaxPercent();

    /** Performance regression versus the previous release, in percent: must stay below this ("<5%"). */
    @WithDefault("5")
    double performanceRegressionMaxPercent();
}

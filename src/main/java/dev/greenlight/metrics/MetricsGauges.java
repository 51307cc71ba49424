package dev.greenlight.metrics;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;

/**
 * The current figures (the trailing {@code gauge-window}) as Prometheus gauges: {@code greenlight_release_metric} with
 * a {@code metric} tag, and {@code greenlight_release_metric_pass} (1 pass, 0 fail) for alerts. "No data" is NaN, as
 * Prometheus expects. Computed on scrape, at most once per {@code gauge-refresh}.
 */
@ApplicationScoped
class MetricsGauges {
    private static final List<String> KEYS = List.of(MetricFormulas.DEPLOYMENT_SUCCESS,
            MetricFormulas.ROLLBACK_FREQUENCY, MetricFormulas.TIME_TO_DEPLOY, MetricFormulas.DEFECT_RATE,
            MetricFormulas.PERFORMANCE_REGRESSION, MetricFormulas.SECURITY_INCIDENTS,
            MetricFormulas.DEPLOYMENT_FREQUENCY, MetricFormulas.LEAD_TIME, MetricFormulas.CHANGE_FAILURE_RATE,
            MetricFormulas.TIME_TO_RESTORE);

    private final MetricsService metrics;
    private final MetricTargets targets;
    private final Clock clock;
    private volatile Map<String, Figure> current;
    private volatile Instant computedAt;

    @Inject
    MetricsGauges(MetricsService metrics, MetricTargets targets, Clock clock) {
        this.metrics = metrics;
        this.targets = targets;
        this.clock = clock;
    }

    void register(@Observes StartupEvent start, MeterRegistry registry) {
        for (String key : KEYS) {
            Gauge.builder("greenlight.release.metric", this, g -> g.value(key))
                    .tag("metric", key)
                    .description("Release metric over the trailing window; NaN when there is no data")
                    .register(registry);
            Gauge.builder("greenlight.release.metric.pass", this, g -> g.pass(key))
                    .tag("metric", key)
                    .description("1 when the release metric meets the policy's target, 0 when not, NaN without data")
                    .register(registry);
        }
    }

    double value(String key) {
        Figure f = figures().get(key);
        return f == null || f.value() == null ? Double.NaN : f.value().doubleValue();
    }

    double pass(String key) {
        Figure f = figures().get(key);
        if (f == null) {
            return Double.NaN;
        }
        return switch (f.verdict()) {
            case PASS -> 1;
            case FAIL -> 0;
            default -> Double.NaN;
        };
    }

    private Map<String, Figure> figures() {
        Instant now = clock.instant();
        Instant at = computedAt;
        if (current == null || at == null || !now.isBefore(at.plus(targets.gaugeRefresh()))) {
            MetricsReport.Period period = metrics.current(targets.gaugeWindow());
            current = Stream.concat(period.policy().stream(), period.dora().stream())
                    .collect(Collectors.toMap(Figure::key, Function.identity()));
            computedAt = now;
        }
        return current;
    }
}

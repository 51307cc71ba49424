package dev.greenlight.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import dev.greenlight.common.FieldError;
import dev.greenlight.common.InvalidInputException;
import dev.greenlight.web.Forms;
import dev.greenlight.workspace.WorkspaceService;

/** How the release process performs: the policy's metrics against their targets, DORA's keys, trend charts. */
@Path("/metrics")
@Produces(MediaType.TEXT_HTML)
class MetricsPages {
    private final MetricsService metrics;
    private final MetricTargets targets;
    private final WorkspaceService workspace;

    @Inject
    MetricsPages(MetricsService metrics, MetricTargets targets, WorkspaceService workspace) {
        this.metrics = metrics;
        this.targets = targets;
        this.workspace = workspace;
    }

    /** The form as typed. */
    record Filters(String from, String to, String bucket, String packageName) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance show(MetricsReport report, List<Chart> charts, List<Chart> doraCharts,
                Filters filters, List<String> packageNames, List<FieldError> errors, String nav);
    }

    @GET
    public Response show(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("bucket") String bucket, @QueryParam("package") String packageName) {
        Filters filters = new Filters(from, to, bucket == null || bucket.isBlank() ? "week" : bucket, packageName);
        List<String> packageNames = workspace.manifests().stream().map(m -> m.name()).toList();
        return Forms.submit(() -> {
            Bucket b = Bucket.parse(bucket);
            if (b == null) {
                throw new InvalidInputException("bucket", "must be week or month");
            }
            MetricsReport report = metrics.report(MetricsApi.date("from", from), MetricsApi.date("to", to), b,
                    packageName);
            return Response.ok(Templates.show(report, policyCharts(report), doraCharts(report), filters,
                    packageNames, List.of(), "metrics")).build();
        }, errors -> Templates.show(null, List.of(), List.of(), filters, packageNames, errors, "metrics"));
    }

    private List<Chart> policyCharts(MetricsReport report) {
        List<Chart> charts = new ArrayList<>();
        List<MetricsReport.Period> p = report.periods();
        charts.add(Chart.of(MetricFormulas.DEPLOYMENT_SUCCESS, p, targets.deploymentSuccessRateAbove(), false));
        charts.add(Chart.of(MetricFormulas.ROLLBACK_FREQUENCY, p, targets.rollbackFrequencyBelow(), false));
        charts.add(Chart.of(MetricFormulas.TIME_TO_DEPLOY, p, BigDecimal.valueOf(targets.timeToDeployBelow()
                .toSeconds()).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP), false));
        charts.add(Chart.of(MetricFormulas.DEFECT_RATE, p, targets.defectRateBelow(), false));
        charts.add(Chart.of(MetricFormulas.PERFORMANCE_REGRESSION, p, targets.performanceRegressionBelow(), false));
        charts.add(Chart.of(MetricFormulas.SECURITY_INCIDENTS, p, BigDecimal.valueOf(targets
                .securityIncidentsAtMost()), false));
        return charts;
    }

    private static List<Chart> doraCharts(MetricsReport report) {
        List<MetricsReport.Period> p = report.periods();
        return List.of(Chart.of(MetricFormulas.DEPLOYMENT_FREQUENCY, p, null, true),
                Chart.of(MetricFormulas.LEAD_TIME, p, null, true),
                Chart.of(MetricFormulas.CHANGE_FAILURE_RATE, p, null, true),
                Chart.of(MetricFormulas.TIME_TO_RESTORE, p, null, true));
    }
}

package dev.greenlight.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

/** What operators get from the packaged application: probes, metrics, JSON logs, all off the users' port. */
@ExtendWith(E2eStack.class)
class OperationsIT {

    @Test
    void readinessIncludesTheDatabaseOnTheManagementPort() {
        GreenlightProcess app = E2eStack.instanceA();
        HttpResponse<String> ready = Http.get(app.managementUrl() + "/q/health/ready");
        assertThat(ready.statusCode()).isEqualTo(200);
        JsonNode health = Http.json(ready.body());
        assertThat(health.get("status").asText()).isEqualTo("UP");
        assertThat(health.get("checks")).extracting(check -> check.get("name").asText())
                .contains("Database connections health check");

        assertThat(Http.get(app.managementUrl() + "/q/health/live").statusCode()).isEqualTo(200);
        assertThat(Http.get(app.managementUrl() + "/q/health/started").statusCode()).isEqualTo(200);
    }

    @Test
    void prometheusMetricsOnTheManagementPortOnly() {
        GreenlightProcess app = E2eStack.instanceA();
        // a page request of its own (/q/ paths are not counted), so the test does not depend on the other tests' traffic
        assertThat(Http.get(app.url() + "/api/v1/releases").statusCode()).isEqualTo(401);
        HttpResponse<String> metrics = Http.get(app.managementUrl() + "/q/metrics");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes", "http_server_requests_seconds_count",
                "agroal_active_count");
        // The users' port does not serve them
        assertThat(Http.get(app.url() + "/q/metrics").statusCode()).isNotEqualTo(200);
    }

    @Test
    void jsonLogsAreOneObjectPerLineWhenSwitchedOn() {
        List<String> lines = E2eStack.instanceB().logLines().stream().filter(line -> !line.isBlank()).toList();
        assertThat(lines).isNotEmpty();
        assertThat(lines).allSatisfy(line -> assertThat(Http.json(line).has("message")).as(line).isTrue());
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("\"loggerName\"", "started in"));

        // Instance A keeps the readable default
        assertThat(E2eStack.instanceA().logLines()).anySatisfy(line -> assertThat(line).contains("INFO")
                .doesNotStartWith("{"));
    }
}

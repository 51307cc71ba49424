package dev.greenlight.metrics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import dev.greenlight.incident.IncidentService;
import dev.greenlight.testsupport.Fixtures;
import dev.greenlight.testsupport.PageSession;
import dev.greenlight.testsupport.ResetDatabase;
import dev.greenlight.testsupport.TestClock;
import dev.greenlight.testsupport.Users;
import dev.greenlight.validation.ValidationService;

import javax.sql.DataSource;

/**
 * The metrics on fixed releases with known answers. Weeks start Monday 00:00 UTC:
 * <ul>
 * <li>week of 2026-10-05: #1 core (merge to production 10 min, 2 changesets 24 h old), #2 core and api, rolled back (20
 * min, 1 changeset 24 h), #3 api published Sunday 23:59:59, no deploy times (1 changeset 12 h);</li>
 * <li>week of 2026-10-12: #4 core published Monday 00:00:00 (5 min, 1 changeset);</li>
 * <li>week of 2026-10-19: nothing. Also a draft (never published) and a release published in September.</li>
 * </ul>
 */
@QuarkusTest
class MetricsTest {
    @Inject
    DataSource dataSource;
    @Inject
    TestClock clock;
    @Inject
    Fixtures fixtures;
    @Inject
    ValidationService validation;
    @Inject
    IncidentService incidents;

    @BeforeEach
    void fixedReleases() {
        ResetDatabase.emptyAllTables(dataSource);
        fixtures.neuronxWorkspace();
        ResetDatabase.asOwner(dataSource, s -> {
            release(s, 1, "PUBLISHED", "2026-10-05T09:00:00Z", "2026-10-05T08:50:00Z", "2026-10-05T09:00:00Z",
                    "@neuronx/core");
            changeset(s, 1, "2026-10-04T09:00:00Z");
            changeset(s, 1, "2026-10-04T09:00:00Z");
            release(s, 2, "ROLLED_BACK", "2026-10-07T09:00:00Z", "2026-10-07T09:00:00Z", "2026-10-07T09:20:00Z",
                    "@neuronx/core", "@neuronx/api");
            changeset(s, 2, "2026-10-06T09:20:00Z");
            release(s, 3, "VALIDATED", "2026-10-11T23:59:59Z", null, null, "@neuronx/api");
            changeset(s, 3, "2026-10-11T11:59:59Z");
            release(s, 4, "PUBLISHED", "2026-10-12T00:00:00Z", "2026-10-11T23:55:00Z", "2026-10-12T00:00:00Z",
                    "@neuronx/core");
            changeset(s, 4, "2026-10-11T00:00:00Z");
            release(s, 5, "DRAFT", null, null, null, "@neuronx/core");
            release(s, 6, "ROLLED_BACK", "2026-09-30T12:00:00Z", null, null, "@neuronx/core");
        });
    }

    @AfterEach
    void systemClock() {
        clock.reset();
    }

    private static void release(Statement s, long id, String state, String publishedAt, String mergedAt,
            String deployedAt, String... packages) throws SQLException {
        s.execute("insert into release (id, title, state, manifests, created_by, created_at, updated_at, "
                + "published_at, merged_at, deployed_at) overriding system value values (" + id + ", 'Release " + id
                + "', '" + state + "', '[]', 'alice', '2026-09-01T00:00:00Z', '2026-09-01T00:00:00Z', "
                + ts(publishedAt)
                + ", " + ts(mergedAt) + ", " + ts(deployedAt) + ")");
        for (int i = 0; i < packages.length; i++) {
            s.execute("insert into release_package (release_id, package_name, old_version, new_version, bump, "
                    + "changelog, position) values (" + id + ", '" + packages[i] + "', '1.0.0', '1.1.0', 'minor', "
                    + "'', " + i + ")");
        }
    }

    private static int changesets;

    private static void changeset(Statement s, long release, String createdAt) throws SQLException {
        s.execute(
                "insert into changeset (slug, summary, author, submitted_by, created_at, release_id) values ('metrics-"
                        + (++changesets) + "', 'Change', 'alice', 'alice', '" + createdAt + "', " + release + ")");
    }

    private static String ts(String instant) {
        return instant == null ? "null" : "'" + instant + "'";
    }

    private static JsonPath metrics(String query) {
        return given().header("Authorization", Users.PETE.bearer())
                .get("/api/v1/metrics?" + query)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static Object figure(JsonPath json, String path, String key, String field) {
        return json.get(path + ".find { it.key == '" + key + "' }." + field);
    }

    @Test
    void weeklyFiguresHaveKnownAnswersIncludingBucketEdgesAndAnEmptyWeek() {
        JsonPath json = metrics("from=2026-10-05&to=2026-10-25&bucket=week");
        assertThat(json.getString("start")).isEqualTo("2026-10-05");
        assertThat(json.getString("end")).isEqualTo("2026-10-26");
        assertThat(json.getList("periods.start")).containsExactly("2026-10-05", "2026-10-12", "2026-10-19");
        assertThat(json.getList("periods.published")).containsExactly(3, 1, 0);

        String weekA = "periods[0].policy";
        assertThat(figure(json, weekA, "rollback_frequency", "value")).isEqualTo(33.33f);
        assertThat(figure(json, weekA, "rollback_frequency", "verdict")).isEqualTo("FAIL");
        assertThat(figure(json, weekA, "deployment_success_rate", "value")).isEqualTo(66.67f);
        // p90 of 10 and 20 minutes (linear interpolation) is 19
        assertThat(figure(json, weekA, "time_to_deploy", "value")).isEqualTo(19.0f);
        assertThat(figure(json, weekA, "time_to_deploy", "verdict")).isEqualTo("FAIL");
        assertThat(figure(json, "periods[0].dora", "deployment_frequency", "value")).isEqualTo(0.43f);
        // changesets 24, 24, 24 and 12 hours old at deployment (#3 without a deploy time counts from publication)
        assertThat(figure(json, "periods[0].dora", "lead_time", "value")).isEqualTo(24.0f);
        assertThat(figure(json, "periods[0].dora", "change_failure_rate", "value")).isEqualTo(33.33f);

        String weekB = "periods[1].policy";
        assertThat(figure(json, weekB, "deployment_success_rate", "value")).isEqualTo(100.0f);
        assertThat(figure(json, weekB, "deployment_success_rate", "verdict")).isEqualTo("PASS");
        assertThat(figure(json, weekB, "time_to_deploy", "value")).isEqualTo(5.0f);
        assertThat(figure(json, weekB, "time_to_deploy", "verdict")).isEqualTo("PASS");

        // an empty week: no data, never 0 or NaN
        for (String key : List.of("deployment_success_rate", "rollback_frequency", "time_to_deploy")) {
            assertThat(figure(json, "periods[2].policy", key, "value")).as(key).isNull();
            assertThat(figure(json, "periods[2].policy", key, "verdict")).as(key).isEqualTo("NO_DATA");
        }

        // the whole range: 4 published, 1 rolled back; p90 of 5, 10 and 20 minutes is 18
        assertThat(json.getInt("total.published")).isEqualTo(4);
        assertThat(figure(json, "total.policy", "rollback_frequency", "value")).isEqualTo(25.0f);
        assertThat(figure(json, "total.policy", "time_to_deploy", "value")).isEqualTo(18.0f);
    }

    /**
     * Without any check or incident: nothing measured is "no data", but 0 incidents over shipped changesets is a real
     * 0 %, and 0 security incidents a real count.
     */
    @Test
    void withoutChecksOrIncidentsRegressionAndRestoreAreNoDataWhileIncidentCountsAreZero() {
        JsonPath json = metrics("from=2026-10-05&to=2026-10-25");
        assertThat(figure(json, "total.policy", "performance_regression", "verdict")).isEqualTo("NO_DATA");
        assertThat(figure(json, "total.dora", "time_to_restore", "verdict")).isEqualTo("NO_DATA");
        assertThat(figure(json, "total.policy", "defect_rate", "value")).isEqualTo(0.0f);
        assertThat(figure(json, "total.policy", "defect_rate", "verdict")).isEqualTo("PASS");
        assertThat(figure(json, "total.policy", "security_incidents", "value")).isEqualTo(0);
        assertThat(figure(json, "total.policy", "security_incidents", "verdict")).isEqualTo("PASS");
        assertThat((String) figure(json, "total.policy", "deployment_success_rate", "detail"))
                .isEqualTo("3 of 4 releases neither rolled back nor failed a post-release check");
        assertThat(json.getMap("$")).doesNotContainKey("sources");
        // the week without releases: no changesets shipped, so no defect rate
        assertThat(figure(json, "periods[2].policy", "defect_rate", "verdict")).isEqualTo("NO_DATA");
    }

    @Test
    void perPackageAndPerMonth() {
        JsonPath api = metrics("from=2026-10-05&to=2026-10-18&package=@neuronx/api");
        assertThat(api.getList("periods.published")).containsExactly(2, 0);
        assertThat(figure(api, "periods[0].policy", "rollback_frequency", "value")).isEqualTo(50.0f);
        assertThat(figure(api, "periods[1].policy", "rollback_frequency", "verdict")).isEqualTo("NO_DATA");

        JsonPath months = metrics("from=2026-09-15&to=2026-10-31&bucket=month");
        assertThat(months.getList("periods.start")).containsExactly("2026-09-01", "2026-10-01");
        assertThat(months.getList("periods.published")).containsExactly(1, 4);
        assertThat(figure(months, "periods[0].policy", "rollback_frequency", "value")).isEqualTo(100.0f);
        assertThat(figure(months, "periods[1].dora", "deployment_frequency", "value")).isEqualTo(0.13f);
    }

    @Test
    void badParametersAreRefusedWithTheField() {
        given().header("Authorization", Users.PETE.bearer())
                .get("/api/v1/metrics?bucket=day")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("bucket"));
        given().header("Authorization", Users.PETE.bearer())
                .get("/api/v1/metrics?from=2026-10-20&to=2026-10-01")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("to"));
        given().header("Authorization", Users.PETE.bearer())
                .get("/api/v1/metrics?from=2020-01-01&to=2026-10-01")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("from"));
        given().header("Authorization", Users.PETE.bearer())
                .get("/api/v1/metrics?from=last-week")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("from"));
    }

    @Test
    void theDefaultIsTheLastTwelveWeeks() {
        clock.set(Instant.parse("2026-10-21T12:00:00Z"));
        given().header("Authorization", Users.PETE.bearer())
                .get("/api/v1/metrics")
                .then()
                .statusCode(200)
                .body("periods", hasSize(12))
                .body("periods[11].start", equalTo("2026-10-19"))
                .body("periods[11].end", equalTo("2026-10-26"))
                .body("packageName", nullValue());
    }

    @Test
    void thePageDrawsAccessibleSvgChartsWithATableFallback() {
        PageSession leah = PageSession.signIn(Users.LEAH);
        String html = leah.get("/metrics?from=2026-10-05&to=2026-10-25")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(html).contains("<svg role=\"img\" aria-labelledby=\"chart-rollback_frequency-title "
                + "chart-rollback_frequency-desc\"")
                .contains("<title id=\"chart-rollback_frequency-title\">Rollback frequency (%)</title>")
                .contains("2026-10-05: 33.33 % (fail)")
                .contains("2026-10-19: no data")
                .contains("target &lt; 1 %")
                .contains("<th scope=\"row\"><time datetime=\"2026-10-19\">2026-10-19</time></th>")
                .contains("Deployment frequency")
                .doesNotContain("NaN");
        leah.get("/metrics?bucket=year").then().statusCode(400).body(containsString("must be week or month"));
        leah.get("/policy").then().statusCode(200).body(containsString("below 15 minutes"));
    }

    @Test
    void prometheusGaugesReportTheTrailingWindow() {
        clock.set(Instant.parse("2026-10-20T00:00:00Z"));
        String scrape = given().header("Authorization", Users.PETE.bearer())
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        // 30 days back: #1 to #4 and September's rolled back #6: 2 of 5
        assertThat(scrape).contains("greenlight_release_metric{metric=\"rollback_frequency\"} 40.0")
                .contains("greenlight_release_metric_pass{metric=\"rollback_frequency\"} 0.0")
                // no incidents for the 5 changesets shipped: a real 0 %, not NaN (that needs a zero denominator)
                .contains("greenlight_release_metric{metric=\"defect_rate\"} 0.0")
                .contains("greenlight_release_metric_pass{metric=\"defect_rate\"} 1.0")
                // no performance check measured: NaN
                .contains("greenlight_release_metric{metric=\"performance_regression\"} NaN");
    }

    /** The post-release checks and incidents as the validation and incident features record them. */
    @Test
    void checkAndIncidentSourcesCountTheLatestChecksAndLinkedIncidents() {
        check(1, "smoke-tests", "0", "2026-10-05T09:10:00Z");
        check(1, "performance-regression", "2.5", "2026-10-05T09:10:00Z");
        check(1, "performance-regression", "3.1", "2026-10-05T10:10:00Z");
        // the service refuses checks on a rolled-back release: #2's failed smoke test was recorded before its rollback
        ResetDatabase.asOwner(dataSource, s -> s.execute("insert into release_check (release_id, check_name, passed, "
                + "measured_value, threshold, recorded_by, recorded_at) values (2, 'SMOKE_TESTS', false, 4, "
                + "'at most 0 failed smoke tests', 'ci', '2026-10-07T09:30:00Z')"));
        check(3, "error-rate", "2.0", "2026-10-12T00:10:00Z");
        check(3, "error-rate", "0.1", "2026-10-12T01:10:00Z");
        check(3, "smoke-tests", "3", "2026-10-12T01:10:00Z");
        check(4, "performance-regression", "7", "2026-10-12T00:10:00Z");
        incident("Token leak", true, "2026-10-08T10:00:00Z", "2026-10-08T12:00:00Z", 1L);
        incident("Slow search", false, "2026-10-13T00:00:00Z", "2026-10-13T06:00:00Z", 4L);

        JsonPath json = metrics("from=2026-10-05&to=2026-10-25");
        // week A: #2 rolled back, #3's latest smoke test failed (its error rate recovered): 1 of 3 succeeded
        assertThat(figure(json, "periods[0].policy", "deployment_success_rate", "value")).isEqualTo(33.33f);
        assertThat(figure(json, "periods[0].policy", "performance_regression", "value")).isEqualTo(3.1f);
        assertThat(figure(json, "periods[0].policy", "performance_regression", "verdict")).isEqualTo("PASS");
        assertThat(figure(json, "periods[1].policy", "performance_regression", "verdict")).isEqualTo("FAIL");
        // one incident for four changesets; a security one
        assertThat(figure(json, "periods[0].policy", "defect_rate", "value")).isEqualTo(25.0f);
        assertThat(figure(json, "periods[0].policy", "security_incidents", "value")).isEqualTo(1);
        assertThat(figure(json, "periods[0].policy", "security_incidents", "verdict")).isEqualTo("FAIL");
        assertThat(figure(json, "periods[1].policy", "security_incidents", "verdict")).isEqualTo("PASS");
        assertThat(figure(json, "periods[2].policy", "defect_rate", "verdict")).isEqualTo("NO_DATA");
        // #2 rolled back and #1 caused an incident: 2 of 3
        assertThat(figure(json, "periods[0].dora", "change_failure_rate", "value")).isEqualTo(66.67f);
        assertThat(figure(json, "periods[0].dora", "time_to_restore", "value")).isEqualTo(2.0f);
        assertThat(figure(json, "periods[1].dora", "time_to_restore", "value")).isEqualTo(6.0f);
    }

    /**
     * Incident A (1 h) touched #1, #2 and #4; B (3 h) #1; C (4 h) #4; D (open) #4. Counted once per link, A would pull
     * every median down to 1 h.
     */
    @Test
    void anIncidentLinkedToSeveralReleasesCountsOnceInTheMedianTimeToRestore() {
        incident("A", false, "2026-10-13T00:00:00Z", "2026-10-13T01:00:00Z", 1L, 2L, 4L);
        incident("B", false, "2026-10-13T00:00:00Z", "2026-10-13T03:00:00Z", 1L);
        incident("C", false, "2026-10-13T00:00:00Z", "2026-10-13T04:00:00Z", 4L);
        incident("D", false, "2026-10-13T00:00:00Z", null, 4L);

        JsonPath json = metrics("from=2026-10-05&to=2026-10-25");
        // week A: A and B; week B: A and C (D is not resolved); the range: A, B and C
        assertThat(figure(json, "periods[0].dora", "time_to_restore", "value")).isEqualTo(2.0f);
        assertThat(figure(json, "periods[1].dora", "time_to_restore", "value")).isEqualTo(2.5f);
        assertThat(figure(json, "total.dora", "time_to_restore", "value")).isEqualTo(3.0f);
        // every incident once: 2 in week A, 3 in week B, 4 in the range, for 4, 1 and 5 changesets
        assertThat(figure(json, "periods[0].policy", "defect_rate", "value")).isEqualTo(50.0f);
        assertThat(figure(json, "periods[1].policy", "defect_rate", "value")).isEqualTo(300.0f);
        assertThat(figure(json, "total.policy", "defect_rate", "value")).isEqualTo(80.0f);
        // #1 with incidents and #2 rolled back (with an incident too): 2 of 3, each release once
        assertThat(figure(json, "periods[0].dora", "change_failure_rate", "value")).isEqualTo(66.67f);
    }

    private void check(long release, String check, String measured, String recordedAt) {
        clock.set(Instant.parse(recordedAt));
        validation.record(Users.CI.actor(), release, check, new BigDecimal(measured), null, null);
    }

    private void incident(String title, boolean security, String startedAt, String resolvedAt, Long... releases) {
        clock.set(Instant.parse(startedAt));
        incidents.file(Users.SEAN.actor(), new IncidentService.IncidentInput(title, "SEV2",
                resolvedAt == null ? "OPEN" : "RESOLVED", null, startedAt, resolvedAt, security, List.of(),
                List.of(releases), null, null));
    }
}

package dev.greenlight.metrics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import dev.greenlight.testsupport.Fixtures;
import dev.greenlight.testsupport.PageSession;
import dev.greenlight.testsupport.ResetDatabase;
import dev.greenlight.testsupport.TestClock;
import dev.greenlight.testsupport.Users;

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
        s.execute("insert into changeset (slug, summary, author, created_at, release_id) values ('metrics-"
                + (++changesets) + "', 'Change', 'alice', '" + createdAt + "', " + release + ")");
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

    /** Whichever features are installed, nothing measured means "no data", and a missing source says so. */
    @Test
    void withoutCheckOrIncidentRecordsThoseFiguresAreNoData() {
        JsonPath json = metrics("from=2026-10-05&to=2026-10-25");
        assertThat(figure(json, "total.policy", "performance_regression", "verdict")).isEqualTo("NO_DATA");
        if (json.getBoolean("sources.incidents")) {
            assertThat(figure(json, "total.policy", "security_incidents", "verdict")).isEqualTo("PASS");
        } else {
            assertThat(figure(json, "total.policy", "defect_rate", "verdict")).isEqualTo("NO_DATA");
            assertThat(figure(json, "total.policy", "security_incidents", "verdict")).isEqualTo("NO_DATA");
        }
        assertThat((String) figure(json, "total.policy", "deployment_success_rate", "detail"))
                .contains("3 of 4 releases neither rolled back nor failed a post-release check")
                .contains(json.getBoolean("sources.postReleaseChecks") ? "" : "no post-release check records yet");
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
                .contains("greenlight_release_metric{metric=\"defect_rate\"} NaN");
    }

    /**
     * The post-release check and incident sources, on tables shaped as the validation and incident features define
     * them (created here while those features are not installed; their own tables once they are).
     */
    @Test
    void checkAndIncidentSourcesCountTheLatestChecksAndLinkedIncidents() {
        List<String> created = new ArrayList<>();
        ResetDatabase.asOwner(dataSource, s -> {
            if (!exists(s, "release_check")) {
                s.execute("create table release_check (id bigint generated always as identity primary key, "
                        + "release_id bigint not null references release (id), check_name text not null, "
                        + "passed boolean not null, measured_value numeric, threshold text not null, "
                        + "recorded_by text not null, recorded_at timestamptz not null)");
                created.add("release_check");
            }
            if (!exists(s, "incident_release")) {
                s.execute("alter table incident add column security boolean not null default false, "
                        + "add column started_at timestamptz, add column resolved_at timestamptz");
                s.execute("create table incident_release (incident_id bigint not null references incident (id), "
                        + "release_id bigint not null references release (id), primary key (incident_id, release_id))");
                created.add("incident_release");
            }
            check(s, 1, "SMOKE_TESTS", true, null, "2026-10-05T09:10:00Z");
            check(s, 1, "PERFORMANCE_REGRESSION", true, "2.5", "2026-10-05T09:10:00Z");
            check(s, 1, "PERFORMANCE_REGRESSION", true, "3.1", "2026-10-05T10:10:00Z");
            check(s, 2, "SMOKE_TESTS", false, null, "2026-10-07T09:30:00Z");
            check(s, 3, "ERROR_RATE", false, "2.0", "2026-10-12T00:10:00Z");
            check(s, 3, "ERROR_RATE", true, "0.1", "2026-10-12T01:10:00Z");
            check(s, 3, "SMOKE_TESTS", false, null, "2026-10-12T01:10:00Z");
            check(s, 4, "PERFORMANCE_REGRESSION", false, "7", "2026-10-12T00:10:00Z");
            s.execute("insert into incident (id, title, severity, created_by, created_at, security, started_at, "
                    + "resolved_at) overriding system value values (1, 'Token leak', 'SEV1', 'sean', "
                    + "'2026-10-08T10:00:00Z', true, '2026-10-08T10:00:00Z', '2026-10-08T12:00:00Z'), "
                    + "(2, 'Slow search', 'SEV3', 'pete', '2026-10-13T00:00:00Z', false, '2026-10-13T00:00:00Z', "
                    + "'2026-10-13T06:00:00Z')");
            s.execute("insert into incident_release (incident_id, release_id) values (1, 1), (2, 4)");
        });
        try {
            JsonPath json = metrics("from=2026-10-05&to=2026-10-25");
            assertThat(json.getBoolean("sources.postReleaseChecks")).isTrue();
            assertThat(json.getBoolean("sources.incidents")).isTrue();
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
        } finally {
            ResetDatabase.asOwner(dataSource, s -> {
                if (created.contains("release_check")) {
                    s.execute("drop table release_check");
                }
                if (created.contains("incident_release")) {
                    s.execute("drop table incident_release");
                    s.execute("alter table incident drop column security, drop column started_at, "
                            + "drop column resolved_at");
                }
            });
        }
    }

    private static boolean exists(Statement s, String table) throws SQLException {
        try (var rs = s.executeQuery("select to_regclass('" + table + "') is not null")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    private static void check(Statement s, long release, String name, boolean passed, String measured,
            String recordedAt) throws SQLException {
        s.execute("insert into release_check (release_id, check_name, passed, measured_value, threshold, "
                + "recorded_by, recorded_at) values (" + release + ", '" + name + "', " + passed + ", " + measured
                + ", 'test', 'ci', '" + recordedAt + "')");
    }
}

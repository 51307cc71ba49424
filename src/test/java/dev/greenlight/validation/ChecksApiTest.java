package dev.greenlight.validation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import dev.greenlight.testsupport.Fixtures;
import dev.greenlight.testsupport.ResetDatabase;
import dev.greenlight.testsupport.Users;

import javax.sql.DataSource;

@QuarkusTest
class ChecksApiTest {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    @Inject
    Fixtures fixtures;
    @Inject
    DataSource dataSource;

    private long release;

    @BeforeEach
    void publishedRelease() {
        fixtures.neuronxWorkspace();
        release = fixtures.publishedRelease(Users.ALICE, "Checked", changeset()).id();
    }

    private String changeset() {
        String id = "check-" + COUNTER.incrementAndGet();
        fixtures.changeset(Users.ALICE, id, "\"@neuronx/cli\": patch", "CLI change " + id);
        return id;
    }

    private ValidatableResponse report(Users who, long releaseId, String check, Object body) {
        return given().header("Authorization", who.bearer())
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/releases/" + releaseId + "/checks/" + check)
                .then();
    }

    private ValidatableResponse report(Users who, String check, Object body) {
        return report(who, release, check, body);
    }

    private String state(long releaseId) {
        return given().header("Authorization", Users.CAROL.bearer())
                .get("/api/v1/releases/" + releaseId)
                .then()
                .statusCode(200)
                .extract()
                .path("release.state");
    }

    private long count(String sql) throws Exception {
        try (var c = dataSource.getConnection(); var s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void everyRequiredCheckIsListedMissingUntilReported() {
        given().header("Authorization", Users.CAROL.bearer())
                .get("/api/v1/releases/" + release + "/checks")
                .then()
                .statusCode(200)
                .body("check", contains("SMOKE_TESTS", "ERROR_RATE", "PERFORMANCE_REGRESSION", "ROLLBACK_PLAN"))
                .body("state", everyItem(equalTo("MISSING")));
        given().header("Authorization", Users.CAROL.bearer())
                .get("/api/v1/releases/987654/checks")
                .then()
                .statusCode(404);
    }

    @Test
    void allGreenValidatesThePublishedReleaseAndGreenlightJudgesNotTheCaller() throws Exception {
        report(Users.CI, "smoke-tests", Map.of("value", 0, "note", "42 smoke tests")).statusCode(201)
                .body("state", equalTo("PASSED"));
        report(Users.CI, "error-rate", Map.of("value", 0.4, "passed", false)).statusCode(201)
                .body("state", equalTo("PASSED"))
                .body("threshold", equalTo("at most 1 % of requests failing"));
        report(Users.CI, "performance-regression", Map.of("value", -2.5)).statusCode(201)
                .body("state", equalTo("PASSED"));
        assertThat(state(release)).isEqualTo("PUBLISHED");
        report(Users.MAX, "rollback-plan", Map.of("evidence", Map.of("url", "https://wiki.neuronx.dev/rollback/1")))
                .statusCode(201)
                .body("state", equalTo("PASSED"))
                .body("evidence.kind", equalTo("link"));
        assertThat(state(release)).isEqualTo("VALIDATED");
        assertThat(count("select count(*) from audit_event where action = 'release.validated' and release_id = "
                + release)).isEqualTo(1);
        assertThat(count("select count(*) from outbox_message where kind = 'POST' and event_type = 'release.validated'"
                + " and release_id = " + release)).isEqualTo(1);
    }

    @Test
    void aFailedCheckKeepsTheReleasePublishedAndReachesSlack() throws Exception {
        report(Users.CI, "smoke-tests", Map.of("value", 0)).statusCode(201);
        report(Users.CI, "rollback-plan", Map.of("evidence", Map.of("url", "https://wiki.neuronx.dev/rb")))
                .statusCode(201);
        report(Users.CI, "error-rate", Map.of("value", 0.5)).statusCode(201);
        // "under 5 %": exactly 5 fails
        report(Users.CI, "performance-regression", Map.of("value", 5, "passed", true)).statusCode(201)
                .body("state", equalTo("FAILED"))
                .body("threshold", equalTo("less than 5 % slower than the previous release"));
        assertThat(state(release)).isEqualTo("PUBLISHED");
        assertThat(count("select count(*) from outbox_message where event_type = 'check.failed' and release_id = "
                + release)).isEqualTo(1);
        assertThat(count("select count(*) from outbox_message where event_type = 'check.failed' and release_id = "
                + release + " and payload ->> 'text' like 'Post-release check No performance regression failed%'"))
                .isEqualTo(1);
        assertThat(count("select count(*) from audit_event where action = 'check.failed' and release_id = "
                + release)).isEqualTo(1);
        // a newer result supersedes the failure
        report(Users.CI, "performance-regression", Map.of("value", 4.9)).statusCode(201)
                .body("state", equalTo("PASSED"));
        assertThat(state(release)).isEqualTo("VALIDATED");
    }

    @Test
    void badInputIs400WithItsFieldAndStoresNothing() throws Exception {
        report(Users.CI, "uptime", Map.of("value", 1)).statusCode(400).body("errors[0].field", equalTo("check"));
        report(Users.CI, "smoke-tests", Map.of("value", 1.5)).statusCode(400)
                .body("errors[0].field", equalTo("value"));
        report(Users.CI, "smoke-tests", Map.of("note", "no value")).statusCode(400)
                .body("errors[0].field", equalTo("value"));
        report(Users.CI, "error-rate", Map.of("value", 101)).statusCode(400)
                .body("errors[0].field", equalTo("value"));
        report(Users.CI, "rollback-plan", Map.of("note", "in the wiki")).statusCode(400)
                .body("errors[0].field", equalTo("evidence"));
        report(Users.CI, "rollback-plan", Map.of("evidence", Map.of("url", "javascript:alert(1)"))).statusCode(400)
                .body("errors[0].field", equalTo("evidence.url"));
        assertThat(count("select count(*) from release_check where release_id = " + release)).isZero();
        assertThat(count("select count(*) from evidence where release_id = " + release + " and recorded_at > now()"
                + " - interval '1 hour' and url like 'javascript%'")).isZero();
    }

    @Test
    void onlyCiAndMaintainersReport() throws Exception {
        report(Users.ALICE, "smoke-tests", Map.of("value", 0)).statusCode(403);
        report(Users.LEAH, "smoke-tests", Map.of("value", 0)).statusCode(403);
        report(Users.SEAN, "smoke-tests", Map.of("value", 0)).statusCode(403);
        assertThat(count("select count(*) from release_check where release_id = " + release)).isZero();
        report(Users.MAX, "smoke-tests", Map.of("value", 0)).statusCode(201);
    }

    @Test
    void checksWaitUntilTheReleaseIsPublished() {
        long draft = fixtures.submittedRelease(Users.ALICE, "Not yet", changeset()).id();
        report(Users.CI, draft, "smoke-tests", Map.of("value", 0)).statusCode(409)
                .body("detail", containsString("published releases"));
    }

    @Test
    void resultsCannotBeChanged() {
        report(Users.CI, "smoke-tests", Map.of("value", 3)).statusCode(201);
        // the application role may not even try (AppRoleTest); the schema's owner meets the trigger
        ResetDatabase.asOwner(dataSource, s -> org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> s.executeUpdate("update release_check set passed = true where release_id = " + release))
                .hasMessageContaining("immutable"));
    }
}

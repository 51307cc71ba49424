package dev.greenlight.gate;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
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
class GatesApiTest {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    @Inject
    Fixtures fixtures;
    @Inject
    DataSource dataSource;

    private long release;

    @BeforeEach
    void release() {
        fixtures.neuronxWorkspace();
        String id = "gate-" + COUNTER.incrementAndGet();
        fixtures.changeset(Users.ALICE, id, "\"@neuronx/sdk\": minor", "Gate change " + id);
        release = fixtures.submittedRelease(Users.ALICE, "Gates", id).id();
    }

    private ValidatableResponse report(Users who, String gate, Object body) {
        return given().header("Authorization", who.bearer())
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/releases/" + release + "/gates/" + gate)
                .then();
    }

    private long resultCount() throws Exception {
        try (var c = dataSource.getConnection();
                var s = c.createStatement();
                var rs = s.executeQuery("select count(*) from gate_result where release_id = " + release)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void greenlightDecidesPassOrFailNeverTheCaller() {
        report(Users.CI, "coverage", Map.of("value", 84.9, "passed", true))
                .statusCode(201)
                .body("state", equalTo("FAILED"))
                .body("threshold", equalTo("at least 85 %"));
        report(Users.CI, "coverage", Map.of("value", 85, "evidence", Map.of("url", "https://ci.neuronx.dev/cov/1")))
                .statusCode(201)
                .body("state", equalTo("PASSED"))
                .body("evidence.kind", equalTo("link"));
        report(Users.CI, "tests", Map.of("value", 2)).statusCode(201).body("state", equalTo("FAILED"));
        report(Users.CI, "critical-vulnerabilities", Map.of("value", 0)).statusCode(201)
                .body("state", equalTo("PASSED"));
    }

    @Test
    void changelogGateIsComputedFromThePlan() {
        given().header("Authorization", Users.PETE.bearer())
                .get("/api/v1/releases/" + release + "/gates")
                .then()
                .statusCode(200)
                .body("find { it.gate == 'CHANGELOG' }.state", equalTo("PASSED"))
                .body("find { it.gate == 'TESTS' }.state", equalTo("MISSING"));
        report(Users.CI, "changelog", Map.of("value", 1))
                .statusCode(400)
                .body("errors[0].field", equalTo("gate"));
    }

    @Test
    void badValuesAreRefusedAndNothingIsStored() throws Exception {
        report(Users.CI, "coverage", Map.of("value", -1)).statusCode(400).body("errors[0].field", equalTo("value"));
        report(Users.CI, "coverage", Map.of("value", 100.5)).statusCode(400).body("errors[0].field", equalTo("value"));
        report(Users.CI, "tests", Map.of("value", 1.5)).statusCode(400).body("errors[0].field", equalTo("value"));
        report(Users.CI, "tests", Map.of("note", "no value")).statusCode(400).body("errors[0].field", equalTo("value"));
        report(Users.CI, "speed", Map.of("value", 1)).statusCode(400).body("errors[0].field", equalTo("gate"));
        report(Users.CI, "evidence", Map.of("evidence", Map.of("url", "javascript:alert(1)")))
                .statusCode(400)
                .body("errors[0].field", equalTo("evidence.url"));
        report(Users.CI, "evidence", Map.of("value", 3)).statusCode(400).body("errors[0].field", equalTo("value"));
        report(Users.CI, "evidence", Map.of()).statusCode(400).body("errors[0].field", equalTo("evidence"));
        given().header("Authorization", Users.CI.bearer())
                .contentType(ContentType.JSON)
                .body("{\"value\": \"lots\"}")
                .post("/api/v1/releases/" + release + "/gates/coverage")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("value"));
        assertThat(resultCount()).isZero();
    }

    @Test
    void oversizedOrDisallowedEvidenceFilesAreRefusedAndNothingIsStored() throws Exception {
        given().header("Authorization", Users.CI.bearer())
                .multiPart("file", "report.html", "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8),
                        "text/html")
                .post("/api/v1/releases/" + release + "/gates/evidence")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("evidence.contentType"));
        given().header("Authorization", Users.CI.bearer())
                .multiPart("file", "huge.txt", new byte[10 * 1024 * 1024 + 1], "text/plain")
                .post("/api/v1/releases/" + release + "/gates/evidence")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("evidence.file"));
        assertThat(resultCount()).isZero();
    }

    @Test
    void evidenceFileIsKeptWithItsHashAndDownloadedAsAnAttachment() throws Exception {
        byte[] report = "tests=812 failures=0".getBytes(StandardCharsets.UTF_8);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(report));
        int evidenceId = given().header("Authorization", Users.CI.bearer())
                .multiPart("file", "junit.txt", report, "text/plain")
                .multiPart("value", "0")
                .post("/api/v1/releases/" + release + "/gates/tests")
                .then()
                .statusCode(201)
                .body("state", equalTo("PASSED"))
                .body("evidence.sha256", equalTo(sha))
                .body("evidence.sizeBytes", equalTo(report.length))
                .extract()
                .path("evidence.id");
        byte[] downloaded = given().header("Authorization", Users.PETE.bearer())
                .get("/api/v1/evidence/" + evidenceId)
                .then()
                .statusCode(200)
                .header("Content-Disposition", containsString("attachment"))
                .header("ETag", "\"" + sha + "\"")
                .extract()
                .asByteArray();
        assertThat(downloaded).isEqualTo(report);
    }

    @Test
    void resultsAndEvidenceCannotBeChangedOnlySuperseded() throws Exception {
        report(Users.CI, "coverage", Map.of("value", 80)).statusCode(201).body("state", equalTo("FAILED"));
        report(Users.CI, "coverage", Map.of("value", 90)).statusCode(201).body("state", equalTo("PASSED"));
        assertThat(resultCount()).isEqualTo(2);
        // the application role may not even try (AppRoleTest); the schema's owner meets the triggers
        ResetDatabase.asOwner(dataSource, s -> {
            assertThatThrownBy(() -> s.executeUpdate("update gate_result set passed = true")).hasMessageContaining(
                    "immutable");
            assertThatThrownBy(() -> s.executeUpdate("delete from evidence")).hasMessageContaining("immutable");
        });
    }

    @Test
    void onlyCiMaintainersAndForVulnerabilitiesTheSecurityTeamReport() {
        report(Users.ALICE, "coverage", Map.of("value", 90)).statusCode(403);
        report(Users.CAROL, "coverage", Map.of("value", 90)).statusCode(403);
        report(Users.SEAN, "coverage", Map.of("value", 90)).statusCode(403);
        report(Users.SEAN, "critical-vulnerabilities", Map.of("value", 0)).statusCode(201);
        report(Users.MAX, "coverage", Map.of("value", 90)).statusCode(201);
    }

    @Test
    void aFailingGateAfterApprovalReturnsTheReleaseToReview() {
        fixtures.passAllGates(release);
        fixtures.approveAllSlots(release);
        given().header("Authorization", Users.PETE.bearer())
                .get("/api/v1/releases/" + release)
                .then()
                .body("release.state", equalTo("APPROVED"));
        report(Users.CI, "critical-vulnerabilities", Map.of("value", 1)).statusCode(201)
                .body("state", equalTo("FAILED"));
        given().header("Authorization", Users.PETE.bearer())
                .get("/api/v1/releases/" + release)
                .then()
                .body("release.state", equalTo("IN_REVIEW"))
                .body("release.stateReason", containsString("No critical vulnerabilities"));
    }
}

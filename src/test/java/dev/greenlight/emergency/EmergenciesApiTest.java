package dev.greenlight.emergency;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import dev.greenlight.evidence.EvidenceInput;
import dev.greenlight.gate.GateService;
import dev.greenlight.release.ReleaseService;
import dev.greenlight.testsupport.Fixtures;
import dev.greenlight.testsupport.TestClock;
import dev.greenlight.testsupport.Users;

import javax.sql.DataSource;

@QuarkusTest
class EmergenciesApiTest {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final List<Map<String, String>> ALL_SLOTS = List.of(
            Map.of("requirement", "slot:code", "reason", "Two-line fix, pair-reviewed on the incident call"),
            Map.of("requirement", "slot:security", "reason", "Security team assessed the emergency"),
            Map.of("requirement", "slot:product", "reason", "Outage: no product decision to take"));

    @Inject
    Fixtures fixtures;
    @Inject
    DataSource dataSource;
    @Inject
    GateService gates;
    @Inject
    ReleaseService releases;
    @Inject
    TestClock clock;

    private String changeset;

    @BeforeEach
    void workspace() {
        fixtures.neuronxWorkspace();
        changeset = "emergency-" + COUNTER.incrementAndGet();
        fixtures.changeset(Users.ALICE, changeset, "\"@neuronx/core\": patch", "Fix the outage " + changeset);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static Map<String, Object> request(String changeset, String criterion, String report) {
        Map<String, Object> incident = report == null
                ? Map.of("title", "API down in eu-west", "severity", "SEV1")
                : Map.of("title", "API down in eu-west", "severity", "SEV1", "report", report);
        return Map.of("title", "Hotfix " + changeset, "changesets", List.of(changeset), "criterion", criterion,
                "justification", "Every API call fails since 09:12", "affectedServices", "api, sdk", "risk",
                "Low: one guard clause", "incident", incident);
    }

    private static ValidatableResponse post(Users who, String path, Object body) {
        return given().header("Authorization", who.bearer())
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1" + path)
                .then();
    }

    private long requested(Users who, String report) {
        return post(who, "/emergencies", request(changeset, "service-outage", report)).statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
    }

    private long assessed(Users requester, String report) {
        long id = requested(requester, report);
        post(Users.SEAN, "/emergencies/" + id + "/assess", Map.of("reason", "Confirmed: production is down"))
                .statusCode(200)
                .body("state", equalTo("ASSESSED"))
                .body("assessedBy", equalTo("sean"));
        return id;
    }

    private long releaseOf(long emergency) {
        return given().header("Authorization", Users.ALICE.bearer())
                .get("/api/v1/emergencies/" + emergency)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("releaseId");
    }

    /** Read through the API: the test's own persistence context may hold an older copy. */
    private static String releaseState(long release) {
        return given().header("Authorization", Users.CAROL.bearer())
                .get("/api/v1/releases/" + release)
                .then()
                .statusCode(200)
                .extract()
                .path("release.state");
    }

    private void passGatesExceptCoverage(long release) {
        gates.record(Users.CI.actor(), release, "tests", BigDecimal.ZERO, null, null);
        gates.record(Users.CI.actor(), release, "coverage", new BigDecimal("62"), null, null);
        gates.record(Users.CI.actor(), release, "critical-vulnerabilities", BigDecimal.ZERO, null, null);
        gates.record(Users.CI.actor(), release, "evidence", null,
                EvidenceInput.link("https://ci.neuronx.dev/runs/" + release), null);
    }

    @Test
    void requestsOutsideTheFourCriteriaAreRefused() {
        post(Users.ALICE, "/emergencies", request(changeset, "feature-deadline", null)).statusCode(400)
                .body("errors[0].field", equalTo("criterion"));
        post(Users.ALICE, "/emergencies", Map.of("criterion", "service-outage")).statusCode(400)
                .body("errors.field", hasItem("justification"))
                .body("errors.field", hasItem("risk"))
                .body("errors.field", hasItem("incidentTitle"));
    }

    @Test
    void anAuthorRequestsAndTheReleaseGoesToReview() {
        long id = requested(Users.ALICE, null);
        given().header("Authorization", Users.LEAH.bearer())
                .get("/api/v1/emergencies/" + id)
                .then()
                .statusCode(200)
                .body("state", equalTo("REQUESTED"))
                .body("criterion", equalTo("SERVICE_OUTAGE"))
                .body("requestedBy", equalTo("alice"))
                .body("incident.severity", equalTo("SEV1"))
                .body("releaseState", equalTo("IN_REVIEW"));
        given().header("Authorization", Users.LEAH.bearer())
                .get("/api/v1/emergencies?state=REQUESTED")
                .then()
                .statusCode(200)
                .body("id", hasItem((int) id));
    }

    @Test
    void wrongRolesAreRefused() {
        post(Users.MAX, "/emergencies", request(changeset, "service-outage", null)).statusCode(403);
        post(Users.LEAH, "/emergencies", request(changeset, "service-outage", null)).statusCode(403);
        long id = requested(Users.ALICE, null);
        post(Users.BOB, "/emergencies/" + id + "/assess", Map.of("reason", "x")).statusCode(403);
        post(Users.LEAH, "/emergencies/" + id + "/assess", Map.of("reason", "x")).statusCode(403);
        post(Users.SEAN, "/emergencies/" + id + "/approve", Map.of()).statusCode(403);
        post(Users.ADA, "/emergencies/" + id + "/approve", Map.of()).statusCode(403);
        given().header("Authorization", Users.BOB.bearer())
                .contentType(ContentType.JSON)
                .body(Map.of("report", "not mine"))
                .put("/api/v1/emergencies/" + id + "/incident-report")
                .then()
                .statusCode(403);
        given().get("/api/v1/emergencies").then().statusCode(401);
    }

    @Test
    void aLeaderDecidesOnlyAfterTheAssessment() {
        long id = requested(Users.ALICE, null);
        post(Users.LEAH, "/emergencies/" + id + "/approve", Map.of()).statusCode(409)
                .body("detail", containsString("requested cannot be approved"));
        post(Users.SEAN, "/emergencies/" + id + "/assess", Map.of()).statusCode(400)
                .body("errors[0].field", equalTo("reason"));
    }

    @Test
    void requesterAssessorAndApproverAreThreePeople() {
        // Tom has every role of the path: he may request, but not assess or approve his own request
        long id = requested(Users.TOM, "Root cause: expired certificate");
        post(Users.TOM, "/emergencies/" + id + "/assess", Map.of("reason", "mine")).statusCode(403)
                .body("detail", containsString("You requested this emergency"));
        // Ivy is security team and leader: she may assess, and then not approve
        post(Users.IVY, "/emergencies/" + id + "/assess", Map.of("reason", "Confirmed outage")).statusCode(200);
        post(Users.IVY, "/emergencies/" + id + "/approve", Map.of()).statusCode(403)
                .body("detail", containsString("You assessed this emergency"));
        post(Users.TOM, "/emergencies/" + id + "/approve", Map.of()).statusCode(403)
                .body("detail", containsString("You requested this emergency"));
        post(Users.LEAH, "/emergencies/" + id + "/approve", Map.of("reason", "Go", "bypasses", ALL_SLOTS))
                .statusCode(200)
                .body("state", equalTo("APPROVED"))
                .body("decidedBy", equalTo("leah"));
    }

    @Test
    void aBypassedGateLetsTheReleaseBeApprovedAndIsShownAndAudited() {
        long id = assessed(Users.ALICE, "Root cause: a null guard removed in 1.4.1");
        long release = releaseOf(id);
        passGatesExceptCoverage(release);

        List<Object> bypasses = new ArrayList<>(ALL_SLOTS);
        bypasses.add(Map.of("requirement", "gate:coverage", "reason", "Hotfix adds no untested code paths"));
        post(Users.LEAH, "/emergencies/" + id + "/approve", Map.of("reason", "Ship it", "bypasses", bypasses))
                .statusCode(200)
                .body("state", equalTo("APPROVED"))
                .body("bypasses", hasSize(4))
                .body("bypasses.find { it.requirement == 'gate:coverage' }.reason",
                        equalTo("Hotfix adds no untested code paths"));

        assertThat(releaseState(release)).isEqualTo("APPROVED");
        given().header("Authorization", Users.CAROL.bearer())
                .get("/api/v1/releases/" + release + "/gates")
                .then()
                .statusCode(200)
                .body("find { it.gate == 'COVERAGE' }.state", equalTo("BYPASSED"))
                .body("find { it.gate == 'COVERAGE' }.detail", containsString("Hotfix adds no untested code paths"))
                .body("find { it.gate == 'COVERAGE' }.recordedBy", equalTo("leah"));
        given().header("Authorization", Users.CAROL.bearer())
                .get("/api/v1/releases/" + release + "/history")
                .then()
                .statusCode(200)
                .body("action", hasItem("waiver.granted"))
                .body("action", hasItem("emergency.approved"))
                .body("findAll { it.action == 'waiver.granted' }.after.requirement", hasItem("gate:coverage"));
    }

    @Test
    void aFailingGateThatIsNotBypassedStillBlocks() {
        long id = assessed(Users.ALICE, "Root cause known");
        long release = releaseOf(id);
        passGatesExceptCoverage(release);
        post(Users.LEAH, "/emergencies/" + id + "/approve", Map.of("bypasses", ALL_SLOTS)).statusCode(200)
                .body("state", equalTo("APPROVED"));
        assertThat(releaseState(release)).isEqualTo("IN_REVIEW");
        assertThat(releases.unmet(release)).containsExactly("Gate \"Coverage\" failed (at least 85 %).");
        post(Users.MAX, "/releases/" + release + "/publish", Map.of()).statusCode(409);
    }

    @Test
    void bypassesMustNameARealRequirementAndAReason() {
        long id = assessed(Users.ALICE, null);
        post(Users.LEAH, "/emergencies/" + id + "/approve",
                Map.of("bypasses", List.of(Map.of("requirement", "gate:vibes", "reason", "x")))).statusCode(400)
                .body("errors[0].field", equalTo("bypasses[0].requirement"));
        post(Users.LEAH, "/emergencies/" + id + "/approve",
                Map.of("bypasses", List.of(Map.of("requirement", "gate:tests", "reason", " ")))).statusCode(400)
                .body("errors[0].field", equalTo("bypasses[0].reason"));
    }

    @Test
    void theIncidentReportIsRequiredBeforeApprovalAndPublishing() {
        long id = assessed(Users.ALICE, null);
        long release = releaseOf(id);
        fixtures.passAllGates(release);
        post(Users.LEAH, "/emergencies/" + id + "/approve", Map.of("bypasses", ALL_SLOTS)).statusCode(200);
        assertThat(releaseState(release)).isEqualTo("IN_REVIEW");
        assertThat(releases.unmet(release)).singleElement().asString().contains("incident report");

        given().header("Authorization", Users.ALICE.bearer())
                .contentType(ContentType.JSON)
                .body(Map.of("report", "Certificate expired; renewed and pinned."))
                .put("/api/v1/emergencies/" + id + "/incident-report")
                .then()
                .statusCode(200)
                .body("incident.report", equalTo("Certificate expired; renewed and pinned."));
        assertThat(releaseState(release)).isEqualTo("APPROVED");
    }

    @Test
    void publishingCreatesAPostMortemDueFromTheClock() {
        Instant publishedAt = Instant.parse("2026-03-02T10:15:30Z");
        long id = assessed(Users.ALICE, "Root cause: bad config push");
        long release = releaseOf(id);
        fixtures.passAllGates(release);
        post(Users.LEAH, "/emergencies/" + id + "/approve", Map.of("bypasses", ALL_SLOTS)).statusCode(200);

        clock.set(publishedAt);
        post(Users.MAX, "/releases/" + release + "/publish", Map.of()).statusCode(200);
        given().header("Authorization", Users.LEAH.bearer())
                .get("/api/v1/emergencies/" + id)
                .then()
                .statusCode(200)
                .body("state", equalTo("PUBLISHED"))
                .body("postmortem.owner", equalTo("alice"))
                .body("postmortem.dueAt", equalTo("2026-03-03T10:15:30Z"))
                .body("postmortem.state", equalTo("DRAFT"))
                .body("postmortem.overdue", equalTo(false));

        clock.advance(Duration.ofHours(25));
        given().header("Authorization", Users.LEAH.bearer())
                .get("/api/v1/postmortems/overdue")
                .then()
                .statusCode(200)
                .body("releaseId", hasItem((int) release));
    }

    @Test
    void anEmergencyForACancelledReleaseLeavesTheQueueAndCannotBeDecided() {
        long id = assessed(Users.ALICE, "report");
        long release = releaseOf(id);
        post(Users.ALICE, "/releases/" + release + "/cancel", Map.of("reason", "Fixed by a config change"))
                .statusCode(200);
        given().header("Authorization", Users.LEAH.bearer())
                .get("/api/v1/emergencies?state=ASSESSED")
                .then()
                .statusCode(200)
                .body("id", not(hasItem((int) id)));
        post(Users.LEAH, "/emergencies/" + id + "/approve", Map.of("bypasses", ALL_SLOTS)).statusCode(409)
                .body("detail", containsString("cancelled"));
    }

    @Test
    void aDeniedEmergencyBypassesNothing() {
        long id = assessed(Users.ALICE, "report");
        post(Users.LEAH, "/emergencies/" + id + "/deny", Map.of()).statusCode(400);
        post(Users.LEAH, "/emergencies/" + id + "/deny", Map.of("reason", "Wait for the regular review"))
                .statusCode(200)
                .body("state", equalTo("DENIED"));
        post(Users.LARS, "/emergencies/" + id + "/approve", Map.of("bypasses", ALL_SLOTS)).statusCode(409);
        assertThat(releaseState(releaseOf(id))).isEqualTo("IN_REVIEW");
    }

    @Test
    void everyEmergencyStepIsQueuedForSlackInTheSameTransaction() throws Exception {
        long id = assessed(Users.ALICE, null);
        post(Users.LEAH, "/emergencies/" + id + "/deny", Map.of("reason", "Not an outage: one tenant only"))
                .statusCode(200);
        try (var c = dataSource.getConnection();
                var s = c.createStatement();
                var rs = s.executeQuery("select event_type from outbox_message where event_type like 'emergency.%'"
                        + " order by id")) {
            List<String> events = new ArrayList<>();
            while (rs.next()) {
                events.add(rs.getString(1));
            }
            assertThat(events)
                    .containsSubsequence("emergency.requested", "emergency.assessed", "emergency.denied");
        }
    }
}

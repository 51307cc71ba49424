package dev.greenlight.lane;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import dev.greenlight.release.ReleaseService;
import dev.greenlight.release.ReleaseState;
import dev.greenlight.release.ReleaseView;
import dev.greenlight.testsupport.Fixtures;
import dev.greenlight.testsupport.FreezeWindows;
import dev.greenlight.testsupport.StandardChangeProfile;
import dev.greenlight.testsupport.TestClock;
import dev.greenlight.testsupport.Users;

import javax.sql.DataSource;

@QuarkusTest
@TestProfile(StandardChangeProfile.class)
class StandardChangeLaneTest {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    @Inject
    Fixtures fixtures;
    @Inject
    ReleaseService releases;
    @Inject
    DataSource db;
    @Inject
    TestClock clock;

    @BeforeEach
    void workspace() {
        fixtures.neuronxWorkspace();
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private String changeset(String bump, String summary) {
        String id = "lane-" + COUNTER.incrementAndGet();
        fixtures.changeset(Users.ALICE, id, "\"@neuronx/cli\": " + bump, summary + " " + id);
        return id;
    }

    private long submittedThroughTheApi(String... changesets) {
        long id = fixtures.draftRelease(Users.ALICE, "Lane " + COUNTER.incrementAndGet(), changesets).id();
        given().header("Authorization", Users.ALICE.bearer())
                .contentType(ContentType.JSON)
                .post("/api/v1/releases/" + id + "/submit")
                .then()
                .statusCode(200)
                .body("state", equalTo("IN_REVIEW"));
        return id;
    }

    /** Read through the API: the test's own session would answer from its cache. */
    private ReleaseState state(long id) {
        return ReleaseState.valueOf(given().header("Authorization", Users.MAX.bearer())
                .get("/api/v1/releases/" + id)
                .then()
                .statusCode(200)
                .extract()
                .path("release.state"));
    }

    /** The lane's audited decisions about a release, oldest first: action and the after state. */
    private List<Map.Entry<String, JsonPath>> laneEvents(long releaseId) throws SQLException {
        List<Map.Entry<String, JsonPath>> events = new ArrayList<>();
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("select action, actor, after_state::text from audit_event "
                        + "where release_id = ? and action like 'lane.%' order by id")) {
            s.setLong(1, releaseId);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    assertThat(rows.getString("actor")).isEqualTo("standard-change");
                    events.add(Map.entry(rows.getString("action"), JsonPath.from(rows.getString(3))));
                }
            }
        }
        return events;
    }

    private JsonPath approvals(long releaseId) {
        return given().header("Authorization", Users.MAX.bearer())
                .get("/api/v1/releases/" + releaseId + "/approvals")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void aPatchReleaseIsApprovedByTheLaneOnceItsGatesPassWithEveryConditionAudited() throws SQLException {
        long id = submittedThroughTheApi(changeset("patch", "Fix the help text"));

        List<Map.Entry<String, JsonPath>> atSubmission = laneEvents(id);
        assertThat(atSubmission).hasSize(1);
        assertThat(atSubmission.get(0).getKey()).isEqualTo("lane.declined");
        JsonPath declined = atSubmission.get(0).getValue();
        assertThat(declined.getString("trigger")).isEqualTo("submitted");
        assertThat(declined.getList("conditions.condition")).containsExactly("bumps", "gates", "no-security-fix",
                "change-failure-rate", "outside-freeze");
        assertThat(declined.getList("conditions.holds")).containsExactly(true, false, true, true, true);
        assertThat(declined.getString("conditions[1].value")).contains("tests MISSING");

        fixtures.passAllGates(id);

        assertThat(state(id)).isEqualTo(ReleaseState.APPROVED);
        List<Map.Entry<String, JsonPath>> events = laneEvents(id);
        assertThat(events).extracting(Map.Entry::getKey).containsExactly("lane.declined", "lane.auto-approved");
        JsonPath approved = events.get(1).getValue();
        assertThat(approved.getString("trigger")).isEqualTo("gate evidence passed");
        assertThat(approved.getList("conditions.holds")).containsOnly(true);
        assertThat(approved.getList("conditions.value")).containsExactly("@neuronx/cli patch",
                "tests PASSED, coverage PASSED, critical-vulnerabilities PASSED, changelog PASSED, evidence PASSED",
                "none", "@neuronx/cli no releases published", "no freeze");
        assertThat(approved.getList("approvedSlots")).containsExactly("code", "security", "product");
        JsonPath slots = approvals(id);
        assertThat(slots.getList("approvals.flatten().approver")).containsOnly("standard-change");
    }

    @Test
    void aMinorBumpOrASecurityFixGoesToPeople() throws SQLException {
        long minor = submittedThroughTheApi(changeset("minor", "Add a flag"));
        long security = submittedThroughTheApi(changeset("patch", "Fix CVE-2026-1234 in the parser"));
        fixtures.passAllGates(minor);
        fixtures.passAllGates(security);

        assertThat(state(minor)).isEqualTo(ReleaseState.IN_REVIEW);
        assertThat(state(security)).isEqualTo(ReleaseState.IN_REVIEW);
        JsonPath minorDecision = laneEvents(minor).get(1).getValue();
        assertThat(minorDecision.getList("conditions.holds")).containsExactly(false, true, true, true, true);
        assertThat(minorDecision.getString("conditions[0].value")).isEqualTo("@neuronx/cli minor");
        JsonPath securityDecision = laneEvents(security).get(1).getValue();
        assertThat(securityDecision.getString("decision")).isEqualTo("declined");
        assertThat(securityDecision.getString("conditions[2].value")).isEqualTo("1 changeset marked as a security fix");
        assertThat(approvals(minor).getList("approvals.flatten()")).isEmpty();

        fixtures.approveAllSlots(minor);
        assertThat(state(minor)).as("people review as before").isEqualTo(ReleaseState.APPROVED);
    }

    @Test
    void aReleaseOfAPackageInAFreezeGoesToPeopleWithTheWindowNamed() throws SQLException {
        clock.set(Instant.parse("2032-06-01T10:00:00Z"));
        long freeze = FreezeWindows.oneDay("Lane test freeze", "2032-06-01", "PACKAGES", List.of("@neuronx/cli"));
        try {
            long id = submittedThroughTheApi(changeset("patch", "Fix a typo during the freeze"));
            fixtures.passAllGates(id);

            assertThat(state(id)).isEqualTo(ReleaseState.IN_REVIEW);
            JsonPath decision = laneEvents(id).get(1).getValue();
            assertThat(decision.getString("decision")).isEqualTo("declined");
            assertThat(decision.getList("conditions.holds")).containsExactly(true, true, true, true, false);
            assertThat(decision.getString("conditions[4].value")).contains("\"Lane test freeze\"");
        } finally {
            FreezeWindows.delete(freeze);
        }
    }

    @Test
    void aPackageThatFailedTooOftenGoesToPeople() throws SQLException {
        clock.set(Instant.parse("2031-03-02T10:00:00Z"));
        for (String title : List.of("Before", "Shipped")) {
            ReleaseView release = fixtures.submittedRelease(Users.ALICE, title, changeset("patch", "Fix " + title));
            fixtures.passAllGates(release.id());
            releases.publish(Users.MAX.actor(), release.id());
            clock.advance(Duration.ofMinutes(5));
        }
        long shipped = given().header("Authorization", Users.MAX.bearer())
                .queryParam("state", "PUBLISHED")
                .get("/api/v1/releases")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("items.find { it.title == 'Shipped' }.id");
        given().header("Authorization", Users.MAX.bearer())
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "Crashes on start"))
                .post("/api/v1/releases/" + shipped + "/rollbacks")
                .then()
                .statusCode(201);
        clock.advance(Duration.ofMinutes(5));

        long next = submittedThroughTheApi(changeset("patch", "Fix the crash again"));
        fixtures.passAllGates(next);

        assertThat(state(next)).isEqualTo(ReleaseState.IN_REVIEW);
        JsonPath decision = laneEvents(next).get(1).getValue();
        assertThat(decision.getList("conditions.holds")).containsExactly(true, true, true, false, true);
        assertThat(decision.getString("conditions[3].value")).isEqualTo("@neuronx/cli 50 %");
    }

    @Test
    void aContentChangeMakesTheLanesApprovalsStaleAndTheRuleIsJudgedAgain() throws SQLException {
        long id = submittedThroughTheApi(changeset("patch", "Fix a typo"));
        fixtures.passAllGates(id);
        assertThat(state(id)).isEqualTo(ReleaseState.APPROVED);

        releases.addChangesets(Users.ALICE.actor(), id, List.of(changeset("patch", "Fix another typo")));

        assertThat(state(id)).isEqualTo(ReleaseState.IN_REVIEW);
        assertThat(approvals(id).getList("approvals.flatten()")).isEmpty();
        List<Map.Entry<String, JsonPath>> events = laneEvents(id);
        assertThat(events).extracting(Map.Entry::getKey)
                .containsExactly("lane.declined", "lane.auto-approved", "lane.declined");
        assertThat(events.get(2).getValue().getString("trigger")).isEqualTo("invalidated");

        fixtures.passAllGates(id);
        assertThat(state(id)).as("approved again on the new content").isEqualTo(ReleaseState.APPROVED);
    }
}

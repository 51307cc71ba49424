package dev.greenlight.emergency;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import dev.greenlight.testsupport.Fixtures;
import dev.greenlight.testsupport.PageSession;
import dev.greenlight.testsupport.Users;

/**
 * Segregation of duties on the paths that bypass reviews: whoever created a release or wrote one of its changesets
 * decides nothing about it, neither its override nor its emergency. Tom is an author, on the security team and an
 * engineering leader, so only this rule stands between him and his own code.
 */
@QuarkusTest
class SegregationOfDutiesTest {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final List<Map<String, String>> ALL_SLOTS = List.of(
            Map.of("requirement", "slot:code", "reason", "Pair-reviewed on the call"),
            Map.of("requirement", "slot:security", "reason", "Assessed"),
            Map.of("requirement", "slot:product", "reason", "Outage"));

    @Inject
    Fixtures fixtures;

    @BeforeEach
    void workspace() {
        fixtures.neuronxWorkspace();
    }

    private String changeset(Users author) {
        String id = "sod-" + COUNTER.incrementAndGet();
        fixtures.changeset(author, id, "\"@neuronx/api\": patch", "Fix " + id);
        return id;
    }

    private static ValidatableResponse post(Users who, String path, Object body) {
        return given().header("Authorization", who.bearer())
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1" + path)
                .then();
    }

    private static String get(Users who, String path) {
        return given().header("Authorization", who.bearer())
                .get("/api/v1" + path)
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    /** Everything a refused decision could have touched: the release, its history, the override or emergency. */
    private static String record(long release, String decided) {
        return get(Users.CAROL, "/releases/" + release) + get(Users.CAROL, "/releases/" + release + "/history")
                + get(Users.CAROL, decided);
    }

    private long override(long release) {
        return post(Users.ADA, "/overrides", Map.of("releaseId", release, "reason", "Payments down", "incident",
                Map.of("title", "Payments failing", "severity", "SEV1", "report", "Processor rejects calls")))
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
    }

    /** Alice's emergency for a new release holding her changeset and Tom's. */
    private long emergencyWithTomsChangeset() {
        return post(Users.ALICE, "/emergencies", Map.of("title", "Hotfix", "changesets",
                List.of(changeset(Users.ALICE), changeset(Users.TOM)), "criterion", "service-outage",
                "justification", "Every call fails", "affectedServices", "api", "risk", "Low", "incident",
                Map.of("title", "API down", "severity", "SEV1", "report", "Expired certificate")))
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
    }

    private long assessedEmergencyWithTomsChangeset() {
        long id = emergencyWithTomsChangeset();
        post(Users.SEAN, "/emergencies/" + id + "/assess", Map.of("reason", "Confirmed")).statusCode(200);
        return id;
    }

    private static long releaseOf(long emergency) {
        return given().header("Authorization", Users.CAROL.bearer())
                .get("/api/v1/emergencies/" + emergency)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("releaseId");
    }

    // --- overrides ---

    @Test
    void aLeaderWhoCreatedTheReleaseMayNotApproveItsOverride() {
        long release = fixtures.submittedRelease(Users.TOM, "Tom's fix", changeset(Users.TOM)).id();
        long id = override(release);
        String before = record(release, "/overrides/" + id);
        post(Users.TOM, "/overrides/" + id + "/approve", Map.of("reason", "Ship it")).statusCode(403)
                .body("detail", containsString("You created this release"));
        assertThat(record(release, "/overrides/" + id)).isEqualTo(before);
    }

    @Test
    void aLeaderWhoCreatedTheReleaseMayNotDenyItsOverride() {
        long release = fixtures.submittedRelease(Users.TOM, "Tom's fix", changeset(Users.TOM)).id();
        long id = override(release);
        String before = record(release, "/overrides/" + id);
        post(Users.TOM, "/overrides/" + id + "/deny", Map.of("reason", "Not needed")).statusCode(403)
                .body("detail", containsString("You created this release"));
        assertThat(record(release, "/overrides/" + id)).isEqualTo(before);
    }

    @Test
    void aLeaderWhoWroteAChangesetMayNotApproveTheOverride() {
        long release = fixtures.submittedRelease(Users.ALICE, "Alice's fix", changeset(Users.ALICE),
                changeset(Users.TOM)).id();
        long id = override(release);
        String before = record(release, "/overrides/" + id);
        post(Users.TOM, "/overrides/" + id + "/approve", Map.of()).statusCode(403)
                .body("detail", containsString("You wrote a changeset in this release"));
        assertThat(record(release, "/overrides/" + id)).isEqualTo(before);
    }

    @Test
    void onTheOverridePageTheAuthorSeesWhyAndTheirDecisionIsRefused() {
        long release = fixtures.submittedRelease(Users.TOM, "Tom's fix", changeset(Users.TOM)).id();
        long id = override(release);
        String page = "/overrides/" + id;
        PageSession tom = PageSession.signIn(Users.TOM);
        tom.get(page)
                .then()
                .statusCode(200)
                .body(containsString("You created this release"))
                .body(not(containsString("Approve override")));
        String before = record(release, "/overrides/" + id);
        tom.submit(page, page + "/decision", Map.of("decision", "approve", "reason", "Mine, fine"))
                .then()
                .statusCode(403)
                .body(containsString("You created this release"));
        assertThat(record(release, "/overrides/" + id)).isEqualTo(before);
        assertThat(get(Users.CAROL, "/overrides/" + id)).contains("\"state\":\"REQUESTED\"");
    }

    // --- emergencies ---

    @Test
    void aChangesetAuthorMayNotAssessTheEmergency() {
        long id = emergencyWithTomsChangeset();
        String before = record(releaseOf(id), "/emergencies/" + id);
        post(Users.TOM, "/emergencies/" + id + "/assess", Map.of("reason", "Confirmed")).statusCode(403)
                .body("detail", containsString("You wrote a changeset in this release"));
        assertThat(record(releaseOf(id), "/emergencies/" + id)).isEqualTo(before);
    }

    @Test
    void aChangesetAuthorMayNotDeclineTheEmergency() {
        long id = emergencyWithTomsChangeset();
        String before = record(releaseOf(id), "/emergencies/" + id);
        post(Users.TOM, "/emergencies/" + id + "/decline", Map.of("reason", "No emergency")).statusCode(403)
                .body("detail", containsString("You wrote a changeset in this release"));
        assertThat(record(releaseOf(id), "/emergencies/" + id)).isEqualTo(before);
    }

    @Test
    void aChangesetAuthorMayNotApproveTheEmergency() {
        long id = assessedEmergencyWithTomsChangeset();
        String before = record(releaseOf(id), "/emergencies/" + id);
        post(Users.TOM, "/emergencies/" + id + "/approve", Map.of("reason", "Go", "bypasses", ALL_SLOTS))
                .statusCode(403)
                .body("detail", containsString("You wrote a changeset in this release"));
        assertThat(record(releaseOf(id), "/emergencies/" + id)).isEqualTo(before);
    }

    @Test
    void aChangesetAuthorMayNotDenyTheEmergency() {
        long id = assessedEmergencyWithTomsChangeset();
        String before = record(releaseOf(id), "/emergencies/" + id);
        post(Users.TOM, "/emergencies/" + id + "/deny", Map.of("reason", "No")).statusCode(403)
                .body("detail", containsString("You wrote a changeset in this release"));
        assertThat(record(releaseOf(id), "/emergencies/" + id)).isEqualTo(before);
    }

    @Test
    void onTheEmergencyPageAChangesetAuthorSeesWhyAndMayNotAssess() {
        long id = emergencyWithTomsChangeset();
        String page = "/emergencies/" + id;
        PageSession tom = PageSession.signIn(Users.TOM);
        tom.get(page)
                .then()
                .statusCode(200)
                .body(containsString("You wrote a changeset in this release"))
                .body(not(containsString("Validate emergency")));
        String before = record(releaseOf(id), page);
        tom.submit(page, page + "/assessment", Map.of("decision", "validate", "reason", "Confirmed"))
                .then()
                .statusCode(403)
                .body(containsString("You wrote a changeset in this release"));
        assertThat(record(releaseOf(id), page)).isEqualTo(before);
    }

    @Test
    void onTheEmergencyPageAChangesetAuthorSeesWhyAndMayNotApprove() {
        long id = assessedEmergencyWithTomsChangeset();
        String page = "/emergencies/" + id;
        PageSession tom = PageSession.signIn(Users.TOM);
        tom.get(page)
                .then()
                .statusCode(200)
                .body(containsString("You wrote a changeset in this release"))
                .body(not(containsString("Approve emergency")));
        String before = record(releaseOf(id), page);
        tom.submit(page, page + "/decision", Map.of("decision", "approve", "bypass", "slot:code", "candidate",
                "slot:code", "bypassReason", "Mine"))
                .then()
                .statusCode(403)
                .body(containsString("You wrote a changeset in this release"));
        assertThat(record(releaseOf(id), page)).isEqualTo(before);
    }

    @Test
    void someoneOutsideTheReleaseStillDecides() {
        long id = assessedEmergencyWithTomsChangeset();
        post(Users.IVY, "/emergencies/" + id + "/approve", Map.of("reason", "Go", "bypasses", ALL_SLOTS))
                .statusCode(200)
                .body("state", equalTo("APPROVED"));
        long release = fixtures.submittedRelease(Users.TOM, "Tom's fix", changeset(Users.TOM)).id();
        post(Users.LEAH, "/overrides/" + override(release) + "/approve", Map.of()).statusCode(200)
                .body("state", equalTo("APPROVED"));
    }
}

package dev.greenlight.emergency;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

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
 * A waiver holds for the changesets it was granted for, like an approval or a gate result: once the release's content
 * changes, it is stale, shown as such, and satisfies nothing, so unreviewed code cannot ship on it.
 */
@QuarkusTest
class StaleWaiversTest {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final List<Map<String, String>> ALL_SLOTS = List.of(
            Map.of("requirement", "slot:code", "reason", "Pair-reviewed on the call"),
            Map.of("requirement", "slot:security", "reason", "Security team assessed it"),
            Map.of("requirement", "slot:product", "reason", "Outage: nothing to decide"));

    @Inject
    Fixtures fixtures;

    @BeforeEach
    void workspace() {
        fixtures.neuronxWorkspace();
    }

    private String changeset(Users author) {
        String id = "stale-" + COUNTER.incrementAndGet();
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

    private static String releaseState(long release) {
        return given().header("Authorization", Users.CAROL.bearer())
                .get("/api/v1/releases/" + release)
                .then()
                .statusCode(200)
                .extract()
                .path("release.state");
    }

    /** CI reports every measured gate passing, through the API. */
    private static void ciPassesAllGates(long release) {
        post(Users.CI, "/releases/" + release + "/gates/tests", Map.of("value", 0)).statusCode(201);
        post(Users.CI, "/releases/" + release + "/gates/coverage", Map.of("value", 91.5)).statusCode(201);
        post(Users.CI, "/releases/" + release + "/gates/critical-vulnerabilities", Map.of("value", 0))
                .statusCode(201);
        post(Users.CI, "/releases/" + release + "/gates/evidence",
                Map.of("evidence", Map.of("url", "https://ci.neuronx.dev/runs/" + release))).statusCode(201);
    }

    private long overrideApproved(long release) {
        long id = requestOverride(release);
        post(Users.ADRIAN, "/overrides/" + id + "/approve", Map.of("reason", "Agreed")).statusCode(200)
                .body("state", equalTo("APPROVED"));
        return id;
    }

    private long requestOverride(long release) {
        return post(Users.ADA, "/overrides", Map.of("releaseId", release, "reason", "Payments down", "incident",
                Map.of("title", "Payments failing", "severity", "SEV1", "report", "Processor rejects every call")))
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
    }

    private static void addChangeset(Users who, long release, String changeset) {
        post(who, "/releases/" + release + "/changesets", Map.of("changesets", List.of(changeset))).statusCode(200)
                .body("state", equalTo("IN_REVIEW"))
                .body("contentVersion", equalTo(2));
    }

    private static String bundleSummary(long release) throws IOException {
        byte[] zip = given().header("Authorization", Users.CAROL.bearer())
                .get("/api/v1/releases/" + release + "/evidence-bundle")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.getName().equals("summary.html")) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError("no summary.html in the bundle");
    }

    @Test
    void anOverridesWaiversGoStaleWhenChangesetsAreAddedAndNoLongerLetTheReleaseShip() throws IOException {
        long release = fixtures.submittedRelease(Users.ALICE, "Hotfix", changeset(Users.ALICE)).id();
        long override = overrideApproved(release);
        assertThat(releaseState(release)).isEqualTo("APPROVED");

        addChangeset(Users.ALICE, release, changeset(Users.BOB));
        ciPassesAllGates(release);
        assertThat(releaseState(release)).as("Bob's changeset was never reviewed").isEqualTo("IN_REVIEW");
        post(Users.MAX, "/releases/" + release + "/publish", Map.of()).statusCode(409);
        given().header("Authorization", Users.CAROL.bearer())
                .get("/api/v1/releases/" + release + "/approvals")
                .then()
                .statusCode(200)
                .body("find { it.requirement.slot == 'code' }.bypass", nullValue());
        given().header("Authorization", Users.CAROL.bearer())
                .get("/api/v1/overrides/" + override)
                .then()
                .statusCode(200)
                .body("waived.find { it.requirement == 'slot:code' }.stale", equalTo(true))
                .body("waived.find { it.requirement == 'slot:code' }.contentVersion", equalTo(1));

        PageSession.signIn(Users.CAROL)
                .get("/releases/" + release)
                .then()
                .statusCode(200)
                .body(containsString("Stale: override #" + override))
                .body(containsString("granted for content version 1"))
                .body(containsString("Approve code"));
        assertThat(bundleSummary(release)).contains("Stale: override #" + override);
    }

    @Test
    void anOverrideAskedBeforeTheContentChangedCannotBeApprovedAfterAndANewOneMayBeAsked() {
        long release = fixtures.submittedRelease(Users.ALICE, "Hotfix", changeset(Users.ALICE)).id();
        long asked = requestOverride(release);
        addChangeset(Users.ALICE, release, changeset(Users.BOB));
        post(Users.ADRIAN, "/overrides/" + asked + "/approve", Map.of()).statusCode(409)
                .body("detail", containsString("changed since"));
        assertThat(releaseState(release)).isEqualTo("IN_REVIEW");

        long again = overrideApproved(release);
        assertThat(again).isNotEqualTo(asked);
        assertThat(releaseState(release)).isEqualTo("APPROVED");
    }

    @Test
    void anEmergencysBypassesGoStaleWhenChangesetsAreAddedAndItWaitsForALeaderAgain() throws IOException {
        long emergency = post(Users.ALICE, "/emergencies", Map.of("title", "Hotfix", "changesets",
                List.of(changeset(Users.ALICE)), "criterion", "service-outage", "justification", "Every call fails",
                "affectedServices", "api", "risk", "Low", "incident",
                Map.of("title", "API down", "severity", "SEV1", "report", "Expired certificate")))
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        long release = given().header("Authorization", Users.CAROL.bearer())
                .get("/api/v1/emergencies/" + emergency)
                .then()
                .extract()
                .jsonPath()
                .getLong("releaseId");
        post(Users.SEAN, "/emergencies/" + emergency + "/assess", Map.of("reason", "Confirmed")).statusCode(200);
        ciPassesAllGates(release);
        post(Users.LEAH, "/emergencies/" + emergency + "/approve", Map.of("reason", "Go", "bypasses", ALL_SLOTS))
                .statusCode(200)
                .body("state", equalTo("APPROVED"));
        assertThat(releaseState(release)).isEqualTo("APPROVED");

        addChangeset(Users.ALICE, release, changeset(Users.BOB));
        ciPassesAllGates(release);
        assertThat(releaseState(release)).as("Bob's changeset was never reviewed").isEqualTo("IN_REVIEW");
        post(Users.MAX, "/releases/" + release + "/publish", Map.of()).statusCode(409);
        given().header("Authorization", Users.CAROL.bearer())
                .get("/api/v1/emergencies/" + emergency)
                .then()
                .statusCode(200)
                .body("state", equalTo("ASSESSED"))
                .body("bypasses.find { it.requirement == 'slot:code' }.stale", equalTo(true))
                .body("approvals[0].stale", equalTo(true));
        given().header("Authorization", Users.CAROL.bearer())
                .get("/api/v1/releases/" + release + "/history")
                .then()
                .body("action", hasItem("emergency.reopened"));
        PageSession.signIn(Users.CAROL)
                .get("/releases/" + release)
                .then()
                .statusCode(200)
                .body(containsString("Stale: emergency #" + emergency))
                .body(containsString("Approve code"));
        assertThat(bundleSummary(release)).contains("Stale: emergency #" + emergency);

        // a leader looks at the new content and bypasses again: that waiver holds for it
        post(Users.LEAH, "/emergencies/" + emergency + "/approve", Map.of("reason", "Still go", "bypasses",
                ALL_SLOTS)).statusCode(200).body("state", equalTo("APPROVED"));
        assertThat(releaseState(release)).isEqualTo("APPROVED");
        post(Users.MAX, "/releases/" + release + "/publish", Map.of()).statusCode(200);
    }
}

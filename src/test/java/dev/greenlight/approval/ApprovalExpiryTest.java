package dev.greenlight.approval;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import dev.greenlight.testsupport.Fixtures;
import dev.greenlight.testsupport.PageSession;
import dev.greenlight.testsupport.StandardChangeProfile;
import dev.greenlight.testsupport.TestClock;
import dev.greenlight.testsupport.Users;

/** Approvals older than {@code greenlight.policy.approval-max-age} (14 days in this profile) stop counting. */
@QuarkusTest
@TestProfile(StandardChangeProfile.class)
class ApprovalExpiryTest {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    @Inject
    Fixtures fixtures;
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

    /** A minor bump: the standard-change lane leaves it to people. */
    private long inReview() {
        String id = "expiry-" + COUNTER.incrementAndGet();
        fixtures.changeset(Users.ALICE, id, "\"@neuronx/cli\": minor", "Add " + id);
        return fixtures.submittedRelease(Users.ALICE, "Expiry " + id, id).id();
    }

    private static ValidatableResponse approve(Users who, long release, String slot) {
        return given().header("Authorization", who.bearer())
                .contentType(ContentType.JSON)
                .body(Map.of("slot", slot, "decision", "approve"))
                .post("/api/v1/releases/" + release + "/approvals")
                .then();
    }

    private static ValidatableResponse slots(long release) {
        return given().header("Authorization", Users.MAX.bearer())
                .get("/api/v1/releases/" + release + "/approvals")
                .then()
                .statusCode(200);
    }

    @Test
    void anApprovalOlderThanTheMaximumAgeNoLongerCountsIsShownStaleAndMayBeGivenAgain() {
        clock.set(Instant.parse("2026-06-01T09:00:00Z"));
        long id = inReview();
        approve(Users.CAROL, id, "code").statusCode(201);
        clock.advance(Duration.ofDays(14));
        slots(id).body("find { it.requirement.slot == 'code' }.approvals.approver", hasItem("carol"));

        clock.advance(Duration.ofMinutes(1));

        slots(id).body("find { it.requirement.slot == 'code' }.approvals", org.hamcrest.Matchers.empty());
        given().header("Authorization", Users.CAROL.bearer())
                .get("/api/v1/reviews/mine?size=200")
                .then()
                .statusCode(200)
                .body("release.id", hasItem((int) id));
        PageSession.signIn(Users.MAX)
                .get("/releases/" + id)
                .then()
                .statusCode(200)
                .body(containsString("Stale approvals"))
                .body(containsString("Stale: carol's code approval"));

        approve(Users.CAROL, id, "code").statusCode(201);

        slots(id).body("find { it.requirement.slot == 'code' }.approvals.approver", hasItem("carol"));
        given().header("Authorization", Users.CAROL.bearer())
                .get("/api/v1/reviews/mine?size=200")
                .then()
                .body("release.id", not(hasItem((int) id)));
    }

    @Test
    void anApprovedReleaseKeepsItsApprovalsUntilItIsPublished() {
        clock.set(Instant.parse("2026-07-01T09:00:00Z"));
        long id = inReview();
        fixtures.passAllGates(id);
        fixtures.approveAllSlots(id);
        clock.advance(Duration.ofDays(60));

        given().header("Authorization", Users.MAX.bearer())
                .post("/api/v1/releases/" + id + "/publish")
                .then()
                .statusCode(200)
                .body("state", equalTo("PUBLISHED"));
    }
}

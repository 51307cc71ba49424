package dev.greenlight.environment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
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

import dev.greenlight.testsupport.Fixtures;
import dev.greenlight.testsupport.FreezeWindows;
import dev.greenlight.testsupport.PageSession;
import dev.greenlight.testsupport.TestClock;
import dev.greenlight.testsupport.Users;

import javax.sql.DataSource;

@QuarkusTest
class DeploymentsApiTest {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final Map<String, Object> PASSING = Map.of("smoke-tests", 0, "error-rate", 0.3);

    @Inject
    Fixtures fixtures;
    @Inject
    DataSource dataSource;
    @Inject
    TestClock clock;

    private long release;

    @BeforeEach
    void aPublishedReleaseWithAChangesetByTom() {
        fixtures.neuronxWorkspace();
        String mine = changesetBy(Users.ALICE);
        String toms = changesetBy(Users.TOM);
        release = fixtures.publishedRelease(Users.ALICE, "Rolled out", mine, toms).id();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private String changesetBy(Users author) {
        String id = "env-" + COUNTER.incrementAndGet();
        fixtures.changeset(author, id, "\"@neuronx/sdk\": patch", "SDK change " + id);
        return id;
    }

    private ValidatableResponse report(Users who, long releaseId, Map<String, Object> body) {
        return given().header("Authorization", who.bearer())
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/releases/" + releaseId + "/deployments")
                .then();
    }

    private ValidatableResponse report(String environment, String status, int percentage,
            Map<String, Object> checks) {
        Map<String, Object> body = new HashMap<>(Map.of("environment", environment, "status", status, "percentage",
                percentage, "reference", "deploy-" + percentage, "url", "https://ci.neuronx.dev/deploy/" + percentage));
        if (checks != null) {
            body.put("checks", checks);
        }
        return report(Users.CI, release, body);
    }

    private ValidatableResponse approve(Users who) {
        return PageSession.signIn(who)
                .submit("/", "/releases/" + release + "/environments/production/approvals", Map.of())
                .then();
    }

    private long count(String sql) throws Exception {
        try (var c = dataSource.getConnection(); var s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void stagingValidated() {
        report("staging", "STARTED", 100, null).statusCode(201).body("status", equalTo("deployment in progress"));
        report("staging", "SUCCEEDED", 100, PASSING).statusCode(201)
                .body("validated", equalTo(true))
                .body("status", equalTo("succeeded"));
    }

    @Test
    void aReleaseGoesThroughStagingThenAnApprovedWaitedCanaryToProduction() throws Exception {
        stagingValidated();
        report("production", "STARTED", 5, null).statusCode(409)
                .body("detail", containsString("Promotion to production is not allowed yet"))
                .body("detail", containsString("wait timer: 1 hour remaining"))
                .body("detail", containsString("approvals: 0 of 1 (engineering leader or maintainer)"));
        approve(Users.LEAH).statusCode(303);
        assertThat(count("select count(*) from audit_event where action = 'promotion.approved' and release_id = "
                + release)).isEqualTo(1);
        report("production", "STARTED", 5, null).statusCode(409)
                .body("detail", containsString("wait timer"))
                .body("detail", not("approvals"));
        clock.advance(Duration.ofMinutes(61));
        report("production", "STARTED", 25, null).statusCode(409)
                .body("detail", equalTo("Step 25 % in production needs step 5 % passed first; it is not started."));
        report("production", "STARTED", 5, null).statusCode(201).body("status", equalTo("step 5 % in progress"));
        report("production", "SUCCEEDED", 5, PASSING).statusCode(201).body("status", equalTo("step 5 % passed"));
        report("production", "STARTED", 25, null).statusCode(201);
        report("production", "SUCCEEDED", 25, PASSING).statusCode(201);
        report("production", "SUCCEEDED", 100, PASSING).statusCode(201).body("status", equalTo("succeeded"));

        given().header("Authorization", Users.PAULA.bearer())
                .get("/api/v1/releases/" + release + "/deployments")
                .then()
                .statusCode(200)
                .body("environment", contains("staging", "production"))
                .body("[1].steps.percentage", contains(5, 25, 100))
                .body("[1].steps.outcome", contains("PASSED", "PASSED", "PASSED"))
                .body("[1].steps[2].checks.check", contains("smoke-tests", "error-rate"))
                .body("[1].approvals[0].approvedBy", equalTo("leah"))
                .body("[1].blockers.size()", equalTo(0));
        // lead time in metrics: the full production deployment is the release's deploy time
        given().header("Authorization", Users.PAULA.bearer())
                .get("/api/v1/releases/" + release)
                .then()
                .body("release.publication.deployedAt", org.hamcrest.Matchers.notNullValue());
        assertThat(count("select count(*) from audit_event where action like 'deployment.%' and release_id = "
                + release)).isEqualTo(7);
    }

    private static org.hamcrest.Matcher<String> not(String text) {
        return org.hamcrest.Matchers.not(containsString(text));
    }

    @Test
    void aFreezeOfAnEnvironmentHoldsDeploymentsThatWouldStartThere() throws Exception {
        clock.set(Instant.parse("2033-02-01T10:00:00Z"));
        long freeze = FreezeWindows.oneDay("Staging migration", "2033-02-01", "ENVIRONMENTS", List.of("staging"));
        try {
            report("staging", "STARTED", 100, null).statusCode(409)
                    .body("detail", containsString("may not be deployed to staging during a change freeze"))
                    .body("detail", containsString("\"Staging migration\""));
            assertThat(count("select count(*) from deployment where release_id = " + release)).isZero();
        } finally {
            FreezeWindows.delete(freeze);
        }
        report("staging", "STARTED", 100, null).statusCode(201);
    }

    @Test
    void badInputIsRefusedNamingTheField() throws Exception {
        report(Users.CI, release, Map.of("environment", "qa", "status", "STARTED", "percentage", 100)).statusCode(400)
                .body("errors[0].field", equalTo("environment"))
                .body("errors[0].message", equalTo("must be one of staging, production"));
        report(Users.CI, release, Map.of("environment", "staging", "status", "DONE", "percentage", 100))
                .statusCode(400)
                .body("errors[0].field", equalTo("status"));
        report(Users.CI, release, Map.of("environment", "production", "status", "STARTED", "percentage", 50))
                .statusCode(400)
                .body("errors[0].field", equalTo("percentage"))
                .body("errors[0].message", equalTo("must be one of 5 %, 25 %, 100 % in production"));
        report(Users.CI, release, Map.of("environment", "staging", "status", "STARTED")).statusCode(400)
                .body("errors[0].field", equalTo("percentage"));
        report(Users.CI, release, Map.of("environment", "staging", "status", "SUCCEEDED", "percentage", 100,
                "url", "javascript:alert(1)")).statusCode(400)
                .body("errors[0].field", equalTo("url"));
        report(Users.CI, release, Map.of("environment", "x".repeat(41), "status", "STARTED", "percentage", 100))
                .statusCode(400)
                .body("errors[0].field", equalTo("environment"));
        report("staging", "STARTED", 100, PASSING).statusCode(400).body("errors[0].field", equalTo("checks"));
        report("staging", "SUCCEEDED", 100, Map.of("rollback-plan", 1, "error-rate", 140)).statusCode(400)
                .body("errors.field", hasItem("checks.rollback-plan"))
                .body("errors.field", hasItem("checks.error-rate"));
        assertThat(count("select count(*) from deployment where release_id = " + release)).isZero();
    }

    @Test
    void onlyCiAndMaintainersReportAndOnlyOnPublishedReleases() {
        Map<String, Object> start = Map.of("environment", "staging", "status", "STARTED", "percentage", 100);
        for (Users who : List.of(Users.ALICE, Users.LEAH, Users.CAROL, Users.ADA)) {
            report(who, release, start).statusCode(403);
        }
        long approved = fixtures.approvedRelease(Users.ALICE, "Not yet out", changesetBy(Users.ALICE)).id();
        report(Users.CI, approved, start).statusCode(409)
                .body("detail", containsString("Deployments are reported for published releases"));
        report(Users.CI, 999_999, start).statusCode(404);
        report(Users.MAX, release, start).statusCode(201);
    }

    @Test
    void approvalsFollowSegregationOfDutiesAndAreGivenOnce() {
        approve(Users.TOM).statusCode(403);
        approve(Users.CAROL).statusCode(403);
        approve(Users.MAX).statusCode(303);
        approve(Users.MAX).statusCode(403);
        // one approval is all production needs
        approve(Users.LEAH).statusCode(409);
        PageSession.signIn(Users.LEAH)
                .submit("/", "/releases/" + release + "/environments/qa/approvals", Map.of())
                .then()
                .statusCode(404);
    }

    @Test
    void aFailedCanaryStepReachesSlackAndOffersRollbackOnThePage() throws Exception {
        stagingValidated();
        approve(Users.LEAH).statusCode(303);
        clock.advance(Duration.ofHours(2));
        report("production", "SUCCEEDED", 5, PASSING).statusCode(201);
        report("production", "SUCCEEDED", 25, Map.of("smoke-tests", 0, "error-rate", 2.5)).statusCode(201)
                .body("failed", equalTo(true))
                .body("status", equalTo("failed at step 25 %"))
                .body("steps[1].checks[1].passed", equalTo(false));
        report("production", "STARTED", 100, null).statusCode(409)
                .body("detail", containsString("needs step 25 % passed first; it is failed"));
        assertThat(count("select count(*) from outbox_message where event_type = 'check.failed' and release_id = "
                + release + " and payload ->> 'text' like '%production canary step 25 \\%%'")).isEqualTo(1);
        PageSession.signIn(Users.LEAH)
                .get("/releases/" + release)
                .then()
                .body(containsString("failed at step 25 %"))
                .body(containsString("href=\"#rollback-title\""));
        PageSession.signIn(Users.PAULA)
                .get("/releases/" + release)
                .then()
                .body(containsString("failed at step 25 %"))
                .body(org.hamcrest.Matchers.not(containsString("href=\"#rollback-title\"")));
    }

    @Test
    void theReleasePageShowsWhereTheReleaseIsAndWhatBlocksItsPromotion() {
        stagingValidated();
        PageSession.signIn(Users.LEAH)
                .get("/releases/" + release)
                .then()
                .body(containsString("id=\"environments-title\""))
                .body(containsString("wait timer: 1 hour remaining"))
                .body(containsString("approvals: 0 of 1 (engineering leader or maintainer)"))
                .body(containsString("Approve promotion to production"));
        PageSession.signIn(Users.TOM)
                .get("/releases/" + release)
                .then()
                .body(org.hamcrest.Matchers.not(containsString("Approve promotion to production")))
                .body(containsString("another engineering leader or maintainer must approve its promotion"));
        approve(Users.LEAH).statusCode(303);
        PageSession.signIn(Users.LEAH)
                .get("/releases/" + release)
                .then()
                .body(containsString("Approved by leah"))
                .body(org.hamcrest.Matchers.not(containsString("Approve promotion to production")));
    }

    @Test
    void anUnpublishedReleaseShowsNoEnvironments() {
        long draft = fixtures.draftRelease(Users.ALICE, "Draft", changesetBy(Users.ALICE)).id();
        PageSession.signIn(Users.LEAH)
                .get("/releases/" + draft)
                .then()
                .statusCode(200)
                .body(org.hamcrest.Matchers.not(containsString("environments-title")));
        given().header("Authorization", Users.PAULA.bearer())
                .get("/api/v1/releases/" + draft + "/deployments")
                .then()
                .statusCode(200)
                .body("status", contains("not started", "not started"))
                .body("[1].blockers[0]", equalTo("staging is not validated (not started)"));
    }

    @Test
    void thePolicyPageShowsEachEnvironmentsRules() {
        PageSession.signIn(Users.PAULA)
                .get("/policy")
                .then()
                .statusCode(200)
                .body(containsString("Environments and promotion"))
                .body(containsString("<tr><th scope=\"row\">production</th><td>5 %, 25 %, 100 %</td><td>1 hour</td>"
                        + "<td>1 (engineering leader or maintainer)</td><td>smoke-tests, error-rate</td></tr>"))
                .body(containsString("<tr><th scope=\"row\">staging</th><td>100 %</td><td>none</td><td>none</td>"));
    }
}

package dev.greenlight.release;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

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
 * Nobody attests to their own release (release.SegregationOfDuties): a person who created it or wrote one of its
 * changesets may not report its gates, its post-release checks or its deployment, whatever their roles. CI, the machine
 * client, reports what the pipeline measured and stays allowed, as does anyone uninvolved.
 */
@QuarkusTest
class SelfAttestationTest {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    @Inject
    Fixtures fixtures;

    @BeforeEach
    void workspace() {
        fixtures.neuronxWorkspace();
    }

    private String changeset(Users author, String pkg) {
        String id = "self-attest-" + COUNTER.incrementAndGet();
        fixtures.changeset(author, id, "\"@neuronx/" + pkg + "\": patch", "Change " + id);
        return id;
    }

    private static ValidatableResponse post(Users who, String path, Object body) {
        return given().header("Authorization", who.bearer())
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1" + path)
                .then();
    }

    /** Where the gate ("CRITICAL_VULNERABILITIES") of the release stands, as the API says. */
    private static ValidatableResponse gate(long release, String gate) {
        return given().header("Authorization", Users.ALICE.bearer())
                .get("/api/v1/releases/" + release + "/gates")
                .then()
                .statusCode(200)
                .rootPath("find { it.gate == '" + gate + "' }");
    }

    @Test
    void theCreatorOfAReleaseDoesNotReportItsGates() {
        // Tom is an author and on the security team, which reports the critical-vulnerabilities gate
        long release = fixtures.submittedRelease(Users.TOM, "Tom's release", changeset(Users.ALICE, "core")).id();
        // Max is a maintainer, and maintainers may create releases too
        long maxs = fixtures.submittedRelease(Users.MAX, "Max's release", changeset(Users.ALICE, "sdk")).id();

        post(Users.TOM, "/releases/" + release + "/gates/critical-vulnerabilities", Map.of("value", 0))
                .statusCode(403)
                .body("detail", containsString("You created this release"));
        post(Users.MAX, "/releases/" + maxs + "/gates/coverage", Map.of("value", 99)).statusCode(403)
                .body("detail", containsString("You created this release"));
        gate(release, "CRITICAL_VULNERABILITIES").body("state", equalTo("MISSING")).body("recordedBy", nullValue());
        gate(maxs, "COVERAGE").body("state", equalTo("MISSING"));

        post(Users.SEAN, "/releases/" + release + "/gates/critical-vulnerabilities", Map.of("value", 0))
                .statusCode(201);
        post(Users.CI, "/releases/" + maxs + "/gates/coverage", Map.of("value", 99)).statusCode(201);
        gate(release, "CRITICAL_VULNERABILITIES").body("state", equalTo("PASSED")).body("recordedBy", equalTo("sean"));
        gate(maxs, "COVERAGE").body("state", equalTo("PASSED")).body("recordedBy", equalTo("ci"));
    }

    @Test
    void theAuthorOfAChangesetDoesNotReportTheGatesOfItsRelease() {
        long release = fixtures.submittedRelease(Users.ALICE, "Alice's release", changeset(Users.TOM, "core"),
                changeset(Users.ALICE, "cli")).id();
        String page = "/releases/" + release;
        PageSession tom = PageSession.signIn(Users.TOM);

        post(Users.TOM, page + "/gates/critical-vulnerabilities", Map.of("value", 0)).statusCode(403)
                .body("detail", containsString("You wrote a changeset in this release"));
        String html = tom.get(page).then().statusCode(200).extract().asString();
        assertThat(html).doesNotContain("Record a gate result").contains("You wrote a changeset in this release");
        tom.request()
                .contentType("multipart/form-data")
                .multiPart("csrf-token", tom.csrfToken(page))
                .multiPart("gate", "critical-vulnerabilities")
                .multiPart("value", "0")
                .post(page + "/gates")
                .then()
                .statusCode(403)
                .body(containsString("You wrote a changeset in this release"));

        gate(release, "CRITICAL_VULNERABILITIES").body("state", equalTo("MISSING"));
    }

    @Test
    void theCreatorOfAPublishedReleaseDoesNotReportItsChecksOrItsDeployment() {
        long release = fixtures.publishedRelease(Users.MAX, "Max's published release", changeset(Users.ALICE,
                "ui")).id();
        String page = "/releases/" + release;

        post(Users.MAX, page + "/checks/smoke-tests", Map.of("value", 0)).statusCode(403)
                .body("detail", containsString("You created this release"));
        post(Users.MAX, page + "/deployment", Map.of("deployedAt", "2030-01-01T10:00:00Z")).statusCode(403)
                .body("detail", containsString("You created this release"));
        String html = PageSession.signIn(Users.MAX).get(page).then().statusCode(200).extract().asString();
        assertThat(html).doesNotContain("Record a post-release check");
        given().header("Authorization", Users.ALICE.bearer())
                .get("/api/v1" + page + "/checks")
                .then()
                .statusCode(200)
                .rootPath("find { it.check == 'SMOKE_TESTS' }")
                .body("state", equalTo("MISSING"));
        given().header("Authorization", Users.ALICE.bearer())
                .get("/api/v1" + page)
                .then()
                .statusCode(200)
                .body("release.deployedAt", nullValue());

        post(Users.CI, page + "/checks/smoke-tests", Map.of("value", 0)).statusCode(201);
        post(Users.CI, page + "/deployment", Map.of("deployedAt", "2030-01-01T10:00:00Z")).statusCode(200);
    }
}

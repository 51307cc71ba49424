package dev.greenlight.emergency;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

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

/** "Manual Releases: Override": one admin asks, a second admin or a leader approves, with an incident report. */
@QuarkusTest
class OverridesApiTest {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    @Inject
    Fixtures fixtures;

    private long release;

    @BeforeEach
    void releaseInReview() {
        fixtures.neuronxWorkspace();
        String id = "override-" + COUNTER.incrementAndGet();
        fixtures.changeset(Users.ALICE, id, "\"@neuronx/api\": patch", "Hotfix " + id);
        release = fixtures.submittedRelease(Users.ALICE, "Hotfix " + id, id).id();
    }

    private static ValidatableResponse post(Users who, String path, Object body) {
        return given().header("Authorization", who.bearer())
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1" + path)
                .then();
    }

    private Map<String, Object> override(String report) {
        Map<String, Object> incident = report == null
                ? Map.of("title", "Payments failing", "severity", "SEV1")
                : Map.of("title", "Payments failing", "severity", "SEV1", "report", report);
        return Map.of("releaseId", release, "reason", "Payments down; the fix cannot wait for reviews", "incident",
                incident);
    }

    private static String releaseState(long release) {
        return given().header("Authorization", Users.CAROL.bearer())
                .get("/api/v1/releases/" + release)
                .then()
                .statusCode(200)
                .extract()
                .path("release.state");
    }

    @Test
    void onlyAnAdminAsksAndOnlyWithAnIncidentReport() {
        post(Users.MAX, "/overrides", override("report")).statusCode(403);
        post(Users.LEAH, "/overrides", override("report")).statusCode(403);
        post(Users.ADA, "/overrides", override(null)).statusCode(400)
                .body("errors.field", hasItem("incidentReport"));
    }

    @Test
    void theAskingAdminCannotApproveTheirOwnOverride() {
        long id = post(Users.ADA, "/overrides", override("Card processor rejected every call")).statusCode(201)
                .body("state", equalTo("REQUESTED"))
                .extract()
                .jsonPath()
                .getLong("id");
        post(Users.ADA, "/overrides/" + id + "/approve", Map.of()).statusCode(403)
                .body("detail", containsString("a second admin or an engineering leader"));
        post(Users.MAX, "/overrides/" + id + "/approve", Map.of()).statusCode(403);
        post(Users.SEAN, "/overrides/" + id + "/approve", Map.of()).statusCode(403);
        assertThat(releaseState(release)).isEqualTo("IN_REVIEW");
    }

    @Test
    void aSecondAdminApprovesAndEverythingUnmetIsWaivedOnTheRecord() {
        long id = post(Users.ADA, "/overrides", override("Card processor rejected every call")).statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        post(Users.ADRIAN, "/overrides/" + id + "/approve", Map.of("reason", "Agreed on the incident call"))
                .statusCode(200)
                .body("state", equalTo("APPROVED"))
                .body("decidedBy", equalTo("adrian"))
                .body("waived.requirement", hasItems("gate:tests", "gate:coverage", "slot:code", "slot:security",
                        "slot:product"));
        assertThat(releaseState(release)).isEqualTo("APPROVED");
        given().header("Authorization", Users.CAROL.bearer())
                .get("/api/v1/releases/" + release + "/history")
                .then()
                .statusCode(200)
                .body("action", hasItems("override.requested", "override.approved", "waiver.granted",
                        "release.approved"));
        post(Users.MAX, "/releases/" + release + "/publish", Map.of()).statusCode(200);
    }

    @Test
    void onThePagesAnAdminAsksAndASecondAdminApproves() {
        PageSession ada = PageSession.signIn(Users.ADA);
        ada.get("/releases/" + release).then().statusCode(200).body(containsString("Ask for an override"));
        String form = "/overrides/new?release=" + release;
        ada.submit(form, "/overrides", Map.of("release", release, "reason", "Payments down", "incidentTitle",
                "Payments failing", "incidentSeverity", "SEV1", "incidentReport", ""))
                .then()
                .statusCode(400)
                .body(containsString("incidentReport"))
                .body(containsString("<p id=\"incidentReport-error\" class=\"field-error\">an override needs an"
                        + " incident report</p>"))
                .body(containsString("aria-invalid=\"true\""))
                .body(containsString("Payments down"));
        String location = ada.submit(form, "/overrides", Map.of("release", release, "reason", "Payments down",
                "incidentTitle", "Payments failing", "incidentSeverity", "SEV1", "incidentReport",
                "Card processor rejected every call")).then().statusCode(303).extract().header("Location");
        String overridePage = java.net.URI.create(location).getPath();
        ada.get(overridePage).then().statusCode(200).body(containsString("You asked for this override"));
        PageSession adrian = PageSession.signIn(Users.ADRIAN);
        adrian.submit(overridePage, overridePage + "/decision", Map.of("decision", "approve", "reason", "Agreed"))
                .then()
                .statusCode(303);
        adrian.get("/releases/" + release)
                .then()
                .statusCode(200)
                .body(containsString("Override #"))
                .body(containsString("approved by adrian"));
        assertThat(releaseState(release)).isEqualTo("APPROVED");
    }

    @Test
    void aLeaderMayBeTheSecondPersonAndMayDeny() {
        long id = post(Users.ADA, "/overrides", override("Card processor rejected every call")).statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        post(Users.LEAH, "/overrides/" + id + "/deny", Map.of()).statusCode(400);
        post(Users.LEAH, "/overrides/" + id + "/deny", Map.of("reason", "Use the emergency path")).statusCode(200)
                .body("state", equalTo("DENIED"));
        post(Users.LARS, "/overrides/" + id + "/approve", Map.of()).statusCode(409);
        assertThat(releaseState(release)).isEqualTo("IN_REVIEW");
    }
}

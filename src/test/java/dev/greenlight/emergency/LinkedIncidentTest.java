package dev.greenlight.emergency;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
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
 * An emergency or an override may name an existing incident: that links it, and changes its report only for those who
 * may edit that incident (its reporter, the security or product team, leaders, maintainers, admins). Sean's incident is
 * not a security one, which only some may see at all (LinkedSecurityIncidentTest).
 */
@QuarkusTest
class LinkedIncidentTest {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final String SEANS_REPORT = "Sean's findings: the token cache leaked across tenants.";

    @Inject
    Fixtures fixtures;

    private String changeset;
    private long incident;

    @BeforeEach
    void seansIncident() {
        fixtures.neuronxWorkspace();
        changeset = "linked-" + COUNTER.incrementAndGet();
        fixtures.changeset(Users.ALICE, changeset, "\"@neuronx/core\": patch", "Fix " + changeset);
        incident = given().header("Authorization", Users.SEAN.bearer())
                .contentType(ContentType.JSON)
                .body(Map.of("title", "Tenant data leak", "severity", "SEV1", "status", "OPEN", "security", false,
                        "report", SEANS_REPORT))
                .post("/api/v1/incidents")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
    }

    private static ValidatableResponse post(Users who, String path, Object body) {
        return given().header("Authorization", who.bearer())
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1" + path)
                .then();
    }

    private Map<String, Object> request(Map<String, Object> incidentRef) {
        return Map.of("title", "Hotfix " + changeset, "changesets", List.of(changeset), "criterion",
                "security-vulnerability", "justification", "Tenants see each other's data", "affectedServices",
                "core", "risk", "Low", "incident", incidentRef);
    }

    private String incidentReport() {
        return given().header("Authorization", Users.SEAN.bearer())
                .get("/api/v1/incidents/" + incident)
                .then()
                .statusCode(200)
                .extract()
                .path("report");
    }

    private static long pendingChangesets() {
        return given().header("Authorization", Users.ALICE.bearer())
                .get("/api/v1/changesets")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("id")
                .size();
    }

    @Test
    void anAuthorWhoMayNotEditTheIncidentCannotOverwriteItsReportThroughAnEmergency() {
        long pending = pendingChangesets();
        post(Users.ALICE, "/emergencies", request(Map.of("id", incident, "report", "Nothing to see here.")))
                .statusCode(403)
                .body("detail", containsString("incident " + incident));
        assertThat(incidentReport()).isEqualTo(SEANS_REPORT);
        assertThat(pendingChangesets()).as("no release was created").isEqualTo(pending);
        given().header("Authorization", Users.SEAN.bearer())
                .get("/api/v1/incidents/" + incident)
                .then()
                .statusCode(200)
                .body("affectedReleases.size()", equalTo(0));
    }

    @Test
    void linkingAnIncidentIsNotEditingIt() {
        long id = post(Users.ALICE, "/emergencies", request(Map.of("id", incident))).statusCode(201)
                .body("incident.id", equalTo((int) incident))
                .body("incident.report", equalTo(SEANS_REPORT))
                .extract()
                .jsonPath()
                .getLong("releaseId");
        given().header("Authorization", Users.SEAN.bearer())
                .get("/api/v1/incidents/" + incident)
                .then()
                .statusCode(200)
                .body("affectedReleases", hasItem((int) id))
                .body("report", equalTo(SEANS_REPORT));
    }

    @Test
    void theRequesterMayNotRewriteTheReportOfALinkedIncidentTheyMayNotEdit() {
        long id = post(Users.ALICE, "/emergencies", request(Map.of("id", incident))).statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        given().header("Authorization", Users.ALICE.bearer())
                .contentType(ContentType.JSON)
                .body(Map.of("report", "Nothing to see here."))
                .put("/api/v1/emergencies/" + id + "/incident-report")
                .then()
                .statusCode(403)
                .body("detail", containsString("incident " + incident));
        assertThat(incidentReport()).isEqualTo(SEANS_REPORT);
        // the security team may edit it, through the emergency too
        given().header("Authorization", Users.PETE.bearer())
                .contentType(ContentType.JSON)
                .body(Map.of("report", SEANS_REPORT + " Fixed in 1.4.2."))
                .put("/api/v1/emergencies/" + id + "/incident-report")
                .then()
                .statusCode(200);
        assertThat(incidentReport()).isEqualTo(SEANS_REPORT + " Fixed in 1.4.2.");
    }

    @Test
    void theReporterOfTheirOwnIncidentStillWritesItsReportThroughTheEmergency() {
        long own = given().header("Authorization", Users.ALICE.bearer())
                .contentType(ContentType.JSON)
                .body(Map.of("title", "API down", "severity", "SEV2", "status", "OPEN", "security", false))
                .post("/api/v1/incidents")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        post(Users.ALICE, "/emergencies", request(Map.of("id", own, "report", "Root cause: expired certificate")))
                .statusCode(201)
                .body("incident.report", equalTo("Root cause: expired certificate"));
    }

    @Test
    void onTheRequestPageTheReportOfAnotherOnesIncidentIsNotOverwritten() {
        PageSession alice = PageSession.signIn(Users.ALICE);
        long pending = pendingChangesets();
        alice.submit("/emergencies/new", "/emergencies", Map.of("title", "Hotfix", "changeset", changeset,
                "criterion", "security-vulnerability", "justification", "Tenants see each other's data",
                "affectedServices", "core", "risk", "Low", "incidentId", incident, "incidentReport",
                "Nothing to see here."))
                .then()
                .statusCode(403)
                .body(containsString("incident " + incident))
                .body(not(containsString("Nothing to see here.")));
        assertThat(incidentReport()).isEqualTo(SEANS_REPORT);
        assertThat(pendingChangesets()).as("no release was created").isEqualTo(pending);
    }

    @Test
    void onTheEmergencyPageTheRequesterIsNotOfferedTheReportOfALinkedIncidentTheyMayNotEdit() {
        long id = post(Users.ALICE, "/emergencies", request(Map.of("id", incident))).statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        PageSession alice = PageSession.signIn(Users.ALICE);
        String page = "/emergencies/" + id;
        alice.get(page).then().statusCode(200).body(not(containsString("Save incident report")));
        alice.submit(page, page + "/incident-report", Map.of("report", "Nothing to see here."))
                .then()
                .statusCode(403);
        assertThat(incidentReport()).isEqualTo(SEANS_REPORT);
    }
}

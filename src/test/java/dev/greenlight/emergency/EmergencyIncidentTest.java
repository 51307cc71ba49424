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

import dev.greenlight.testsupport.Fixtures;
import dev.greenlight.testsupport.PageSession;
import dev.greenlight.testsupport.Users;

/**
 * The incident the emergency path files for a request: a security incident when the emergency's criterion is a
 * security vulnerability, seen only by those who may see security incidents and the people named on it (its reporter,
 * the requester); an ordinary one for any other criterion. Overrides have no criterion and file ordinary incidents.
 */
@QuarkusTest
class EmergencyIncidentTest {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    @Inject
    Fixtures fixtures;

    private String changeset;
    private String title;

    @BeforeEach
    void pendingChangeset() {
        fixtures.neuronxWorkspace();
        int n = COUNTER.incrementAndGet();
        changeset = "emergency-incident-" + n;
        title = "Incident of emergency " + n;
        fixtures.changeset(Users.ALICE, changeset, "\"@neuronx/core\": patch", "Fix " + changeset);
    }

    /** Alice's emergency for the criterion, filing a new incident; returns that incident's id. */
    private long incidentOfEmergency(String criterion) {
        return given().header("Authorization", Users.ALICE.bearer())
                .contentType(ContentType.JSON)
                .body(Map.of("title", "Hotfix " + changeset, "changesets", List.of(changeset), "criterion",
                        criterion, "justification", "Needed now", "affectedServices", "core", "risk", "Low",
                        "incident", Map.of("title", title, "severity", "SEV1", "report", "What we know so far")))
                .post("/api/v1/emergencies")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("incident.id");
    }

    private static int apiStatus(Users who, long incident) {
        return given().header("Authorization", who.bearer())
                .get("/api/v1/incidents/" + incident)
                .then()
                .extract()
                .statusCode();
    }

    @Test
    void anEmergencyForASecurityVulnerabilityFilesASecurityIncident() {
        long incident = incidentOfEmergency("security-vulnerability");

        given().header("Authorization", Users.SAM.bearer())
                .get("/api/v1/incidents/" + incident)
                .then()
                .statusCode(200)
                .body("security", equalTo(true))
                .body("createdBy", equalTo("alice"));
        assertThat(apiStatus(Users.ALICE, incident)).as("its reporter")
                .isEqualTo(200);
        assertThat(apiStatus(Users.CAROL, incident)).as("a code reviewer")
                .isEqualTo(404);
        PageSession.signIn(Users.CAROL).get("/incidents/" + incident).then().statusCode(404);
        PageSession.signIn(Users.CAROL)
                .get("/incidents")
                .then()
                .statusCode(200)
                .body(not(containsString(title)));
        PageSession.signIn(Users.SAM)
                .get("/incidents/" + incident)
                .then()
                .statusCode(200)
                .body(containsString(title));
    }

    @Test
    void anEmergencyForAnOutageFilesAnOrdinaryIncident() {
        long incident = incidentOfEmergency("service-outage");

        given().header("Authorization", Users.CAROL.bearer())
                .get("/api/v1/incidents/" + incident)
                .then()
                .statusCode(200)
                .body("security", equalTo(false))
                .body("title", equalTo(title));
        PageSession.signIn(Users.CAROL)
                .get("/incidents/" + incident)
                .then()
                .statusCode(200)
                .body(containsString(title));
    }
}

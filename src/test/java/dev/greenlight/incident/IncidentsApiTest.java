package dev.greenlight.incident;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import java.util.HashMap;
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
import dev.greenlight.testsupport.Users;

@QuarkusTest
class IncidentsApiTest {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    @Inject
    Fixtures fixtures;

    private long release;

    @BeforeEach
    void release() {
        fixtures.neuronxWorkspace();
        String changeset = "incident-" + COUNTER.incrementAndGet();
        fixtures.changeset(Users.ALICE, changeset, "\"@neuronx/core\": patch", "Fix " + changeset);
        release = fixtures.draftRelease(Users.ALICE, "Release " + changeset, changeset).id();
    }

    static ValidatableResponse send(Users who, String method, String path, Object body) {
        return given().header("Authorization", who.bearer())
                .contentType(ContentType.JSON)
                .body(body)
                .request(method, "/api/v1" + path)
                .then();
    }

    static Map<String, Object> incident(String title, Object... more) {
        Map<String, Object> body = new HashMap<>(Map.of("title", title, "severity", "SEV2", "status", "OPEN",
                "security", false, "impact", "Checkout failed for 5 % of users", "startedAt", "2026-03-01T09:00:00Z",
                "affectedServices", List.of("checkout", "api")));
        for (int i = 0; i < more.length; i += 2) {
            body.put((String) more[i], more[i + 1]);
        }
        return body;
    }

    static long filed(Users who, Map<String, Object> body) {
        return send(who, "POST", "/incidents", body).statusCode(201).extract().jsonPath().getLong("id");
    }

    @Test
    void anAuthorFilesAnIncidentForAReleaseWithEverythingIssueFiveAsks() {
        long id = filed(Users.ALICE, incident("Checkout errors", "releaseIds", List.of(release), "security", true,
                "status", "resolved", "resolvedAt", "2026-03-01T11:30:00Z", "report", "**Rolled back**"));
        // a security incident: the security reviewers see it (ReadAccessTest: a code reviewer does not)
        given().header("Authorization", Users.SAM.bearer())
                .get("/api/v1/incidents/" + id)
                .then()
                .statusCode(200)
                .body("title", equalTo("Checkout errors"))
                .body("severity", equalTo("SEV2"))
                .body("status", equalTo("RESOLVED"))
                .body("impact", equalTo("Checkout failed for 5 % of users"))
                .body("startedAt", equalTo("2026-03-01T09:00:00Z"))
                .body("resolvedAt", equalTo("2026-03-01T11:30:00Z"))
                .body("security", equalTo(true))
                .body("affectedServices", equalTo(List.of("checkout", "api")))
                .body("affectedReleases", equalTo(List.of((int) release)))
                .body("report", equalTo("**Rolled back**"))
                .body("createdBy", equalTo("alice"));
    }

    /**
     * Status and security are decisions: a PUT or POST that leaves one out is refused, never read as OPEN (reopening a
     * resolved incident) or as not a security incident (showing it to everyone).
     */
    @Test
    void anIncidentWithoutItsStatusOrSecurityIsA400NamingThemAndNothingChanges() {
        long id = filed(Users.SEAN, incident("Resolved leak", "status", "RESOLVED", "resolvedAt",
                "2026-03-01T11:00:00Z", "security", true));
        Map<String, Object> noStatus = incident("Reopened leak", "security", true, "version", 0);
        noStatus.remove("status");
        Map<String, Object> noSecurity = incident("Public leak", "status", "RESOLVED", "resolvedAt",
                "2026-03-01T11:00:00Z", "version", 0);
        noSecurity.remove("security");

        send(Users.SEAN, "PUT", "/incidents/" + id, noStatus).statusCode(400)
                .body("errors.field", hasItem("status"))
                .body("errors.message", hasItem(containsString("OPEN, MITIGATED, RESOLVED")));
        send(Users.SEAN, "PUT", "/incidents/" + id, noSecurity).statusCode(400)
                .body("errors.field", hasItem("security"));
        send(Users.SEAN, "POST", "/incidents", noStatus).statusCode(400)
                .body("errors.field", hasItem("status"));
        send(Users.SEAN, "POST", "/incidents", noSecurity).statusCode(400)
                .body("errors.field", hasItem("security"));

        given().header("Authorization", Users.SEAN.bearer())
                .get("/api/v1/incidents/" + id)
                .then()
                .statusCode(200)
                .body("title", equalTo("Resolved leak"))
                .body("status", equalTo("RESOLVED"))
                .body("security", equalTo(true));
        given().header("Authorization", Users.SEAN.bearer())
                .get("/api/v1/incidents?size=100")
                .then()
                .statusCode(200)
                .body("items.title", not(hasItem("Reopened leak")))
                .body("items.title", not(hasItem("Public leak")));
    }

    @Test
    void anEndBeforeTheStartIsRefusedWithTheField() {
        send(Users.SEAN, "POST", "/incidents", incident("Backwards", "resolvedAt", "2026-03-01T08:00:00Z"))
                .statusCode(400)
                .body("errors.field", hasItem("resolvedAt"));
    }

    @Test
    void unknownReleasesSeveritiesAndBlankTitlesAreRefused() {
        send(Users.ALICE, "POST", "/incidents", incident("", "severity", "SEV9", "releaseIds", List.of(999999)))
                .statusCode(400)
                .body("errors.field", hasItem("title"))
                .body("errors.field", hasItem("severity"))
                .body("errors.message", hasItem("there is no release 999999"));
    }

    @Test
    void reviewersAndCiMayNotFileIncidents() {
        send(Users.CAROL, "POST", "/incidents", incident("Not mine")).statusCode(403);
        send(Users.CI, "POST", "/incidents", incident("Not mine")).statusCode(403);
    }

    @Test
    void theReporterAndTheTeamsEditOtherAuthorsMayNot() {
        long id = filed(Users.ALICE, incident("Slow search"));
        send(Users.BOB, "PUT", "/incidents/" + id, incident("Slow search (bob)")).statusCode(403)
                .body("detail", containsString("reporter (alice)"));
        int version = send(Users.ALICE, "PUT", "/incidents/" + id,
                incident("Slow search", "status", "MITIGATED", "version", 0))
                .statusCode(200)
                .body("status", equalTo("MITIGATED"))
                .extract()
                .path("version");
        send(Users.PETE, "PUT", "/incidents/" + id, incident("Slow search in eu", "version", version)).statusCode(200)
                .body("title", equalTo("Slow search in eu"));
    }

    @Test
    void twoEditorsAtOnceTheSecondGetsAClear409() {
        long id = filed(Users.ALICE, incident("Cache stampede"));
        send(Users.ALICE, "PUT", "/incidents/" + id, incident("Cache stampede", "impact", "mine", "version", 0))
                .statusCode(200);
        send(Users.SEAN, "PUT", "/incidents/" + id, incident("Cache stampede", "impact", "theirs", "version", 0))
                .statusCode(409)
                .body("detail", containsString("changed by someone else"));
    }

    @Test
    void theListFiltersAndPagesInSql() {
        filed(Users.ALICE, incident("Filter A", "severity", "SEV1", "security", true));
        filed(Users.ALICE, incident("Filter B", "severity", "SEV1"));
        filed(Users.ALICE, incident("Filter C", "severity", "SEV4"));
        // Filter A is a security incident: an engineering leader sees every incident (ReadAccessTest: CI does not)
        given().header("Authorization", Users.LEAH.bearer())
                .get("/api/v1/incidents?severity=SEV1&size=1")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("total", equalTo(2))
                .body("items[0].title", equalTo("Filter B"));
        given().header("Authorization", Users.LEAH.bearer())
                .get("/api/v1/incidents?severity=SEV1&security=true")
                .then()
                .statusCode(200)
                .body("items.title", equalTo(List.of("Filter A")));
        given().header("Authorization", Users.CI.bearer())
                .get("/api/v1/incidents?status=bogus")
                .then()
                .statusCode(400);
    }

    @Test
    void unknownIncidentsAre404() {
        given().header("Authorization", Users.ALICE.bearer()).get("/api/v1/incidents/999999").then().statusCode(404);
    }
}

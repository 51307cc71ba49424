package dev.greenlight.incident;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
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

import dev.greenlight.release.ReleaseView;
import dev.greenlight.testsupport.Fixtures;
import dev.greenlight.testsupport.PageSession;
import dev.greenlight.testsupport.Users;

/**
 * A security incident linked to an emergency, an override or a rollback is shown there only to those who may see the
 * incident itself ({@link IncidentVisibility}): everyone else sees that a security incident they cannot see is linked,
 * never its number, title or report, on the pages, the API and in the evidence bundle. Nobody links one they cannot
 * see, and nobody changes the report of one they cannot see.
 */
@QuarkusTest
class LinkedSecurityIncidentTest {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final String HIDDEN = "a security incident you cannot see";
    private static final String REPORT = "Session tokens were cached per host, not per tenant.";

    @Inject
    Fixtures fixtures;

    private String title;

    @BeforeEach
    void workspace() {
        fixtures.neuronxWorkspace();
        title = "Token cache leak " + COUNTER.incrementAndGet();
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

    private static String page(Users who, String path) {
        return PageSession.signIn(who).get(path).then().statusCode(200).extract().asString();
    }

    /** A security incident filed by {@code reporter}, without a report unless one is given. */
    private long securityIncident(Users reporter, String report) {
        Map<String, Object> body = report == null
                ? Map.of("title", title, "severity", "SEV1", "status", "OPEN", "security", true)
                : Map.of("title", title, "severity", "SEV1", "status", "OPEN", "security", true, "report", report);
        return post(reporter, "/incidents", body).statusCode(201).extract().jsonPath().getLong("id");
    }

    private String changeset(Users author) {
        String id = "linked-security-" + COUNTER.incrementAndGet();
        fixtures.changeset(author, id, "\"@neuronx/core\": patch", "Fix " + id);
        return id;
    }

    private static Map<String, Object> emergency(String changeset, Map<String, Object> incident) {
        return Map.of("title", "Hotfix " + changeset, "changesets", List.of(changeset), "criterion",
                "security-vulnerability", "justification", "Tenants see each other's sessions", "affectedServices",
                "core", "risk", "Low", "incident", incident);
    }

    private static String reportOf(long incident) {
        return given().header("Authorization", Users.SEAN.bearer())
                .get("/api/v1/incidents/" + incident)
                .then()
                .statusCode(200)
                .extract()
                .path("report");
    }

    @Test
    void anEmergencyShowsItsSecurityIncidentOnlyToThoseWhoMaySeeIt() {
        long incident = securityIncident(Users.SEAN, null);
        // Tom is an author and on the security team: he sees the incident and may name it
        var created = post(Users.TOM, "/emergencies", emergency(changeset(Users.ALICE), Map.of("id", incident)))
                .statusCode(201)
                .extract()
                .jsonPath();
        long id = created.getLong("id");
        long release = created.getLong("releaseId");

        given().header("Authorization", Users.ALICE.bearer())
                .get("/api/v1/emergencies/" + id)
                .then()
                .statusCode(200)
                .body("incident.hidden", equalTo(true))
                .body("incident.id", nullValue())
                .body("incident.title", nullValue());
        assertThat(get(Users.ALICE, "/emergencies")).doesNotContain(title);
        assertThat(get(Users.ALICE, "/releases/" + release)).doesNotContain(title);
        String alicesPage = page(Users.ALICE, "/emergencies/" + id);
        assertThat(alicesPage).contains(HIDDEN).doesNotContain(title).doesNotContain("/incidents/" + incident);
        assertThat(page(Users.ALICE, "/releases/" + release)).doesNotContain(title);
        given().header("Authorization", Users.SAM.bearer())
                .get("/api/v1/emergencies/" + id)
                .then()
                .statusCode(200)
                .body("incident.hidden", equalTo(false))
                .body("incident.id", equalTo((int) incident))
                .body("incident.title", equalTo(title));
        assertThat(page(Users.SAM, "/emergencies/" + id)).contains(title).doesNotContain(HIDDEN);
        // what holds the release back is one text for every reader: it names no security incident
        assertThat(page(Users.SAM, "/releases/" + release)).contains("the incident report of its security incident");
    }

    @Test
    void theReportOfASecurityIncidentIsWrittenAndReadThroughAnEmergencyOnlyByThoseWhoMaySeeIt() {
        long incident = securityIncident(Users.SEAN, null);
        long id = post(Users.TOM, "/emergencies", emergency(changeset(Users.ALICE), Map.of("id", incident)))
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        String emergencyPage = "/emergencies/" + id;

        // Max and Pete may edit incidents, but not one they cannot see
        for (Users editor : List.of(Users.MAX, Users.PETE)) {
            given().header("Authorization", editor.bearer())
                    .contentType(ContentType.JSON)
                    .body(Map.of("report", "Nothing to see here."))
                    .put("/api/v1/emergencies/" + id + "/incident-report")
                    .then()
                    .statusCode(403)
                    .body("detail", containsString(HIDDEN))
                    .body("detail", not(containsString(title)));
            assertThat(page(editor, emergencyPage)).doesNotContain("Save incident report");
        }
        PageSession max = PageSession.signIn(Users.MAX);
        max.submit(emergencyPage, emergencyPage + "/incident-report", Map.of("report", "Nothing to see here."))
                .then()
                .statusCode(403);
        assertThat(reportOf(incident)).isNull();

        given().header("Authorization", Users.SEAN.bearer())
                .contentType(ContentType.JSON)
                .body(Map.of("report", REPORT))
                .put("/api/v1/emergencies/" + id + "/incident-report")
                .then()
                .statusCode(200)
                .body("incident.report", equalTo(REPORT));

        assertThat(get(Users.MAX, "/emergencies/" + id)).doesNotContain(REPORT).doesNotContain(title);
        assertThat(page(Users.MAX, emergencyPage)).doesNotContain(REPORT).doesNotContain(title);
        assertThat(get(Users.LEAH, "/emergencies/" + id)).contains(REPORT);
    }

    @Test
    void nobodyNamesASecurityIncidentTheyCannotSee() {
        long incident = securityIncident(Users.SEAN, REPORT);
        String changeset = changeset(Users.ALICE);
        ReleaseView inReview = fixtures.submittedRelease(Users.BOB, "Override target", changeset(Users.BOB));
        fixtures.changeset(Users.ALICE, "hidden-cli-before-" + incident, "\"@neuronx/cli\": patch", "CLI before");
        fixtures.changeset(Users.ALICE, "hidden-cli-after-" + incident, "\"@neuronx/cli\": minor", "CLI after");
        fixtures.publishedRelease(Users.ALICE, "CLI before", "hidden-cli-before-" + incident);
        ReleaseView published = fixtures.publishedRelease(Users.ALICE, "CLI after", "hidden-cli-after-" + incident);
        String noSuchIncident = "there is no incident " + incident;

        post(Users.ALICE, "/emergencies", emergency(changeset, Map.of("id", incident))).statusCode(400)
                .body("errors[0].field", equalTo("incidentId"))
                .body("errors[0].message", equalTo(noSuchIncident));
        post(Users.ADA, "/overrides", Map.of("releaseId", inReview.id(), "reason", "Payments down", "incident",
                Map.of("id", incident, "report", "Nothing to see here.")))
                .statusCode(400)
                .body("errors[0].message", equalTo(noSuchIncident));
        post(Users.MAX, "/releases/" + published.id() + "/rollbacks", Map.of("reason", "Broken login",
                "incidentId", incident))
                .statusCode(400)
                .body("errors[0].message", equalTo(noSuchIncident));

        assertThat(get(Users.ALICE, "/changesets")).as("no emergency release took the changeset").contains(changeset);
        assertThat(reportOf(incident)).isEqualTo(REPORT);
        assertThat(get(Users.MAX, "/releases/" + published.id() + "/rollbacks")).isEqualTo("[]");
    }

    @Test
    void anOverrideShowsItsSecurityIncidentOnlyToThoseWhoMaySeeIt() {
        // Ada filed it, so she sees it and may name it
        long incident = securityIncident(Users.ADA, null);
        ReleaseView release = fixtures.submittedRelease(Users.ALICE, "Override target", changeset(Users.ALICE));
        long id = post(Users.ADA, "/overrides", Map.of("releaseId", release.id(), "reason", "Sessions leak",
                "incident", Map.of("id", incident, "report", REPORT)))
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");

        given().header("Authorization", Users.ADRIAN.bearer())
                .get("/api/v1/overrides/" + id)
                .then()
                .statusCode(200)
                .body("incident.hidden", equalTo(true))
                .body("incident.title", nullValue())
                .body("incident.report", nullValue());
        assertThat(page(Users.ADRIAN, "/overrides/" + id)).contains(HIDDEN)
                .doesNotContain(title)
                .doesNotContain(REPORT);
        assertThat(page(Users.ADRIAN, "/emergencies")).doesNotContain(title);
        given().header("Authorization", Users.LEAH.bearer())
                .get("/api/v1/overrides/" + id)
                .then()
                .statusCode(200)
                .body("incident.title", equalTo(title))
                .body("incident.report", equalTo(REPORT));
        assertThat(page(Users.LEAH, "/overrides/" + id)).contains(title).contains(REPORT).doesNotContain(HIDDEN);
    }

    @Test
    void aRollbackShowsItsSecurityIncidentOnlyToThoseWhoMaySeeIt() {
        long incident = securityIncident(Users.SEAN, REPORT);
        String before = "rollback-cli-before-" + incident;
        String after = "rollback-cli-after-" + incident;
        fixtures.changeset(Users.ALICE, before, "\"@neuronx/cli\": patch", "CLI before");
        fixtures.changeset(Users.ALICE, after, "\"@neuronx/cli\": minor", "CLI after");
        fixtures.publishedRelease(Users.ALICE, "CLI before", before);
        ReleaseView release = fixtures.publishedRelease(Users.ALICE, "CLI after", after);
        String rollbacks = "/releases/" + release.id() + "/rollbacks";
        post(Users.LEAH, rollbacks, Map.of("reason", "Sessions leak", "incidentId", incident)).statusCode(201);

        given().header("Authorization", Users.MAX.bearer())
                .get("/api/v1" + rollbacks)
                .then()
                .statusCode(200)
                .body("[0].incidentId", nullValue())
                .body("[0].incident", equalTo(HIDDEN));
        assertThat(page(Users.MAX, "/releases/" + release.id())).contains(HIDDEN).doesNotContain(title);
        given().header("Authorization", Users.LEAH.bearer())
                .get("/api/v1" + rollbacks)
                .then()
                .statusCode(200)
                .body("[0].incidentId", equalTo((int) incident))
                .body("[0].incident", equalTo("SEV1 · " + title));
        assertThat(page(Users.LEAH, "/releases/" + release.id())).contains(title).doesNotContain(HIDDEN);
    }

    @Test
    void theEvidenceBundleShowsTheSecurityIncidentOnlyToThoseWhoMaySeeIt() throws IOException {
        long incident = securityIncident(Users.SEAN, REPORT);
        long release = post(Users.TOM, "/emergencies", emergency(changeset(Users.ALICE), Map.of("id", incident)))
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("releaseId");

        String alices = bundle(Users.ALICE, release);
        String sams = bundle(Users.SAM, release);

        assertThat(alices).contains(HIDDEN).doesNotContain(title).doesNotContain(REPORT);
        assertThat(sams).contains(title).contains(REPORT);
    }

    /** The bundle's text files (summary.html, release.json), concatenated. */
    private static String bundle(Users reader, long release) throws IOException {
        byte[] zip = given().header("Authorization", reader.bearer())
                .get("/api/v1/releases/" + release + "/evidence-bundle")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        StringBuilder text = new StringBuilder();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.getName().endsWith(".html") || entry.getName().endsWith(".json")) {
                    text.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        return text.toString();
    }
}

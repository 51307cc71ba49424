package dev.greenlight.incident;

import static dev.greenlight.incident.IncidentsApiTest.filed;
import static dev.greenlight.incident.IncidentsApiTest.incident;
import static dev.greenlight.incident.IncidentsApiTest.send;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

import dev.greenlight.common.Limits;
import dev.greenlight.testsupport.PageSession;
import dev.greenlight.testsupport.TestClock;
import dev.greenlight.testsupport.Users;

@QuarkusTest
class IncidentPagesTest {
    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void anAuthorFilesAnIncidentThroughTheFormAndARefusedFormComesBackAsTyped() {
        PageSession alice = PageSession.signIn(Users.ALICE);
        alice.submit("/incidents/new", "/incidents", Map.of("title", "Login loops", "severity", "SEV2", "status",
                "OPEN", "startedAt", "2026-03-01T10:00", "resolvedAt", "2026-03-01T09:00", "affectedServices",
                "auth, web", "security", "false"))
                .then()
                .statusCode(400)
                .body(containsString("resolvedAt"))
                .body(containsString("value=\"Login loops\""));
        String location = alice.submit("/incidents/new", "/incidents", Map.of("title", "Login loops", "severity",
                "SEV2", "status", "OPEN", "startedAt", "2026-03-01T10:00", "affectedServices", "auth, web", "report",
                "Users **loop** <script>alert(1)</script>", "security", "false"))
                .then()
                .statusCode(303)
                .extract()
                .header("Location");
        alice.get(path(location))
                .then()
                .statusCode(200)
                .body(containsString("Login loops"))
                .body(containsString("<strong>loop</strong>"))
                .body(containsString("&lt;script&gt;"))
                .body(not(containsString("<script>alert(1)")))
                .body(containsString("auth, web"));
    }

    /** The incident form as a browser sends it, with {@code security} as chosen (left out when null). */
    private static Map<String, String> incidentForm(String title, String security, String version) {
        Map<String, String> fields = new HashMap<>(Map.of("title", title, "severity", "SEV1", "status",
                "OPEN", "impact", "", "startedAt", "2026-03-01T10:00", "resolvedAt", "", "affectedServices", "auth",
                "releaseIds", "", "report", ""));
        if (security != null) {
            fields.put("security", security);
        }
        if (version != null) {
            fields.put("version", version);
        }
        return fields;
    }

    private static ValidatableResponse read(long incident) {
        return given().header("Authorization", Users.SEAN.bearer())
                .get("/api/v1/incidents/" + incident)
                .then()
                .statusCode(200);
    }

    @Test
    void anEditWithoutTheSecurityChoiceOrWithAnotherValueIsRefusedAndTheIncidentStaysASecurityOne() {
        String title = "Signing key leaked " + System.nanoTime();
        long incident = filed(Users.SEAN, incident(title, "security", true));
        String edit = "/incidents/" + incident + "/edit";
        PageSession sean = PageSession.signIn(Users.SEAN);

        sean.submit(edit, "/incidents/" + incident, incidentForm("Renamed", null, "0"))
                .then()
                .statusCode(400)
                .body(containsString("<strong>security</strong>: is missing"))
                .body(containsString("value=\"Renamed\""));
        sean.submit(edit, "/incidents/" + incident, incidentForm("Renamed", "on", "0"))
                .then()
                .statusCode(400)
                .body(containsString("<strong>security</strong>: choose Yes or No"))
                .body(containsString("value=\"Renamed\""));
        read(incident).body("security", equalTo(true)).body("title", equalTo(title)).body("version", equalTo(0));

        sean.submit(edit, "/incidents/" + incident, incidentForm("Renamed", "true", "0")).then().statusCode(303);
        read(incident).body("security", equalTo(true)).body("title", equalTo("Renamed"));
        sean.submit(edit, "/incidents/" + incident, incidentForm("Renamed", "false", "1")).then().statusCode(303);
        read(incident).body("security", equalTo(false));
    }

    /** A required Yes/No pair in a fieldset: none chosen on a new incident, the current answer on an edit. */
    @Test
    void theSecurityChoiceIsARequiredRadioPairWithALegend() {
        long incident = filed(Users.SEAN, incident("Classified " + System.nanoTime(), "security", true));
        PageSession sean = PageSession.signIn(Users.SEAN);
        sean.get("/incidents/new")
                .then()
                .statusCode(200)
                .body(containsString("<legend>Is this a security incident?</legend>"))
                .body(containsString("name=\"security\" value=\"false\" required>"))
                .body(containsString("name=\"security\" value=\"true\" required>"));
        sean.get("/incidents/" + incident + "/edit")
                .then()
                .statusCode(200)
                .body(containsString("name=\"security\" value=\"false\" required>"))
                .body(containsString("name=\"security\" value=\"true\" required checked>"));
    }

    @Test
    void aNewIncidentWithoutTheSecurityChoiceIsRefusedAndNothingIsFiled() {
        String title = "Unclassified " + System.nanoTime();
        PageSession sean = PageSession.signIn(Users.SEAN);

        sean.submit("/incidents/new", "/incidents", incidentForm(title, null, null))
                .then()
                .statusCode(400)
                .body(containsString("<strong>security</strong>: is missing"))
                .body(containsString("value=\"" + title + "\""))
                // beside the Yes/No pair, which the fieldset ties to it
                .body(containsString("<p id=\"security-error\" class=\"field-error\">is missing"))
                .body(containsString("aria-describedby=\"security-error security-help\""))
                .body(containsString("name=\"security\" value=\"true\" aria-invalid=\"true\" required>"));
        sean.submit("/incidents/new", "/incidents", incidentForm(title, "yes", null))
                .then()
                .statusCode(400)
                .body(containsString("<strong>security</strong>: choose Yes or No"));
        given().header("Authorization", Users.SEAN.bearer())
                .get("/api/v1/incidents?size=100")
                .then()
                .statusCode(200)
                .body("items.title", not(hasItem(title)));

        sean.submit("/incidents/new", "/incidents", incidentForm(title, "true", null)).then().statusCode(303);
        given().header("Authorization", Users.SEAN.bearer())
                .get("/api/v1/incidents?size=100&security=true")
                .then()
                .statusCode(200)
                .body("items.title", hasItem(title));
    }

    @Test
    void anEndBeforeTheStartIsShownBesideTheResolvedField() {
        Map<String, String> form = incidentForm("Ends before it starts " + System.nanoTime(), "false", null);
        form.put("resolvedAt", "2026-03-01T09:00");
        PageSession.signIn(Users.SEAN)
                .submit("/incidents/new", "/incidents", form)
                .then()
                .statusCode(400)
                .body(containsString("<p id=\"resolvedAt-error\" class=\"field-error\">must not be before the start"))
                .body(containsString(
                        "value=\"2026-03-01T09:00\" aria-invalid=\"true\" aria-describedby=\"resolvedAt-error\""))
                .body(not(containsString("id=\"startedAt-error\"")));
    }

    @Test
    void theListFiltersBySeverityAndReviewersSeeNoFileButton() {
        filed(Users.ALICE, incident("Pages SEV1", "severity", "SEV1"));
        filed(Users.ALICE, incident("Pages SEV4", "severity", "SEV4"));
        PageSession carol = PageSession.signIn(Users.CAROL);
        carol.get("/incidents?severity=SEV1")
                .then()
                .statusCode(200)
                .body(containsString("Pages SEV1"))
                .body(not(containsString("Pages SEV4")))
                .body(not(containsString("File an incident")));
        carol.get("/incidents/new").then().statusCode(403);
    }

    /** The editor's form as a browser sends it: every section, empty or not, and the version it loaded. */
    private static Map<String, String> sections(String summary, String rootCause, String version) {
        return Map.of("summary", summary, "impact", "", "rootCause", rootCause, "contributingFactors", "",
                "wentWell", "", "lessons", "", "version", version);
    }

    @Test
    void thePostMortemIsStartedWrittenAndAStaleSaveIsA409WithTheTypedText() {
        long incident = filed(Users.ALICE, incident("Editor"));
        PageSession alice = PageSession.signIn(Users.ALICE);
        String editor = alice.submit("/incidents/" + incident, "/incidents/" + incident + "/postmortem", Map.of())
                .then()
                .statusCode(303)
                .extract()
                .header("Location");
        String path = path(editor);
        String id = path.replaceAll("\\D+", " ").strip().split(" ")[0];
        alice.submit(path, "/postmortems/" + id, sections("Login looped", "A cookie path changed", "0"))
                .then()
                .statusCode(303);
        alice.submit(path, "/postmortems/" + id, sections("Mine, typed late", "x", "0"))
                .then()
                .statusCode(409)
                .body(containsString("changed by someone else"))
                .body(containsString("Mine, typed late"));
        alice.submit(path, "/postmortems/" + id + "/timeline", Map.of("occurredAt", "2026-03-01T10:05", "text",
                "Support reports loops"))
                .then()
                .statusCode(303);
        alice.get("/postmortems/" + id)
                .then()
                .statusCode(200)
                .body(containsString("A cookie path changed"))
                .body(containsString("Support reports loops"))
                .body(containsString("Send for review"))
                .body(not(containsString(">Sign off<")));
        PageSession.signIn(Users.LEAH)
                .get("/postmortems/" + id)
                .then()
                .statusCode(200)
                .body(not(containsString(">Sign off<")));
    }

    @Test
    void refusedSectionsTimelineEntriesAndActionItemsShowEachMessageBesideItsField() {
        long id = PostmortemsApiTest.started("Inline messages");
        String editor = "/postmortems/" + id + "/edit";
        PageSession alice = PageSession.signIn(Users.ALICE);
        alice.submit(editor, "/postmortems/" + id, sections("x".repeat(Limits.REPORT_CHARS + 1), "Cause", "0"))
                .then()
                .statusCode(400)
                .body(containsString("<p id=\"summary-error\" class=\"field-error\">"))
                .body(containsString("aria-invalid=\"true\" aria-describedby=\"summary-error\""))
                .body(containsString(">Cause</textarea>"));
        alice.submit(editor, "/postmortems/" + id + "/timeline", Map.of("occurredAt", "", "text", "Paged the team"))
                .then()
                .statusCode(400)
                .body(containsString("<p id=\"occurredAt-error\" class=\"field-error\">must not be blank</p>"))
                .body(containsString("aria-invalid=\"true\" aria-describedby=\"occurredAt-error\""))
                .body(containsString("value=\"Paged the team\""));
        alice.submit(editor, "/postmortems/" + id + "/action-items", Map.of("description", "Add a canary", "owner",
                "", "dueOn", "2026-04-01", "status", "OPEN"))
                .then()
                .statusCode(400)
                .body(containsString("<p id=\"owner-error\" class=\"field-error\">"))
                .body(containsString("aria-invalid=\"true\" aria-describedby=\"owner-error\""))
                .body(containsString("value=\"Add a canary\""));
        alice.submit(editor, "/postmortems/" + id + "/action-items", Map.of("description", "Add a canary", "owner",
                "alice", "dueOn", "2026-04-01", "status", "SOMEDAY"))
                .then()
                .statusCode(400)
                .body(containsString("<p id=\"itemStatus-error\" class=\"field-error\">"))
                .body(containsString("name=\"status\" aria-invalid=\"true\" aria-describedby=\"itemStatus-error\""));
    }

    @Test
    void aReviewerSendingItBackWithoutAReasonSeesTheMessageBesideTheReason() {
        long id = PostmortemsApiTest.written("Back to draft");
        send(Users.ALICE, "POST", "/postmortems/" + id + "/submit", Map.of()).statusCode(200);
        PageSession.signIn(Users.MAX)
                .submit("/postmortems/" + id, "/postmortems/" + id + "/request-changes", Map.of("reason", " "))
                .then()
                .statusCode(400)
                .body(containsString("<p id=\"reason-error\" class=\"field-error\">"))
                .body(containsString("aria-invalid=\"true\" aria-describedby=\"reason-error\""));
    }

    @Test
    void theEditorRemovesATimelineEntryAndAnActionItemWithTheirButtons() {
        long id = PostmortemsApiTest.started("Typos");
        long entry = PostmortemsApiTest.timelineEntry(id, "2026-03-01T09:05:00Z", "Rolled bakc");
        long item = PostmortemsApiTest.actionItem(id, "Canary for the wrong service");
        String editor = "/postmortems/" + id + "/edit";
        PageSession alice = PageSession.signIn(Users.ALICE);
        alice.get(editor)
                .then()
                .statusCode(200)
                .body(containsString("action=\"/postmortems/" + id + "/timeline/" + entry + "/remove\""))
                .body(containsString("aria-label=\"Remove the action item Canary for the wrong service\""));

        alice.submit(editor, "/postmortems/" + id + "/timeline/" + entry + "/remove", Map.of())
                .then()
                .statusCode(303);
        alice.submit(editor, "/postmortems/" + id + "/action-items/" + item + "/remove", Map.of())
                .then()
                .statusCode(303);

        alice.get(editor)
                .then()
                .statusCode(200)
                .body(not(containsString("Rolled bakc")))
                .body(not(containsString("Canary for the wrong service")))
                .body(containsString("No entries yet."))
                .body(containsString("No action items yet."));
    }

    @Test
    void theOverduePageListsOwnerDueAndHowLateAndHomeLinksToIt() {
        clock.set(Instant.parse("2026-06-01T08:00:00Z"));
        long incident = filed(Users.BOB, incident("Late one"));
        send(Users.BOB, "POST", "/incidents/" + incident + "/postmortem", Map.of()).statusCode(201);
        clock.set(Instant.parse("2026-06-02T10:30:00Z"));
        PageSession pete = PageSession.signIn(Users.PETE);
        pete.get("/postmortems/overdue")
                .then()
                .statusCode(200)
                .body(containsString("Late one"))
                .body(containsString("<td>bob</td>"))
                .body(containsString("2026-06-02 08:00 UTC"))
                .body(containsString("2 h 30 min"));
        pete.get("/").then().statusCode(200).body(containsString("href=\"/postmortems/overdue\""));
        clock.advance(Duration.ofDays(1));
        pete.get("/postmortems/overdue").then().statusCode(200).body(containsString("1 d 2 h"));
    }

    private static String path(String location) {
        return java.net.URI.create(location).getPath();
    }
}

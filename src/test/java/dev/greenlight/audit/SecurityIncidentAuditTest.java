package dev.greenlight.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import jakarta.inject.Inject;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import dev.greenlight.testsupport.Fixtures;
import dev.greenlight.testsupport.PageSession;
import dev.greenlight.testsupport.ResetDatabase;
import dev.greenlight.testsupport.Users;

import javax.sql.DataSource;

/**
 * A security incident's story, as the audit log tells it, is read in full only by those who may see the incident
 * (security roles, engineering leaders, the people named on it). Everyone else keeps every row, with its time, actor,
 * action, subject type and hashes, but not its payloads nor the incident's or post-mortem's number: in the audit search
 * (API and page), the exports (CSV and JSON, API and page), a release's history (API and page) and the evidence bundle
 * (summary.html and release.json). An ordinary incident stays readable by all.
 */
@QuarkusTest
class SecurityIncidentAuditTest {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final String WITHHELD = "withheld: concerns a security incident you cannot see";
    private static final List<Map<String, String>> ALL_SLOTS = List.of(
            Map.of("requirement", "slot:code", "reason", "Pair-reviewed on the incident call"),
            Map.of("requirement", "slot:security", "reason", "Security team assessed the emergency"),
            Map.of("requirement", "slot:product", "reason", "No product decision to take"));

    @Inject
    Fixtures fixtures;
    @Inject
    DataSource dataSource;

    /** The security incident's texts: none may reach a reader who may not see it. */
    private List<String> secrets;
    private String publicTitle;
    private String publicReport;
    private long incident;
    private long ordinary;
    private long emergency;
    private long release;
    private long postmortem;

    /**
     * Bob files a security incident, then an emergency release that names it and rewrites its report; Sean assesses,
     * Leah approves, Max publishes; Bob writes the post-mortem, a timeline line and an action item for Pete. Bob also
     * files an ordinary incident about the same release.
     */
    @BeforeEach
    void securityIncidentWithAnEmergencyAndAPostmortem() {
        // the only security incident in the log: the tests tell each event's fate from this one's ids
        ResetDatabase.emptyAllTables(dataSource);
        fixtures.neuronxWorkspace();
        int n = COUNTER.incrementAndGet();
        String title = "Token cache leaks sessions across tenants " + n;
        String firstReport = "Report one: tokens cached per host " + n;
        String secondReport = "Report two: cache keyed by tenant now " + n;
        String summary = "Post-mortem summary of the leak " + n;
        String rootCause = "Root cause: the cache key omitted the tenant " + n;
        String line = "Timeline: tenant B saw tenant A's dashboard " + n;
        String action = "Action: rotate every session key " + n;
        secrets = List.of(title, firstReport, secondReport, summary, rootCause, line, action);
        publicTitle = "Slow dashboards after deploy " + n;
        publicReport = "Ordinary report: the cache was cold " + n;

        incident = post(Users.BOB, "/incidents", Map.of("title", title, "severity", "SEV1", "status", "OPEN",
                "security", true, "report", firstReport)).statusCode(201).extract().jsonPath().getLong("id");
        String changeset = "tenant-cache-" + n;
        fixtures.changeset(Users.BOB, changeset, "\"@neuronx/core\": patch", "Key the token cache by tenant");
        var requested = post(Users.BOB, "/emergencies", Map.of("title", "Hotfix " + changeset, "changesets",
                List.of(changeset), "criterion", "security-vulnerability", "justification",
                "Sessions cross tenants", "affectedServices", "core", "risk", "Low", "incident",
                Map.of("id", incident, "report", secondReport))).statusCode(201).extract().jsonPath();
        emergency = requested.getLong("id");
        release = requested.getLong("releaseId");
        post(Users.SEAN, "/emergencies/" + emergency + "/assess", Map.of("reason", "Confirmed")).statusCode(200);
        fixtures.passAllGates(release);
        post(Users.LEAH, "/emergencies/" + emergency + "/approve", Map.of("bypasses", ALL_SLOTS)).statusCode(200);
        post(Users.MAX, "/releases/" + release + "/publish", Map.of()).statusCode(200);
        postmortem = given().header("Authorization", Users.SEAN.bearer())
                .get("/api/v1/emergencies/" + emergency)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("postmortem.id");
        Map<String, Object> sections = new LinkedHashMap<>();
        sections.put("summary", summary);
        sections.put("rootCause", rootCause);
        given().header("Authorization", Users.BOB.bearer())
                .contentType(ContentType.JSON)
                .body(sections)
                .put("/api/v1/postmortems/" + postmortem)
                .then()
                .statusCode(200);
        post(Users.BOB, "/postmortems/" + postmortem + "/timeline",
                Map.of("occurredAt", "2026-11-27T09:00:00Z", "text", line)).statusCode(200);
        post(Users.BOB, "/postmortems/" + postmortem + "/action-items", Map.of("description", action, "owner", "pete",
                "dueOn", "2030-01-31", "status", "OPEN")).statusCode(200);

        // Bob names the release on the incident itself too
        given().header("Authorization", Users.BOB.bearer())
                .contentType(ContentType.JSON)
                .body(Map.of("title", title, "severity", "SEV1", "status", "OPEN", "security", true, "releaseIds",
                        List.of(release), "report", secondReport))
                .put("/api/v1/incidents/" + incident)
                .then()
                .statusCode(200);

        ordinary = post(Users.BOB, "/incidents", Map.of("title", publicTitle, "severity", "SEV3", "status", "OPEN",
                "security", false, "releaseIds", List.of(release), "report", publicReport)).statusCode(201)
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

    private static String api(Users who, String path) {
        return given().header("Authorization", who.bearer())
                .get(path)
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    private static JsonNode json(String text) throws IOException {
        return new ObjectMapper().readTree(text);
    }

    private void assertNoSecret(String what, String text) {
        for (String secret : secrets) {
            assertThat(text).as("%s holds %s", what, secret).doesNotContain(secret);
        }
    }

    private void assertEverySecret(String what, String text) {
        for (String secret : secrets) {
            assertThat(text).as("%s holds %s", what, secret).contains(secret);
        }
    }

    /**
     * Whether an event, as Sean reads it, concerns the security incident: its own, its post-mortem's, or one whose
     * payload names it (the emergency's).
     */
    private boolean concernsTheIncident(JsonNode seen) {
        String type = seen.get("entityType").asText();
        String id = seen.get("entityId").asText();
        if (type.equals("incident") && id.equals(String.valueOf(incident))
                || type.equals("postmortem") && id.equals(String.valueOf(postmortem))) {
            return true;
        }
        for (String payload : List.of("before", "after")) {
            for (String key : List.of("incident", "incidentId")) {
                if (seen.path(payload).path(key).asLong(-1) == incident) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void theAuditSearchWithholdsTheIncidentsEventsFromReadersWhoMayNotSeeIt() throws IOException {
        String fullBody = api(Users.SEAN, "/api/v1/audit?size=500");
        assertEverySecret("Sean's audit search", fullBody);
        // Leah by role, Bob who filed it, Pete who owns an action item on its post-mortem: all read what Sean reads
        for (Users reader : List.of(Users.LEAH, Users.BOB, Users.PETE)) {
            assertThat(api(reader, "/api/v1/audit?size=500")).as("%s's audit search", reader.username)
                    .isEqualTo(fullBody);
            assertThat(PageSession.signIn(reader).get("/audit?action=incident.filed").asString())
                    .contains("href=\"/incidents/" + incident + "\"")
                    .doesNotContain(WITHHELD);
        }
        JsonNode full = json(fullBody).get("events");
        for (Users reader : List.of(Users.CAROL, Users.ALICE, Users.CI)) {
            String body = api(reader, "/api/v1/audit?size=500");
            assertNoSecret("the audit search for " + reader.username, body);
            JsonNode events = json(body).get("events");
            // every row is there, in the same order, with its hashes
            assertThat(events.size()).as("events %s reads", reader.username).isEqualTo(full.size());
            int withheld = 0;
            for (int i = 0; i < events.size(); i++) {
                JsonNode event = events.get(i);
                JsonNode seen = full.get(i);
                assertThat(event.get("id")).isEqualTo(seen.get("id"));
                assertThat(event.get("action")).isEqualTo(seen.get("action"));
                assertThat(event.get("actor")).isEqualTo(seen.get("actor"));
                assertThat(event.get("entityType")).isEqualTo(seen.get("entityType"));
                assertThat(event.get("hash")).isEqualTo(seen.get("hash"));
                assertThat(event.get("prevHash")).isEqualTo(seen.get("prevHash"));
                assertThat(seen.get("withheld").asBoolean()).as("Sean reads event %s in full", seen.get("id"))
                        .isFalse();
                if (concernsTheIncident(seen)) {
                    withheld++;
                    assertThat(event.get("withheld").asBoolean()).as("event %s withheld", seen.get("id")).isTrue();
                    assertThat(event.get("before").asText()).isEqualTo(WITHHELD);
                    assertThat(event.get("after").asText()).isEqualTo(WITHHELD);
                    if (List.of("incident", "postmortem").contains(seen.get("entityType").asText())) {
                        assertThat(event.get("entityId").isNull()).as("subject of event %s", seen.get("id"))
                                .isTrue();
                    } else {
                        assertThat(event.get("entityId")).isEqualTo(seen.get("entityId"));
                    }
                } else {
                    assertThat(event).as("event %s", seen.get("id")).isEqualTo(seen);
                }
            }
            // filed, report written, emergency requested ... published, post-mortem created, edited, timeline, item
            assertThat(withheld).isGreaterThanOrEqualTo(10);
            assertThat(body).contains(publicTitle, publicReport);
        }

        PageSession carol = PageSession.signIn(Users.CAROL);
        String ofRelease = carol.get("/audit?release=" + release).then().statusCode(200).extract().asString();
        String filed = carol.get("/audit?action=incident.filed").then().statusCode(200).extract().asString();
        for (String page : List.of(ofRelease, filed)) {
            assertNoSecret("the audit page", page);
            assertThat(page).contains(WITHHELD)
                    .doesNotContain("href=\"/incidents/" + incident + "\"")
                    .doesNotContain("href=\"/postmortems/" + postmortem + "\"")
                    .doesNotContain("incident " + incident + "<")
                    .contains("href=\"/incidents/" + ordinary + "\"");
        }
        assertThat(ofRelease).contains("href=\"/emergencies/" + emergency + "\"", "postmortem.timeline-added");
    }

    @Test
    void exportsWithholdTheSameEventsAndSaySo() throws IOException {
        PageSession carol = PageSession.signIn(Users.CAROL);
        for (String format : List.of("csv", "json")) {
            String api = api(Users.CAROL, "/api/v1/audit/export?format=" + format);
            String page = carol.get("/audit/export?format=" + format).then().statusCode(200).extract().asString();
            assertNoSecret("Carol's " + format + " export", api);
            assertNoSecret("Carol's " + format + " download from the audit page", page);
            assertEverySecret("Leah's " + format + " export", api(Users.LEAH, "/api/v1/audit/export?format=" + format));
        }

        String fullJson = api(Users.SEAN, "/api/v1/audit/export?format=json");
        assertEverySecret("Sean's JSON export", fullJson);
        JsonNode full = json(fullJson);
        List<CSVRecord> fullCsv = csv(api(Users.SEAN, "/api/v1/audit/export?format=csv"));
        assertThat(fullCsv).hasSize(full.size()).allSatisfy(r -> assertThat(r.get("withheld")).isEqualTo("false"));

        JsonNode partial = json(api(Users.CAROL, "/api/v1/audit/export?format=json"));
        assertThat(partial.size()).isEqualTo(full.size());
        int withheld = 0;
        for (int i = 0; i < partial.size(); i++) {
            JsonNode event = partial.get(i);
            JsonNode seen = full.get(i);
            assertThat(event.get("hash")).isEqualTo(seen.get("hash"));
            assertThat(event.get("prevHash")).isEqualTo(seen.get("prevHash"));
            assertThat(seen.get("withheld").asBoolean()).isFalse();
            if (concernsTheIncident(seen)) {
                withheld++;
                assertThat(event.get("withheld").asBoolean()).isTrue();
                assertThat(event.get("before").asText()).isEqualTo(WITHHELD);
                assertThat(event.get("after").asText()).isEqualTo(WITHHELD);
            } else {
                assertThat(event).isEqualTo(seen);
            }
        }
        assertThat(withheld).isGreaterThanOrEqualTo(10);

        List<CSVRecord> rows = csv(api(Users.CAROL, "/api/v1/audit/export?format=csv"));
        assertThat(rows).hasSize(fullCsv.size());
        List<CSVRecord> withheldRows = rows.stream().filter(r -> r.get("withheld").equals("true")).toList();
        assertThat(withheldRows).hasSize(withheld)
                .allSatisfy(r -> assertThat(r.get("before")).isEqualTo(WITHHELD))
                .allSatisfy(r -> assertThat(r.get("after")).isEqualTo(WITHHELD))
                .allSatisfy(r -> assertThat(r.get("hash")).hasSize(64));
        assertThat(withheldRows).filteredOn(r -> r.get("entity_type").equals("incident"))
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.get("entity_id")).isEmpty());
        assertThat(rows).anySatisfy(r -> assertThat(r.get("after")).contains(publicTitle));
    }

    private static List<CSVRecord> csv(String text) throws IOException {
        return CSVFormat.RFC4180.builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(text))
                .getRecords();
    }

    @Test
    void aReleasesHistoryWithholdsTheSameEvents() throws IOException {
        String fullBody = api(Users.SEAN, "/api/v1/releases/" + release + "/history");
        assertEverySecret("Sean's release history", fullBody);
        JsonNode full = json(fullBody);
        JsonNode search = json(api(Users.SEAN, "/api/v1/audit?size=500&release=" + release)).get("events");
        List<Long> concerning = new ArrayList<>();
        search.forEach(e -> {
            if (concernsTheIncident(e)) {
                concerning.add(e.get("id").asLong());
            }
        });
        assertThat(concerning).hasSizeGreaterThanOrEqualTo(10);

        for (Users reader : List.of(Users.CAROL, Users.ALICE, Users.CI)) {
            String body = api(reader, "/api/v1/releases/" + release + "/history");
            assertNoSecret(reader.username + "'s release history", body);
            assertThat(body).contains(publicTitle, publicReport);
            JsonNode partial = json(body);
            assertThat(partial.size()).isEqualTo(full.size());
            for (int i = 0; i < partial.size(); i++) {
                JsonNode event = partial.get(i);
                JsonNode seen = full.get(i);
                assertThat(event.get("id")).isEqualTo(seen.get("id"));
                assertThat(event.get("action")).isEqualTo(seen.get("action"));
                assertThat(seen.get("withheld").asBoolean()).isFalse();
                if (concerning.contains(seen.get("id").asLong())) {
                    assertThat(event.get("withheld").asBoolean()).as("event %s withheld", seen.get("id")).isTrue();
                    assertThat(event.get("before").asText()).isEqualTo(WITHHELD);
                    assertThat(event.get("after").asText()).isEqualTo(WITHHELD);
                } else {
                    assertThat(event).isEqualTo(seen);
                }
            }
        }
        for (Users reader : List.of(Users.LEAH, Users.BOB)) {
            assertThat(api(reader, "/api/v1/releases/" + release + "/history")).isEqualTo(fullBody);
        }

        String page = PageSession.signIn(Users.CAROL)
                .get("/releases/" + release)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertNoSecret("Carol's release page", page);
        String history = page.substring(page.indexOf("<h2 id=\"history-title\">"));
        assertThat(history).contains("incident.report-written", "postmortem.action-added");
    }

    @Test
    void theEvidenceBundleWithholdsTheSameEvents() throws IOException {
        Map<String, String> carol = bundle(Users.CAROL);
        ObjectNode facts = (ObjectNode) json(carol.get("release.json"));
        assertNoSecret("Carol's release.json", facts.toString());
        JsonNode audit = facts.get("auditEvents");
        assertNoSecret("the audit events of Carol's release.json", audit.toString());
        assertThat(audit.toString()).contains(publicTitle, publicReport);
        int withheld = 0;
        for (JsonNode event : audit) {
            if (event.get("withheld").asBoolean()) {
                withheld++;
                assertThat(event.get("before").asText()).isEqualTo(WITHHELD);
                assertThat(event.get("after").asText()).isEqualTo(WITHHELD);
                assertThat(event.get("hash").asText()).hasSize(64);
            }
        }
        assertThat(withheld).isGreaterThanOrEqualTo(8);
        String summary = carol.get("summary.html");
        assertNoSecret("Carol's summary.html", summary);
        String trail = summary.substring(summary.indexOf("<h2 id=\"audit\">"));
        assertThat(trail).contains(WITHHELD).doesNotContain("incident " + incident + "<");

        Map<String, String> sean = bundle(Users.SEAN);
        assertEverySecret("the audit events of Sean's release.json",
                json(sean.get("release.json")).get("auditEvents").toString());
        assertThat(sean.get("release.json")).doesNotContain(WITHHELD);
        assertThat(sean.get("summary.html")).doesNotContain(WITHHELD);
    }

    private Map<String, String> bundle(Users reader) throws IOException {
        byte[] zip = given().header("Authorization", reader.bearer())
                .get("/api/v1/releases/" + release + "/evidence-bundle")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        Map<String, String> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }
}

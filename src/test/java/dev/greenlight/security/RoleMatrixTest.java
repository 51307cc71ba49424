package dev.greenlight.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import dev.greenlight.testsupport.Fixtures;
import dev.greenlight.testsupport.PageSession;
import dev.greenlight.testsupport.RecordFixtures;
import dev.greenlight.testsupport.Routes;
import dev.greenlight.testsupport.Users;

import javax.sql.DataSource;

/**
 * Every API route, page and page action against every role, on real objects: the exact status each caller gets. A
 * caller who may act gets the answer of the request's own flaw (a 400 for the invalid input sent, a 409 for a step the
 * object's state refuses, a 404 for an unknown sub-object), so that nothing changes; one who may not gets 403, or 404
 * where even the object's existence is not theirs to know (a security incident). Alice owns the releases, the draft
 * post-mortem and the incident; Bob is an author too, so his 403s on them are the ownership rules (IDOR), not roles.
 * Nora has no Greenlight role. The audit log, which every change writes to, is the same after each matrix.
 */
@QuarkusTest
class RoleMatrixTest {
    static final List<Users> CALLERS = List.of(Users.ALICE, Users.BOB, Users.CAROL, Users.SAM, Users.PAULA,
            Users.SEAN, Users.PETE, Users.LEAH, Users.MAX, Users.ADA, Users.CI, Users.NORA);
    static final Users[] EVERYONE = CALLERS.stream().filter(u -> u != Users.NORA).toArray(Users[]::new);
    static final Users[] AUTHORS = {Users.ALICE, Users.BOB};
    static final Users[] FILERS = {Users.ALICE, Users.BOB, Users.SEAN, Users.PETE, Users.LEAH, Users.MAX, Users.ADA};
    /** Write any incident or post-mortem they see; an owner or reporter writes their own. */
    static final Users[] EDITORS = {Users.SEAN, Users.PETE, Users.LEAH, Users.MAX, Users.ADA};
    static final Users[] POSTMORTEM_REVIEWERS = {Users.SEAN, Users.PETE, Users.LEAH, Users.MAX};
    /** See security incidents. */
    static final Users[] SECURITY_READERS = {Users.SAM, Users.SEAN, Users.LEAH};

    /** The objects the requests name, built once per run of this class. */
    record World(long draft, long inReview, long published, long rollback, String pending,
            String publishedChangeset, long evidence, long emergency, long closedEmergency, long override,
            long closedOverride, long incident, long secret, long postmortem, long secretPostmortem,
            long emptyPostmortem, long bobsItem) {
    }

    private static World world;

    @Inject
    Fixtures fixtures;
    @Inject
    RecordFixtures records;
    @Inject
    DataSource db;

    @BeforeEach
    void buildTheWorldOnce() {
        if (world != null) {
            return;
        }
        fixtures.neuronxWorkspace();
        long draft = fixtures.draftRelease(Users.ALICE, "Draft", changeset("draft", "\"@neuronx/api\": patch")).id();
        long inReview = fixtures.submittedRelease(Users.ALICE, "In review", changeset("in-review",
                "\"@neuronx/api\": minor")).id();
        fixtures.publishedRelease(Users.ALICE, "CLI before", changeset("cli-before", "\"@neuronx/cli\": patch"));
        String publishedChangeset = changeset("cli-after", "\"@neuronx/cli\": minor");
        long published = fixtures.publishedRelease(Users.ALICE, "CLI after", publishedChangeset).id();
        long rollback = given().header("Authorization", Users.MAX.bearer())
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "Broken login"))
                .post("/api/v1/releases/" + published + "/rollbacks")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        long evidence = given().header("Authorization", Users.CI.bearer())
                .multiPart("file", "junit.txt", "tests=812 failures=0".getBytes(StandardCharsets.UTF_8),
                        "text/plain")
                .multiPart("value", "0")
                .post("/api/v1/releases/" + inReview + "/gates/tests")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("evidence.id");
        long emergency = records.assessedEmergency(Users.ALICE, changeset("emergency", "\"@neuronx/ui\": patch")).id();
        long closedEmergency = records.declinedEmergency(Users.ALICE, changeset("declined", "\"@neuronx/sdk\": patch"))
                .id();
        long closedOverride = records.deniedOverride(Users.ADRIAN, inReview).id();
        long override = records.requestedOverride(Users.ADRIAN, inReview).id();
        long incident = records.incident(Users.ALICE, "Search slow", false, published).id();
        long secret = records.incident(Users.SEAN, "Signing key leaked", true, published).id();
        long postmortem = records.postmortem(Users.ALICE, incident, Users.ALICE).id();
        long bobsItem = records.actionItem(Users.ALICE, postmortem, Users.BOB).actionItems().get(0).id();
        long secretPostmortem = records.postmortem(Users.SEAN, secret, Users.SEAN).id();
        long other = records.incident(Users.ALICE, "Flaky deploys", false, null).id();
        long emptyPostmortem = records.emptyPostmortem(Users.ALICE, other, Users.ALICE).id();
        world = new World(draft, inReview, published, rollback, changeset("pending", "\"@neuronx/core\": patch"),
                publishedChangeset, evidence, emergency, closedEmergency, override,
                closedOverride, incident, secret, postmortem, secretPostmortem, emptyPostmortem, bobsItem);
    }

    private String changeset(String name, String frontMatter) {
        String id = "matrix-" + name;
        fixtures.changeset(Users.ALICE, id, frontMatter, "Change " + id);
        return id;
    }

    /** What each caller gets: 403 unless said otherwise (Nora's is always 403). */
    static final class Expect {
        /** Not asked: the request would change the object for them. */
        static final int SKIP = -1;

        private final Map<Users, Integer> statuses = new EnumMap<>(Users.class);

        private Expect() {
            CALLERS.forEach(u -> statuses.put(u, 403));
        }

        static Expect only(int status, Users... users) {
            return new Expect().and(status, users);
        }

        static Expect everyone(int status) {
            return only(status, EVERYONE);
        }

        Expect and(int status, Users... users) {
            for (Users user : users) {
                statuses.put(user, status);
            }
            return this;
        }

        /** Leaves out callers for whom the request would succeed and change the object. */
        Expect skip(Users... users) {
            return and(SKIP, users);
        }

        int of(Users user) {
            return statuses.get(user);
        }
    }

    record Call(String method, String path, Object body, Expect expect) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static Call get(String path, Expect expect) {
        return new Call("GET", path, null, expect);
    }

    private static Call call(String method, String path, Object body, Expect expect) {
        return new Call(method, path, body, expect);
    }

    List<Call> apiCalls() {
        World w = world;
        String r = "/api/v1/releases/";
        List<Call> calls = new ArrayList<>();
        for (String path : List.of("/api/v1/releases", r + w.inReview(), r + w.inReview() + "/history",
                "/api/v1/changesets", "/api/v1/packages", "/api/v1/reviews/mine", r + w.inReview() + "/approvals",
                r + w.inReview() + "/gates", r + w.published() + "/checks", r + w.published() + "/rollbacks",
                r + w.published() + "/rollbacks/" + w.rollback(), r + w.inReview() + "/adrs",
                r + w.published() + "/deployments",
                r + w.inReview() + "/evidence-bundle", "/api/v1/evidence/" + w.evidence(), "/api/v1/emergencies",
                "/api/v1/emergencies/" + w.emergency(), "/api/v1/overrides/" + w.override(), "/api/v1/incidents",
                "/api/v1/incidents/" + w.incident(), "/api/v1/postmortems", "/api/v1/postmortems/overdue",
                "/api/v1/postmortems/" + w.postmortem(), "/api/v1/audit", "/api/v1/audit/verification",
                "/api/v1/audit/export?format=json", "/api/v1/metrics", "/api/v1/freezes",
                "/api/v1/freezes/occurrences?from=2026-12-01T00:00:00Z&to=2027-01-01T00:00:00Z")) {
            calls.add(get(path, Expect.everyone(200)));
        }
        calls.add(get(r + w.published() + "/release-notes", Expect.everyone(200)));
        calls.add(get(r + w.inReview() + "/release-notes", Expect.everyone(409)));
        Expect secret = Expect.everyone(404).and(200, SECURITY_READERS).and(403, Users.NORA);
        calls.add(get("/api/v1/incidents/" + w.secret(), secret));
        calls.add(get("/api/v1/postmortems/" + w.secretPostmortem(), secret));

        calls.add(call("POST", "/api/v1/releases", Map.of("title", ""),
                Expect.only(400, AUTHORS).and(400, Users.MAX)));
        calls.add(call("POST", r + w.inReview() + "/submit", Map.of(), Expect.only(409, Users.ALICE, Users.MAX)));
        calls.add(call("POST", r + w.draft() + "/submit", Map.of(), Expect.only(403).skip(Users.ALICE, Users.MAX)));
        calls.add(call("POST", r + w.draft() + "/cancel", Map.of(),
                Expect.only(403).skip(Users.ALICE, Users.MAX, Users.ADA)));
        calls.add(call("POST", r + w.published() + "/cancel", Map.of(),
                Expect.only(409, Users.ALICE, Users.MAX, Users.ADA)));
        calls.add(call("POST", r + w.inReview() + "/publish", Map.of(), Expect.only(409, Users.MAX)));
        calls.add(call("POST", r + w.inReview() + "/deployment", Map.of("deployedAt", "2026-11-27T10:00:00Z"),
                Expect.only(409, Users.CI, Users.MAX)));
        calls.add(call("POST", r + w.published() + "/changesets", Map.of("changesets", List.of(w.pending())),
                Expect.only(409, Users.ALICE, Users.MAX)));
        calls.add(call("DELETE", r + w.published() + "/changesets/" + w.publishedChangeset(), null,
                Expect.only(409, Users.ALICE, Users.MAX)));
        calls.add(call("POST", r + w.inReview() + "/approvals", Map.of("slot", "code", "decision", "maybe"),
                Expect.only(400, Users.CAROL, Users.SAM, Users.PAULA)));
        calls.add(call("POST", r + w.inReview() + "/gates/critical-vulnerabilities", Map.of(),
                Expect.only(400, Users.CI, Users.MAX, Users.SEAN)));
        calls.add(call("POST", r + w.published() + "/checks/smoke-tests", Map.of(),
                Expect.only(400, Users.CI, Users.MAX)));
        calls.add(call("POST", r + w.published() + "/rollbacks", Map.of("reason", ""),
                Expect.only(400, Users.MAX, Users.LEAH)));
        calls.add(call("POST", r + w.published() + "/rollbacks/" + w.rollback() + "/steps/identify-issue",
                Map.of("outcome", "maybe"), Expect.only(400, Users.MAX, Users.LEAH)));
        calls.add(call("POST", r + w.inReview() + "/adrs", Map.of("title", "", "url", ""),
                Expect.only(400, Users.ALICE, Users.MAX)));
        calls.add(call("POST", r + w.published() + "/deployments", Map.of("environment", "qa"),
                Expect.only(400, Users.CI, Users.MAX)));
        calls.add(call("POST", "/api/v1/changesets", Map.of("files", List.of()),
                Expect.only(400, AUTHORS).and(400, Users.MAX, Users.CI)));
        calls.add(call("DELETE", "/api/v1/changesets/" + w.pending(), null,
                Expect.only(403).skip(Users.ALICE, Users.MAX)));
        calls.add(call("PUT", "/api/v1/packages", Map.of("packages", List.of(Map.of("name", "", "version", "x"))),
                Expect.only(400, Users.MAX, Users.ADA, Users.CI)));
        calls.add(call("POST", "/api/v1/release-plans",
                Map.of("packages", List.of(Map.of("name", "", "version", "x")), "changesets", List.of()),
                Expect.only(400, AUTHORS).and(400, Users.MAX, Users.CI)));
        calls.add(call("POST", "/api/v1/emergencies", Map.of(), Expect.only(400, AUTHORS)));
        calls.add(call("POST", "/api/v1/freezes", Map.of(), Expect.only(400, Users.LEAH, Users.ADA)));
        calls.add(call("POST", "/api/v1/emergencies/" + w.closedEmergency() + "/assess", Map.of("reason", "Real"),
                Expect.only(409, Users.SEAN, Users.PETE)));
        calls.add(call("POST", "/api/v1/emergencies/" + w.closedEmergency() + "/decline", Map.of("reason", "No"),
                Expect.only(409, Users.SEAN, Users.PETE)));
        calls.add(call("POST", "/api/v1/emergencies/" + w.closedEmergency() + "/approve", Map.of("reason", "Go"),
                Expect.only(409, Users.LEAH)));
        calls.add(call("POST", "/api/v1/emergencies/" + w.closedEmergency() + "/deny", Map.of("reason", "No"),
                Expect.only(409, Users.LEAH)));
        calls.add(call("PUT", "/api/v1/emergencies/" + w.emergency() + "/incident-report", Map.of("report", ""),
                Expect.only(400, Users.ALICE).and(400, EDITORS)));
        calls.add(call("POST", "/api/v1/overrides", Map.of(), Expect.only(400, Users.ADA)));
        calls.add(call("POST", "/api/v1/overrides/" + w.closedOverride() + "/approve", Map.of("reason", "Go"),
                Expect.only(409, Users.ADA, Users.LEAH)));
        calls.add(call("POST", "/api/v1/overrides/" + w.closedOverride() + "/deny", Map.of("reason", "No"),
                Expect.only(409, Users.ADA, Users.LEAH)));
        calls.add(call("POST", "/api/v1/incidents", Map.of("title", ""), Expect.only(400, FILERS)));
        calls.add(call("PUT", "/api/v1/incidents/" + w.incident(), Map.of("title", ""),
                Expect.only(400, Users.ALICE).and(400, EDITORS)));
        calls.add(call("PUT", "/api/v1/incidents/" + w.secret(), Map.of("title", ""),
                hiddenFromWriters().and(400, Users.SEAN, Users.LEAH)));
        calls.add(call("POST", "/api/v1/incidents/" + w.incident() + "/postmortem", Map.of(),
                Expect.only(409, Users.ALICE).and(409, EDITORS)));
        calls.add(call("POST", "/api/v1/incidents/" + w.secret() + "/postmortem", Map.of(),
                hiddenFromWriters().and(409, Users.SEAN, Users.LEAH)));
        String pm = "/api/v1/postmortems/" + w.postmortem();
        calls.add(call("PUT", pm, Map.of("version", 999), writers(409)));
        calls.add(call("PUT", "/api/v1/postmortems/" + w.secretPostmortem(), Map.of("version", 999),
                hiddenFromWriters().and(409, Users.SEAN, Users.LEAH)));
        calls.add(call("POST", pm + "/timeline", Map.of(), writers(400)));
        calls.add(call("DELETE", pm + "/timeline/999999", null, writers(404)));
        calls.add(call("POST", pm + "/action-items", Map.of(), writers(400)));
        calls.add(call("DELETE", pm + "/action-items/999999", null, writers(404)));
        calls.add(call("PUT", pm + "/action-items/" + w.bobsItem() + "/status", Map.of("status", "bogus"),
                writers(400).and(400, Users.BOB)));
        calls.add(call("POST", "/api/v1/postmortems/" + w.emptyPostmortem() + "/submit", Map.of(), writers(400)));
        calls.add(call("POST", pm + "/request-changes", Map.of(), Expect.only(400, POSTMORTEM_REVIEWERS)));
        calls.add(call("POST", pm + "/sign-off", Map.of(), Expect.only(409, POSTMORTEM_REVIEWERS)));
        calls.add(call("POST", pm + "/publish", Map.of(), Expect.only(409, Users.ALICE, Users.LEAH)));
        return calls;
    }

    /** Alice's draft post-mortem: she and the editors may write it; Bob, an author too, may not. */
    private static Expect writers(int status) {
        return Expect.only(status, Users.ALICE).and(status, EDITORS);
    }

    /**
     * Changing Sean's security incident or its post-mortem: a 404 for those whose role may change incidents but who do
     * not see this one; the role check comes first for everyone else.
     */
    private static Expect hiddenFromWriters() {
        return Expect.only(404, Users.ALICE, Users.BOB, Users.PETE, Users.MAX, Users.ADA);
    }

    /** Sean's security incident: a 404 for whoever does not see it, whatever their role. */
    private static Expect hiddenSecret() {
        return Expect.everyone(404).and(403, Users.NORA);
    }

    private long auditEvents() {
        try (Connection c = db.getConnection();
                Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("select count(*) from audit_event")) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RequestSpecification api(Call call) {
        RequestSpecification spec = given();
        if (call.body() != null) {
            spec = spec.contentType(ContentType.JSON).body(call.body());
        }
        return spec;
    }

    @Test
    void everyApiRouteAnswersEachCallerExactly() {
        long before = auditEvents();
        SoftAssertions softly = new SoftAssertions();
        for (Call call : apiCalls()) {
            for (Users user : CALLERS) {
                if (call.expect().of(user) == Expect.SKIP) {
                    continue;
                }
                int status = api(call).header("Authorization", user.bearer())
                        .request(call.method(), call.path())
                        .statusCode();
                softly.assertThat(status).as("%s as %s", call, user).isEqualTo(call.expect().of(user));
            }
        }
        softly.assertThat(auditEvents()).as("audit events").isEqualTo(before);
        softly.assertAll();
    }

    @Test
    void withoutATokenEveryApiRouteIs401() {
        for (Call call : apiCalls()) {
            assertThat(api(call).request(call.method(), call.path()).statusCode()).as("%s", call).isEqualTo(401);
        }
    }

    List<Call> pages() {
        World w = world;
        List<Call> calls = new ArrayList<>();
        for (String path : List.of("/", "/releases", "/releases/new", "/releases/" + w.inReview(),
                "/releases/" + w.published(), "/changesets", "/packages", "/reviews", "/incidents",
                "/incidents/" + w.incident(), "/postmortems/" + w.postmortem(),
                "/postmortems/" + w.postmortem() + "/edit", "/postmortems/overdue", "/emergencies", "/emergencies/new",
                "/emergencies/" + w.emergency(), "/overrides/" + w.override(),
                "/overrides/new?release=" + w.inReview(), "/policy", "/metrics", "/audit", "/audit/verification",
                "/audit/export?format=json", "/releases/" + w.inReview() + "/evidence-bundle",
                "/releases/" + w.inReview() + "/evidence/" + w.evidence())) {
            calls.add(get(path, Expect.everyone(200)));
        }
        calls.add(get("/admin/slack", Expect.only(200, Users.ADA)));
        calls.add(get("/calendar", Expect.everyone(200)));
        calls.add(get("/calendar.ics", Expect.everyone(200)));
        calls.add(get("/calendar/freezes/new", Expect.only(200, Users.LEAH, Users.ADA)));
        calls.add(get("/reviews/delegations", Expect.everyone(200)));
        calls.add(get("/policy/standard-change", Expect.only(200, Users.LEAH, Users.MAX, Users.ADA)));
        calls.add(get("/incidents/new", Expect.only(200, FILERS)));
        calls.add(get("/incidents/" + w.incident() + "/edit", Expect.only(200, Users.ALICE).and(200, EDITORS)));
        calls.add(get("/releases/" + w.inReview() + "/adrs/new", Expect.only(200, Users.ALICE, Users.MAX)));
        Expect secret = hiddenSecret().and(200, SECURITY_READERS);
        calls.add(get("/incidents/" + w.secret(), secret));
        calls.add(get("/postmortems/" + w.secretPostmortem(), secret));
        calls.add(get("/postmortems/" + w.secretPostmortem() + "/edit", secret));
        calls.add(get("/incidents/" + w.secret() + "/edit", hiddenSecret().and(200, Users.SEAN, Users.LEAH)
                .and(403, Users.SAM)));
        return calls;
    }

    List<Call> pageActions() {
        World w = world;
        String r = "/releases/";
        String pm = "/postmortems/" + w.postmortem();
        Map<String, Object> sections = new LinkedHashMap<>();
        for (String section : List.of("summary", "impact", "rootCause", "contributingFactors", "wentWell",
                "lessons")) {
            sections.put(section, "Typed");
        }
        sections.put("version", "999");
        Map<String, Object> incidentForm = Map.of("title", "", "severity", "SEV3", "status", "OPEN", "security",
                "false", "version", "0");
        List<Call> calls = new ArrayList<>();
        calls.add(call("POST", "/releases", Map.of("title", "", "changeset", w.pending(), "preRelease", ""),
                Expect.only(400, AUTHORS).and(400, Users.MAX)));
        calls.add(call("POST", r + w.inReview() + "/reviews", Map.of("slot", "nope", "decision", "approve"),
                Expect.only(400, Users.CAROL, Users.SAM, Users.PAULA)));
        calls.add(call("POST", r + w.inReview() + "/gates", Map.of("gate", "critical-vulnerabilities", "value", ""),
                Expect.only(400, Users.CI, Users.MAX, Users.SEAN)));
        calls.add(call("POST", r + w.inReview() + "/publish", Map.of(), Expect.only(409, Users.MAX)));
        calls.add(call("POST", r + w.draft() + "/submit", Map.of(), Expect.only(403).skip(Users.ALICE, Users.MAX)));
        calls.add(call("POST", r + w.draft() + "/cancel", Map.of("reason", ""),
                Expect.only(403).skip(Users.ALICE, Users.MAX, Users.ADA)));
        calls.add(call("POST", r + w.inReview() + "/submit", Map.of(), Expect.only(409, Users.ALICE, Users.MAX)));
        calls.add(call("POST", r + w.published() + "/cancel", Map.of("reason", ""),
                Expect.only(409, Users.ALICE, Users.MAX, Users.ADA)));
        calls.add(call("POST", r + w.published() + "/changesets", Map.of("changeset", w.pending()),
                Expect.only(409, Users.ALICE, Users.MAX)));
        calls.add(call("POST", r + w.published() + "/changesets/" + w.publishedChangeset() + "/remove", Map.of(),
                Expect.only(409, Users.ALICE, Users.MAX)));
        calls.add(call("POST", r + w.inReview() + "/adrs", Map.of("title", "", "url", ""),
                Expect.only(400, Users.ALICE, Users.MAX)));
        calls.add(call("POST", r + w.published() + "/rollbacks", Map.of("reason", "", "incidentId", ""),
                Expect.only(400, Users.MAX, Users.LEAH)));
        calls.add(call("POST", r + w.published() + "/rollbacks/" + w.rollback() + "/steps/identify-issue",
                Map.of("outcome", "maybe", "note", ""), Expect.only(400, Users.MAX, Users.LEAH)));
        calls.add(call("POST", r + w.published() + "/checks", Map.of("check", "smoke-tests", "value", ""),
                Expect.only(400, Users.CI, Users.MAX)));
        // the published release is rolled back: nothing to promote
        calls.add(call("POST", r + w.published() + "/environments/production/approvals", Map.of(),
                Expect.only(409, Users.LEAH, Users.MAX)));
        calls.add(call("POST", "/changesets", Map.of("fileName", w.pending(), "content",
                "---\n\"@neuronx/core\": patch\n---\n\nAgain\n"),
                Expect.only(400, AUTHORS)
                        .and(400, Users.MAX,
                                Users.CI)));
        calls.add(call("POST", "/calendar/freezes", Map.of("reason", "", "start", "", "end", "", "timeZone", "",
                "recurrence", "", "scope", "", "targets", ""), Expect.only(400, Users.LEAH, Users.ADA)));
        calls.add(call("POST", "/changesets/" + w.pending() + "/delete", Map.of(),
                Expect.only(403).skip(Users.ALICE, Users.MAX)));
        calls.add(call("POST", "/packages", Map.of("name", "@neuronx/core", "version", "not-a-version",
                "dependencies", "", "devDependencies", "", "peerDependencies", ""),
                Expect.only(400, Users.MAX, Users.ADA, Users.CI)));
        calls.add(call("POST", "/emergencies", Map.of("release", "", "title", ""), Expect.only(400, AUTHORS)));
        calls.add(call("POST", "/emergencies/" + w.closedEmergency() + "/assessment", Map.of("decision", "validate",
                "reason", "Real"), Expect.only(409, Users.SEAN, Users.PETE)));
        calls.add(call("POST", "/emergencies/" + w.closedEmergency() + "/decision", Map.of("decision", "approve",
                "reason", "Go"), Expect.only(409, Users.LEAH)));
        calls.add(call("POST", "/emergencies/" + w.emergency() + "/incident-report", Map.of("report", ""),
                Expect.only(400, Users.ALICE).and(400, EDITORS)));
        calls.add(call("POST", "/overrides", Map.of("release", String.valueOf(w.inReview()), "reason", ""),
                Expect.only(400, Users.ADA)));
        calls.add(call("POST", "/overrides/" + w.closedOverride() + "/decision", Map.of("decision", "approve",
                "reason", "Go"), Expect.only(409, Users.ADA, Users.LEAH)));
        calls.add(call("POST", "/incidents", incidentForm, Expect.only(400, FILERS)));
        calls.add(call("POST", "/incidents/" + w.incident(), incidentForm,
                Expect.only(400, Users.ALICE).and(400, EDITORS)));
        calls.add(call("POST", "/incidents/" + w.secret(), incidentForm,
                hiddenFromWriters().and(400, Users.SEAN, Users.LEAH)));
        calls.add(call("POST", "/incidents/" + w.incident() + "/postmortem", Map.of(),
                Expect.only(409, Users.ALICE).and(409, EDITORS)));
        calls.add(call("POST", "/incidents/" + w.secret() + "/postmortem", Map.of(),
                hiddenFromWriters().and(409, Users.SEAN, Users.LEAH)));
        calls.add(call("POST", pm, sections, writers(409)));
        calls.add(call("POST", "/postmortems/" + w.secretPostmortem(), sections,
                hiddenFromWriters().and(409, Users.SEAN, Users.LEAH)));
        calls.add(call("POST", pm + "/timeline", Map.of("occurredAt", "", "text", ""), writers(400)));
        calls.add(call("POST", pm + "/timeline/999999/remove", Map.of(), writers(404)));
        calls.add(call("POST", pm + "/action-items", Map.of("description", "", "owner", "", "dueOn", "", "status",
                "OPEN"), writers(400)));
        calls.add(call("POST", pm + "/action-items/999999/remove", Map.of(), writers(404)));
        calls.add(call("POST", pm + "/action-items/" + w.bobsItem(), Map.of("status", "bogus"),
                writers(400).and(400, Users.BOB)));
        calls.add(call("POST", "/postmortems/" + w.emptyPostmortem() + "/submit", Map.of(), writers(400)));
        calls.add(call("POST", pm + "/sign-off", Map.of(), Expect.only(409, POSTMORTEM_REVIEWERS)));
        calls.add(call("POST", pm + "/request-changes", Map.of("reason", ""), Expect.only(400, POSTMORTEM_REVIEWERS)));
        calls.add(call("POST", pm + "/publish", Map.of(), Expect.only(409, Users.ALICE, Users.LEAH)));
        calls.add(call("POST", "/reviews/delegations", Map.of("role", "", "delegate", "", "startsOn", "",
                "endsOn", "", "reason", ""), Expect.only(400, Users.CAROL, Users.SAM, Users.PAULA)));
        calls.add(call("POST", "/reviews/delegations/999999/revoke", Map.of(),
                Expect.only(404, Users.CAROL, Users.SAM, Users.PAULA, Users.ADA)));
        calls.add(call("POST", "/admin/slack/links", Map.of("slackUserId", "", "email", "", "username", ""),
                Expect.only(400, Users.ADA)));
        calls.add(call("POST", "/admin/slack/links/999999/delete", Map.of(), Expect.only(404, Users.ADA)));
        // Slack is not configured in tests: nothing can be retried
        calls.add(call("POST", "/admin/slack/messages/999999/retry", Map.of(), Expect.only(409, Users.ADA)));
        return calls;
    }

    private static Map<Users, PageSession> sessions() {
        Map<Users, PageSession> sessions = new EnumMap<>(Users.class);
        CALLERS.forEach(user -> sessions.put(user, PageSession.signIn(user)));
        return sessions;
    }

    @Test
    void everyPageAnswersEachCallerExactly() {
        Map<Users, PageSession> sessions = sessions();
        SoftAssertions softly = new SoftAssertions();
        for (Call call : pages()) {
            for (Users user : CALLERS) {
                softly.assertThat(sessions.get(user).get(call.path()).statusCode())
                        .as("%s as %s", call, user)
                        .isEqualTo(call.expect().of(user));
            }
        }
        softly.assertAll();
    }

    /** With the form's token, as the page sends it; Nora has no page to take a token from and is refused first. */
    @Test
    void everyPageActionAnswersEachCallerExactly() {
        Map<Users, PageSession> sessions = sessions();
        Map<Users, String> tokens = new EnumMap<>(Users.class);
        CALLERS.stream().filter(u -> u != Users.NORA).forEach(u -> tokens.put(u, sessions.get(u).csrfToken("/")));
        long before = auditEvents();
        SoftAssertions softly = new SoftAssertions();
        for (Call call : pageActions()) {
            for (Users user : CALLERS) {
                if (call.expect().of(user) == Expect.SKIP) {
                    continue;
                }
                RequestSpecification spec = sessions.get(user).request().contentType(ContentType.URLENC);
                if (tokens.containsKey(user)) {
                    spec.formParam("csrf-token", tokens.get(user));
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> fields = (Map<String, Object>) call.body();
                fields.forEach(spec::formParam);
                softly.assertThat(spec.post(call.path()).statusCode())
                        .as("%s as %s", call, user)
                        .isEqualTo(call.expect().of(user));
            }
        }
        softly.assertThat(auditEvents()).as("audit events").isEqualTo(before);
        softly.assertAll();
    }

    /** The public release notes, and nothing else, answer without a Greenlight role and without signing in. */
    @Test
    void theOnlyPublicRoutesAreTheReleaseNotesForEveryoneAndNobody() {
        assertThat(Routes.publicRoutes()).hasSize(5)
                .allSatisfy(route -> assertThat(route.template()).as("%s", route).startsWith("/notes"))
                .allSatisfy(route -> assertThat(route.method()).as("%s", route).isEqualTo("GET"));
        Map<Users, PageSession> sessions = sessions();
        SoftAssertions softly = new SoftAssertions();
        Map<String, Integer> paths = Map.of("/notes", 200, "/notes/@neuronx/cli", 200,
                "/notes/@neuronx/cli/feed.atom", 200, "/notes/unscoped", 404, "/notes/unscoped/feed.atom", 404);
        paths.forEach((path, status) -> {
            softly.assertThat(RestAssured.given().redirects().follow(false).get(path).statusCode())
                    .as("%s without a session", path)
                    .isEqualTo(status);
            for (Users user : CALLERS) {
                softly.assertThat(sessions.get(user).get(path).statusCode())
                        .as("%s as %s", path, user)
                        .isEqualTo(status);
            }
        });
        softly.assertAll();
    }

    @Test
    void withoutASessionEveryPageAndActionSendsToSignIn() {
        List<Call> calls = new ArrayList<>(pages());
        calls.addAll(pageActions());
        for (Call call : calls) {
            assertThat(RestAssured.given()
                    .redirects()
                    .follow(false)
                    .request(call.method(), call.path())
                    .statusCode()).as("%s", call).isEqualTo(302);
        }
    }
}

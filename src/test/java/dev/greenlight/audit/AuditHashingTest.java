package dev.greenlight.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.math.BigDecimal;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.erdtman.jcs.JsonCanonicalizer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import dev.greenlight.security.Actor;
import dev.greenlight.testsupport.Fixtures;
import dev.greenlight.testsupport.PageSession;
import dev.greenlight.testsupport.ResetDatabase;
import dev.greenlight.testsupport.Users;

import javax.sql.DataSource;

/**
 * The chain's hash survives what PostgreSQL's jsonb does to the content (numbers rewritten, keys reordered), numbers
 * that would not survive are refused where they enter, and verification reports every broken link.
 */
@QuarkusTest
class AuditHashingTest {
    @Inject
    Fixtures fixtures;
    @Inject
    AuditLog audit;
    @Inject
    DataSource dataSource;

    private long release;

    @BeforeEach
    void aReleaseInReview() {
        ResetDatabase.emptyAllTables(dataSource);
        fixtures.neuronxWorkspace();
        fixtures.changeset(Users.ALICE, "hash-1", "\"@neuronx/core\": minor", "Hashed change");
        release = fixtures.submittedRelease(Users.ALICE, "Hashed", "hash-1").id();
    }

    private static void assertIntact() {
        given().header("Authorization", Users.PETE.bearer())
                .get("/api/v1/audit/verification")
                .then()
                .statusCode(200)
                .body("intact", equalTo(true))
                .body("checked", equalTo((int) AuditEvent.count()));
    }

    private long gateResults() throws Exception {
        try (var c = dataSource.getConnection();
                var s = c.createStatement();
                var rs = s.executeQuery("select count(*) from gate_result where release_id = " + release)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void aGateValueInExponentNotationIsRefusedNamingTheFieldAndTheChainStaysIntact() throws Exception {
        for (String value : List.of("1e1", "1E+1", "8.5e1", "-0.0e0")) {
            given().header("Authorization", Users.CI.bearer())
                    .contentType(ContentType.JSON)
                    .body("{\"value\": " + value + "}")
                    .post("/api/v1/releases/" + release + "/gates/coverage")
                    .then()
                    .statusCode(400)
                    .body("errors[0].field", equalTo("value"))
                    .body("errors[0].message", containsString("plain decimal"));
            given().header("Authorization", Users.CI.bearer())
                    .multiPart("value", value)
                    .post("/api/v1/releases/" + release + "/gates/coverage")
                    .then()
                    .statusCode(400)
                    .body("errors[0].field", equalTo("value"));
        }
        assertThat(gateResults()).isZero();
        assertIntact();
    }

    @Test
    void aGateValueInExponentNotationIsRefusedOnTheReleasePageToo() throws Exception {
        PageSession max = PageSession.signIn(Users.MAX);
        for (String value : List.of("1e1", "1.5e1")) {
            max.submit("/releases/" + release, "/releases/" + release + "/gates",
                    Map.of("gate", "coverage", "value", value, "note", ""))
                    .then()
                    .statusCode(400)
                    .body(containsString("plain decimal"));
        }
        assertThat(gateResults()).isZero();
        assertIntact();
    }

    /** The same edge for post-release checks, through the API and the release page's form. */
    @Test
    void aCheckValueInExponentNotationIsRefusedToo() {
        fixtures.changeset(Users.ALICE, "hash-2", "\"@neuronx/api\": patch", "Published change");
        long published = fixtures.publishedRelease(Users.ALICE, "Published", "hash-2").id();
        given().header("Authorization", Users.CI.bearer())
                .contentType(ContentType.JSON)
                .body("{\"value\": 5e-1}")
                .post("/api/v1/releases/" + published + "/checks/error-rate")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("value"));
        given().header("Authorization", Users.CI.bearer())
                .multiPart("value", "5e-1")
                .post("/api/v1/releases/" + published + "/checks/error-rate")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("value"));
        given().header("Authorization", Users.CI.bearer())
                .contentType(ContentType.JSON)
                .body("{\"value\": 0.5}")
                .post("/api/v1/releases/" + published + "/checks/error-rate")
                .then()
                .statusCode(201);
        assertIntact();
    }

    @Test
    void aGateValueWithMoreDigitsThanTheHashCoversIsRefused() throws Exception {
        given().header("Authorization", Users.CI.bearer())
                .contentType(ContentType.JSON)
                .body("{\"value\": 87.5000000000000001}")
                .post("/api/v1/releases/" + release + "/gates/coverage")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("value"))
                .body("errors[0].message", containsString("15 significant digits"));
        assertThat(gateResults()).isZero();
    }

    @Test
    void plainDecimalGateValuesAreStillRecordedAndVerify() {
        given().header("Authorization", Users.CI.bearer())
                .contentType(ContentType.JSON)
                .body("{\"value\": 87.50}")
                .post("/api/v1/releases/" + release + "/gates/coverage")
                .then()
                .statusCode(201)
                .body("state", equalTo("PASSED"));
        given().header("Authorization", Users.CI.bearer())
                .contentType(ContentType.JSON)
                .body("{\"value\": \"0\"}")
                .post("/api/v1/releases/" + release + "/gates/tests")
                .then()
                .statusCode(201);
        assertIntact();
    }

    /** Whatever enters through a path that does not check: the hash still survives jsonb's rewriting. */
    @Test
    void contentThatJsonbRewritesStillVerifies() {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("exponent", new BigDecimal("1E+1"));
        after.put("trailingZero", new BigDecimal("87.50"));
        after.put("tiny", new BigDecimal("1E-7"));
        after.put("huge", 1e20);
        after.put("negativeZero", -0.0);
        after.put("text", "é € \u2028 \"quoted\" \\ \t");
        after.put("zKeyFirst", Map.of("b", 1, "a", List.of(2.50, "x")));
        QuarkusTransaction.requiringNew()
                .run(() -> audit.record(Actor.SYSTEM,
                        new AuditLog.Change("probe.recorded", "probe", 1, null, null, after)));
        assertIntact();
    }

    @Test
    void numbersThatTheCanonicalFormCannotHoldExactlyAreNeverWritten() {
        Map<String, Object> after = Map.of("measured", new BigDecimal("87.5000000000000001"));
        long before = AuditEvent.count();
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew()
                .run(() -> audit.record(Actor.SYSTEM,
                        new AuditLog.Change("probe.recorded", "probe", 1, null, null, after))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("87.5000000000000001");
        assertThat(AuditEvent.count()).isEqualTo(before);
    }

    /**
     * What an auditor does without Greenlight: from the JSON export alone, each event's hash is SHA-256 over the RFC
     * 8785 canonical JSON of hashVersion, prevHash, occurredAt, actor, action, entityType, entityId, releaseId, before
     * and after; each prevHash is the hash before it.
     */
    @Test
    void theJsonExportIsEnoughToRecomputeEveryHashOffline() throws Exception {
        given().header("Authorization", Users.CI.bearer())
                .contentType(ContentType.JSON)
                .body("{\"value\": 87.50}")
                .post("/api/v1/releases/" + release + "/gates/coverage")
                .then()
                .statusCode(201);
        String export = given().header("Authorization", Users.PETE.bearer())
                .queryParam("format", "json")
                .get("/api/v1/audit/export")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        ObjectMapper json = new ObjectMapper();
        String previous = "0".repeat(64);
        int events = 0;
        for (JsonNode event : json.readTree(export)) {
            assertThat(event.get("hashVersion").asInt()).isEqualTo(2);
            ObjectNode hashed = json.createObjectNode();
            for (String field : List.of("hashVersion", "prevHash", "occurredAt", "actor", "action", "entityType",
                    "entityId", "releaseId", "before", "after")) {
                hashed.set(field, event.get(field));
            }
            byte[] canonical = new JsonCanonicalizer(json.writeValueAsString(hashed)).getEncodedUTF8();
            String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
            assertThat(event.get("prevHash").asText()).isEqualTo(previous);
            assertThat(hash).as("event %s", event.get("id")).isEqualTo(event.get("hash").asText());
            previous = hash;
            events++;
        }
        assertThat(events).isEqualTo(AuditEvent.count()).isGreaterThan(5);
    }

    @Test
    void twoSeparateTamperingsAreBothReported() {
        List<AuditEvent> events = AuditEvent.list("order by id");
        assertThat(events).hasSizeGreaterThan(5);
        long first = events.get(1).id;
        long second = events.get(events.size() - 2).id;
        ResetDatabase.asOwner(dataSource, s -> {
            s.execute("alter table audit_event disable trigger audit_event_append_only");
            try {
                s.execute("update audit_event set actor = 'mallory' where id = " + first);
                s.execute("update audit_event set after_state = '{\"state\":\"PUBLISHED\"}' where id = " + second);
            } finally {
                s.execute("alter table audit_event enable trigger audit_event_append_only");
            }
        });
        given().header("Authorization", Users.PETE.bearer())
                .get("/api/v1/audit/verification")
                .then()
                .statusCode(200)
                .body("intact", equalTo(false))
                .body("brokenAtId", equalTo((int) first))
                .body("lastIntactId", equalTo((int) first - 1))
                .body("breakCount", equalTo(2))
                .body("breaks.eventId", equalTo(List.of((int) first, (int) second)))
                .body("breaks.problem", hasItems(containsString("changed after it was written")));
        PageSession.signIn(Users.PETE)
                .request()
                .get("/audit/verification")
                .then()
                .statusCode(200)
                .body(containsString("2 broken links"))
                .body(containsString("<a href=\"/audit?before=" + (first + 1) + "\">event " + first + "</a>"))
                .body(containsString("<a href=\"/audit?before=" + (second + 1) + "\">event " + second + "</a>"));
    }

    @Test
    void aStoredNumberBeyondTheCanonicalPrecisionIsReportedAsTampering() {
        given().header("Authorization", Users.CI.bearer())
                .contentType(ContentType.JSON)
                .body("{\"value\": 87.5}")
                .post("/api/v1/releases/" + release + "/gates/coverage")
                .then()
                .statusCode(201);
        long victim = AuditEvent.<AuditEvent>find("action", "gate.passed").firstResult().id;
        ResetDatabase.asOwner(dataSource, s -> {
            s.execute("alter table audit_event disable trigger audit_event_append_only");
            try {
                // the same double as 87.5, so a hash over doubles alone would not see the change
                s.execute("update audit_event set after_state = jsonb_set(after_state, '{measured}', "
                        + "'87.50000000000000001') where id = " + victim);
            } finally {
                s.execute("alter table audit_event enable trigger audit_event_append_only");
            }
        });
        given().header("Authorization", Users.PETE.bearer())
                .get("/api/v1/audit/verification")
                .then()
                .body("intact", equalTo(false))
                .body("breaks.eventId", equalTo(List.of((int) victim)));
    }
}

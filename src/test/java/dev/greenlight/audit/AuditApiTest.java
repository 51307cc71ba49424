package dev.greenlight.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.io.StringReader;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import dev.greenlight.security.Actor;
import dev.greenlight.testsupport.Fixtures;
import dev.greenlight.testsupport.PageSession;
import dev.greenlight.testsupport.ResetDatabase;
import dev.greenlight.testsupport.Users;

import javax.sql.DataSource;

@QuarkusTest
class AuditApiTest {
    @Inject
    Fixtures fixtures;
    @Inject
    DataSource dataSource;
    @Inject
    AuditLog audit;

    /** Every test tampers or counts: each starts from the same fresh history. */
    @BeforeEach
    void someHistory() {
        ResetDatabase.emptyAllTables(dataSource);
        fixtures.neuronxWorkspace();
        for (int i = 1; i <= 3; i++) {
            fixtures.changeset(Users.ALICE, "audit-" + i, "\"@neuronx/core\": minor", "Audited change " + i);
        }
        fixtures.submittedRelease(Users.ALICE, "Audited", "audit-1", "audit-2");
    }

    /** Tampering needs the owner's rights: the application role may not change the log at all. */
    private void sql(String statement) {
        ResetDatabase.asOwner(dataSource, s -> s.execute(statement));
    }

    @Test
    void intactChainVerifiesThroughTheLastEvent() {
        long last = AuditEvent.<AuditEvent>find("order by id desc").firstResult().id;
        given().header("Authorization", Users.PETE.bearer())
                .get("/api/v1/audit/verification")
                .then()
                .statusCode(200)
                .body("intact", equalTo(true))
                .body("lastIntactId", equalTo((int) last))
                .body("checked", equalTo((int) AuditEvent.count()));
    }

    @Test
    void tamperingDirectlyInSqlIsFoundWithTheFirstBrokenLink() throws Exception {
        long victim = AuditEvent.<AuditEvent>find("action", "release.created").firstResult().id;
        sql("alter table audit_event disable trigger audit_event_append_only");
        try {
            sql("update audit_event set actor = 'mallory' where id = " + victim);
            given().header("Authorization", Users.PETE.bearer())
                    .get("/api/v1/audit/verification")
                    .then()
                    .body("intact", equalTo(false))
                    .body("brokenAtId", equalTo((int) victim))
                    .body("lastIntactId", equalTo((int) victim - 1))
                    .body("problem", containsString("was changed after it was written"));
            sql("update audit_event set actor = 'alice' where id = " + victim);

            // a removed event in the middle breaks the next link (the tail can only be checked against "intact
            // through event N", which the verification reports)
            long middle = AuditEvent.<AuditEvent>find("action", "changeset.submitted").firstResult().id;
            sql("delete from audit_event where id = " + middle);
            given().header("Authorization", Users.PETE.bearer())
                    .get("/api/v1/audit/verification")
                    .then()
                    .body("intact", equalTo(false))
                    .body("brokenAtId", equalTo((int) middle + 1))
                    .body("problem", containsString("does not link"));
        } finally {
            sql("alter table audit_event enable trigger audit_event_append_only");
        }
    }

    @Test
    void searchFiltersAndPagesByKeyset() {
        JsonPath first = given().header("Authorization", Users.PETE.bearer())
                .queryParam("actor", "alice")
                .queryParam("size", 2)
                .get("/api/v1/audit")
                .then()
                .statusCode(200)
                .body("events", hasSize(2))
                .body("events.actor", everyItem(equalTo("alice")))
                .extract()
                .jsonPath();
        long next = first.getLong("nextBefore");
        List<Integer> firstIds = first.getList("events.id");
        // the next page continues strictly below the last event shown: older events only, none repeated
        List<Integer> secondIds = given().header("Authorization", Users.PETE.bearer())
                .queryParam("actor", "alice")
                .queryParam("size", 2)
                .queryParam("before", next)
                .get("/api/v1/audit")
                .then()
                .statusCode(200)
                .body("events", hasSize(2))
                .body("events.actor", everyItem(equalTo("alice")))
                .extract()
                .jsonPath()
                .getList("events.id");
        assertThat(next).isEqualTo(firstIds.get(1).longValue());
        assertThat(secondIds).allSatisfy(id -> assertThat(id).isLessThan(firstIds.get(1)))
                .doesNotContainAnyElementsOf(firstIds);
        assertThat(secondIds.get(0)).isGreaterThan(secondIds.get(1));
        given().header("Authorization", Users.PETE.bearer())
                .queryParam("action", "release.submitted")
                .get("/api/v1/audit")
                .then()
                .body("events", hasSize(1))
                .body("nextBefore", nullValue());
        given().header("Authorization", Users.PETE.bearer())
                .queryParam("from", "yesterday")
                .get("/api/v1/audit")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("from"));
    }

    @Test
    void exportsTheLogAsCsvAndJson() {
        long events = AuditEvent.count();
        String csv = given().header("Authorization", Users.PETE.bearer())
                .queryParam("format", "csv")
                .get("/api/v1/audit/export")
                .then()
                .statusCode(200)
                .header("Content-Disposition", containsString("attachment"))
                .extract()
                .asString();
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).isEqualTo("id,occurred_at,actor,action,entity_type,entity_id,release_id,before,after,"
                + "prev_hash,hash,hash_version,withheld");
        assertThat(csv).contains("release.submitted");
        assertThat(AuditEvent.<AuditEvent>list("order by id")).extracting(e -> e.hash)
                .allSatisfy(hash -> assertThat(csv).contains(hash));

        given().header("Authorization", Users.PETE.bearer())
                .queryParam("format", "json")
                .get("/api/v1/audit/export")
                .then()
                .statusCode(200)
                .body("$", hasSize((int) events))
                .body("find { it.action == 'release.submitted' }.after.state", equalTo("IN_REVIEW"))
                .body("hashVersion", everyItem(equalTo(2)));

        given().header("Authorization", Users.PETE.bearer())
                .queryParam("format", "xml")
                .get("/api/v1/audit/export")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("format"));
    }

    /** OWASP CSV injection: a cell a spreadsheet would run as a formula starts with an apostrophe instead. */
    @Test
    void csvCellsThatCouldRunAsFormulasAreNeutralised() throws Exception {
        List<String> hostile = List.of("=HYPERLINK(\"https://evil.example\",\"x\")", "+1+1", "-2+3", "@SUM(A1:A2)",
                "\tcmd", "\rcmd");
        QuarkusTransaction.requiringNew().run(() -> {
            for (String name : hostile) {
                audit.record(Actor.of(name), new AuditLog.Change("probe.recorded", "probe", name, null, null,
                        Map.of("name", name)));
            }
        });
        String csv = given().header("Authorization", Users.PETE.bearer())
                .queryParam("format", "csv")
                .get("/api/v1/audit/export")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        List<CSVRecord> records = CSVFormat.RFC4180.builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(csv))
                .getRecords();
        List<CSVRecord> probes = records.stream().filter(r -> r.get("action").equals("probe.recorded")).toList();
        assertThat(probes).extracting(r -> r.get("actor"))
                .containsExactlyElementsOf(
                        hostile.stream().map(h -> "'" + h).toList());
        assertThat(probes).extracting(r -> r.get("entity_id"))
                .containsExactlyElementsOf(
                        hostile.stream().map(h -> "'" + h).toList());
        // every cell, not only the actor: the workspace's package names start with "@"
        assertThat(records).filteredOn(r -> r.get("entity_type").equals("package"))
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.get("entity_id")).startsWith("'@neuronx/"));
        for (CSVRecord record : records) {
            for (String cell : record) {
                assertThat(cell).as("cell of event %s", record.get("id"))
                        .doesNotStartWith("=")
                        .doesNotStartWith("+")
                        .doesNotStartWith("-")
                        .doesNotStartWith("@")
                        .doesNotStartWith("\t")
                        .doesNotStartWith("\r");
            }
        }
        // the JSON export stays verbatim: it is the one to verify hashes from
        given().header("Authorization", Users.PETE.bearer())
                .queryParam("format", "json")
                .get("/api/v1/audit/export")
                .then()
                .statusCode(200)
                .body("findAll { it.action == 'probe.recorded' }.actor", equalTo(hostile));
        // the audit page's download is the same file
        String pageCsv = PageSession.signIn(Users.PETE)
                .request()
                .get("/audit/export?format=csv")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(pageCsv).contains("'=HYPERLINK(").doesNotContain(",=HYPERLINK(");
    }
}

package dev.greenlight.calendar;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import dev.greenlight.audit.AuditEvent;
import dev.greenlight.emergency.EmergencyService;
import dev.greenlight.emergency.EmergencyView;
import dev.greenlight.testsupport.Fixtures;
import dev.greenlight.testsupport.RecordFixtures;
import dev.greenlight.testsupport.TestClock;
import dev.greenlight.testsupport.Users;

@QuarkusTest
class FreezesApiTest {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    /** Before the holiday freeze below is created. */
    private static final Instant DECEMBER = Instant.parse("2026-12-01T09:00:00Z");
    /** Monday 28 December 2026, 11:00 in Berlin: inside the holiday freeze. */
    private static final Instant MID_FREEZE = Instant.parse("2026-12-28T10:00:00Z");

    @Inject
    Fixtures fixtures;
    @Inject
    RecordFixtures records;
    @Inject
    EmergencyService emergencies;
    @Inject
    TestClock clock;

    @BeforeEach
    void noWindows() {
        fixtures.neuronxWorkspace();
        QuarkusTransaction.requiringNew().run(() -> FreezeWindow.deleteAll());
        clock.set(DECEMBER);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static Map<String, Object> holiday() {
        Map<String, Object> body = new HashMap<>();
        body.put("reason", "Holiday freeze");
        body.put("start", "2026-12-23T18:00");
        body.put("end", "2027-01-04T08:00");
        body.put("timeZone", "Europe/Berlin");
        body.put("scope", "ALL");
        return body;
    }

    static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> changed = new HashMap<>(body);
        changed.put(field, value);
        return changed;
    }

    static ValidatableResponse create(Users who, Object body) {
        return given().header("Authorization", who.bearer())
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/freezes")
                .then();
    }

    private static ValidatableResponse publish(Users who, long release) {
        return given().header("Authorization", who.bearer())
                .contentType(ContentType.JSON)
                .body("{}")
                .post("/api/v1/releases/" + release + "/publish")
                .then();
    }

    private long approvedRelease(String frontMatter) {
        String cs = "freeze-cs-" + COUNTER.incrementAndGet();
        fixtures.changeset(Users.ALICE, cs, frontMatter, "Fix " + cs);
        return fixtures.approvedRelease(Users.ALICE, "Release " + cs, cs).id();
    }

    @Test
    void aLeaderCreatesAWindowThatEveryoneReadsAndTheAuditRecords() {
        long id = create(Users.LEAH, holiday()).statusCode(201)
                .body("reason", equalTo("Holiday freeze"))
                .body("scope", equalTo("ALL"))
                .body("createdBy", equalTo("leah"))
                .extract()
                .jsonPath()
                .getLong("id");
        given().header("Authorization", Users.CAROL.bearer())
                .get("/api/v1/freezes")
                .then()
                .statusCode(200)
                .body("$", hasSize(1))
                .body("[0].timeZone", equalTo("Europe/Berlin"));
        AuditEvent created = QuarkusTransaction.requiringNew()
                .call(() -> AuditEvent.<AuditEvent>find("action = ?1 and entityId = ?2", "freeze.created",
                        String.valueOf(id)).firstResult());
        assertThat(created).isNotNull();
        assertThat(created.actor).isEqualTo("leah");
        assertThat(created.after).containsEntry("reason", "Holiday freeze");

        given().header("Authorization", Users.ADA.bearer())
                .contentType(ContentType.JSON)
                .body(with(holiday(), "reason", "Holiday freeze, extended"))
                .put("/api/v1/freezes/" + id)
                .then()
                .statusCode(200)
                .body("reason", equalTo("Holiday freeze, extended"))
                .body("updatedBy", equalTo("ada"));
        given().header("Authorization", Users.LEAH.bearer()).delete("/api/v1/freezes/" + id).then().statusCode(204);
        given().header("Authorization", Users.LEAH.bearer()).get("/api/v1/freezes/" + id).then().statusCode(404);
        assertThat(QuarkusTransaction.requiringNew()
                .call(() -> AuditEvent.count("action in ?1", List.of("freeze.changed", "freeze.deleted"))))
                .isEqualTo(2);
    }

    @Test
    void onlyLeadersAndAdminsManageWindows() {
        for (Users who : List.of(Users.ALICE, Users.MAX, Users.CAROL, Users.CI, Users.SEAN, Users.NORA)) {
            create(who, holiday()).statusCode(403);
        }
        long id = create(Users.ADA, holiday()).statusCode(201).extract().jsonPath().getLong("id");
        given().header("Authorization", Users.MAX.bearer()).delete("/api/v1/freezes/" + id).then().statusCode(403);
        given().header("Authorization", Users.NORA.bearer()).get("/api/v1/freezes").then().statusCode(403);
        given().get("/api/v1/freezes").then().statusCode(401);
    }

    @Test
    void badInputIsA400NamingTheField() {
        create(Users.LEAH, with(holiday(), "recurrence", "FREQ=FORTNIGHTLY")).statusCode(400)
                .body("errors[0].field", equalTo("recurrence"))
                .body("errors[0].message", containsString("RFC 5545"));
        create(Users.LEAH, with(holiday(), "recurrence", "FREQ=MINUTELY")).statusCode(400)
                .body("errors[0].field", equalTo("recurrence"));
        create(Users.LEAH, with(holiday(), "recurrence", "FREQ=WEEKLY;" + "BYHOUR=1;".repeat(60))).statusCode(400)
                .body("errors[0].field", equalTo("recurrence"))
                .body("errors[0].message", containsString("at most 500"));
        create(Users.LEAH, with(holiday(), "timeZone", "Mars/Olympus")).statusCode(400)
                .body("errors[0].field", equalTo("timeZone"));
        create(Users.LEAH, with(holiday(), "start", "24.12.2026 18:00")).statusCode(400)
                .body("errors[0].field", equalTo("start"));
        create(Users.LEAH, with(holiday(), "end", "2026-12-22T08:00")).statusCode(400)
                .body("errors[0].field", equalTo("end"));
        create(Users.LEAH, with(holiday(), "reason", null)).statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        create(Users.LEAH, with(with(holiday(), "scope", "PACKAGES"), "targets", List.of("@neuronx/nope")))
                .statusCode(400)
                .body("errors[0].field", equalTo("targets"))
                .body("errors[0].message", containsString("@neuronx/nope"));
        create(Users.LEAH, with(with(holiday(), "scope", "ENVIRONMENTS"), "targets", List.of("moon")))
                .statusCode(400)
                .body("errors[0].field", equalTo("targets"))
                .body("errors[0].message", containsString("staging, production"));
        create(Users.LEAH, with(holiday(), "scope", "SOME")).statusCode(400)
                .body("errors[0].field",
                        equalTo("scope"));
        given().header("Authorization", Users.CAROL.bearer())
                .queryParam("from", "2026-01-01T00:00:00Z")
                .queryParam("to", "2036-01-01T00:00:00Z")
                .get("/api/v1/freezes/occurrences")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("to"));
        assertThat(QuarkusTransaction.requiringNew().call(() -> FreezeWindow.count())).isZero();
    }

    @Test
    void overlappingWindowsOfTheSameScopeAreRefused() {
        long holiday = create(Users.LEAH, holiday()).statusCode(201).extract().jsonPath().getLong("id");
        // every Friday evening from December: the one on 25 December falls inside the holiday freeze
        Map<String, Object> fridays = new HashMap<>(holiday());
        fridays.put("reason", "Friday evenings");
        fridays.put("start", "2026-12-04T18:00");
        fridays.put("end", "2026-12-07T08:00");
        fridays.put("recurrence", "FREQ=WEEKLY;BYDAY=FR");
        create(Users.LEAH, fridays).statusCode(409)
                .body("detail", containsString("#" + holiday))
                .body("detail", containsString("Holiday freeze"));
        // ending before the holidays it does not overlap
        create(Users.LEAH, with(fridays, "recurrence", "FREQ=WEEKLY;BYDAY=FR;COUNT=2")).statusCode(201);
        // nor does a window of other packages at the same time
        create(Users.LEAH, with(with(holiday(), "scope", "PACKAGES"), "targets", List.of("@neuronx/cli")))
                .statusCode(201);
        create(Users.LEAH, with(with(holiday(), "scope", "PACKAGES"), "targets", List.of("@neuronx/cli")))
                .statusCode(409);
    }

    @Test
    void occurrencesKeepLocalTimeAcrossDaylightSaving() {
        clock.set(Instant.parse("2026-03-01T00:00:00Z"));
        Map<String, Object> fridays = new HashMap<>(holiday());
        fridays.put("reason", "Weekend");
        fridays.put("start", "2026-03-20T18:00");
        fridays.put("end", "2026-03-23T08:00");
        fridays.put("recurrence", "FREQ=WEEKLY;BYDAY=FR");
        create(Users.LEAH, fridays).statusCode(201);
        given().header("Authorization", Users.CAROL.bearer())
                .queryParam("from", "2026-03-21T00:00:00Z")
                .queryParam("to", "2026-04-01T00:00:00Z")
                .get("/api/v1/freezes/occurrences")
                .then()
                .statusCode(200)
                .body("$", hasSize(2))
                .body("[1].localStart", equalTo("2026-03-27T18:00"))
                .body("[1].localEnd", equalTo("2026-03-30T08:00"))
                .body("[1].start", equalTo("2026-03-27T17:00:00Z"))
                .body("[1].end", equalTo("2026-03-30T06:00:00Z"));
    }

    @Test
    void publishingDuringAFreezeIsRefusedNamingTheWindowAndItsEnd() {
        long window = create(Users.LEAH, holiday()).statusCode(201).extract().jsonPath().getLong("id");
        long release = approvedRelease("\"@neuronx/core\": patch");
        clock.set(MID_FREEZE);
        publish(Users.MAX, release).statusCode(409)
                .body("detail", containsString("freeze window #" + window + " \"Holiday freeze\""))
                .body("detail", containsString("until Mon 4 Jan 2027 08:00 Europe/Berlin"))
                .body("detail", containsString("emergency"));
        // once it ended, the release ships
        clock.set(Instant.parse("2027-01-04T07:00:00Z"));
        publish(Users.MAX, release).statusCode(200).body("state", equalTo("PUBLISHED"));
    }

    @Test
    void aWindowOfOtherPackagesDoesNotHoldTheRelease() {
        create(Users.LEAH, with(with(holiday(), "scope", "PACKAGES"), "targets", List.of("@neuronx/cli")))
                .statusCode(201);
        create(Users.LEAH, with(with(holiday(), "scope", "ENVIRONMENTS"), "targets", List.of("production")))
                .statusCode(201);
        long ui = approvedRelease("\"@neuronx/ui\": patch");
        long cli = approvedRelease("\"@neuronx/cli\": patch");
        clock.set(MID_FREEZE);
        publish(Users.MAX, cli).statusCode(409).body("detail", containsString("packages: @neuronx/cli"));
        publish(Users.MAX, ui).statusCode(200);
    }

    @Test
    void anApprovedEmergencyPassesTheFreezeAndTheBypassIsAudited() {
        long window = create(Users.LEAH, holiday()).statusCode(201).extract().jsonPath().getLong("id");
        String cs = "freeze-emergency-" + COUNTER.incrementAndGet();
        fixtures.changeset(Users.ALICE, cs, "\"@neuronx/core\": patch", "Fix the outage");
        clock.set(MID_FREEZE);
        EmergencyView emergency = records.assessedEmergency(Users.ALICE, cs);
        long release = emergency.releaseId();
        fixtures.passAllGates(release);
        // assessed but not yet approved: the freeze holds
        fixtures.approveAllSlots(release);
        publish(Users.MAX, release).statusCode(409).body("detail", containsString("Holiday freeze"));

        emergencies.approve(Users.LEAH.actor(), emergency.id(), "Checkout is down", List.of());
        publish(Users.MAX, release).statusCode(200).body("state", equalTo("PUBLISHED"));
        AuditEvent bypass = QuarkusTransaction.requiringNew()
                .call(() -> AuditEvent.<AuditEvent>find("action = ?1 and releaseId = ?2", "freeze.bypassed", release)
                        .firstResult());
        assertThat(bypass).isNotNull();
        assertThat(bypass.actor).isEqualTo("max");
        assertThat(bypass.after).containsEntry("reason", "Holiday freeze")
                .containsEntry("emergency", (int) emergency.id());
        assertThat(((Number) bypass.after.get("window")).longValue()).isEqualTo(window);
        given().header("Authorization", Users.CAROL.bearer())
                .get("/api/v1/releases/" + release + "/history")
                .then()
                .body("action", hasItem("freeze.bypassed"));
    }
}

package dev.greenlight.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

import dev.greenlight.testsupport.Fixtures;
import dev.greenlight.testsupport.PageSession;
import dev.greenlight.testsupport.TestClock;
import dev.greenlight.testsupport.Users;

@QuarkusTest
class CalendarPagesTest {
    @Inject
    Fixtures fixtures;
    @Inject
    TestClock clock;

    @BeforeEach
    void noWindows() {
        fixtures.neuronxWorkspace();
        QuarkusTransaction.requiringNew().run(() -> FreezeWindow.deleteAll());
        clock.set(Instant.parse("2026-03-01T09:00:00Z"));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static Map<String, String> weekend() {
        Map<String, String> form = new HashMap<>();
        form.put("reason", "Weekend freeze");
        form.put("start", "2026-03-20T18:00");
        form.put("end", "2026-03-23T08:00");
        form.put("timeZone", "Europe/Berlin");
        form.put("recurrence", "FREQ=WEEKLY;BYDAY=FR");
        form.put("scope", "ALL");
        form.put("targets", "");
        return form;
    }

    @Test
    void aLeaderCreatesAWindowWithTheFormAndTheCalendarShowsIt() {
        PageSession leah = PageSession.signIn(Users.LEAH);
        Map<String, String> bad = new HashMap<>(weekend());
        bad.put("recurrence", "FREQ=WEEKLY;BYDAY=MO");
        leah.submit("/calendar/freezes/new", "/calendar/freezes", bad)
                .then()
                .statusCode(400)
                .body(containsString("<p id=\"recurrence-error\" class=\"field-error\">must have the start as its"))
                .body(containsString("value=\"Weekend freeze\""));
        leah.submit("/calendar/freezes/new", "/calendar/freezes", weekend())
                .then()
                .statusCode(303)
                .header("Location", containsString("/calendar?view=list&month=2026-03"));
        leah.get("/calendar?view=month&month=2026-03")
                .then()
                .statusCode(200)
                .body(containsString("<caption>March 2026</caption>"))
                .body(containsString("Freeze: Weekend freeze"))
                .body(containsString("Saturday 28 March 2026"));
        PageSession.signIn(Users.CAROL)
                .get("/calendar?view=list&month=2026-03")
                .then()
                .statusCode(200)
                // the occurrence after the change to summer time keeps its local hours
                .body(containsString(
                        "2026-03-27T18:00</time> to <time datetime=\"2026-03-30T06:00:00Z\">2026-03-30T08:00"))
                .body(containsString("FREQ=WEEKLY;BYDAY=FR"))
                .body(not(containsString("/calendar/freezes/new")))
                .body(containsString("Only engineering leaders and admins"));
    }

    @Test
    void thePolicyPageSaysWhatAFreezeHoldsAndWhatPassesIt() {
        PageSession.signIn(Users.CAROL)
                .get("/policy")
                .then()
                .statusCode(200)
                .body(containsString("<h2 id=\"freeze-policy-title\">Change freezes</h2>"))
                .body(containsString("Only an emergency approved by engineering leadership passes a freeze"))
                .body(containsString("One occurrence lasts at most 60 days"));
    }

    @Test
    void othersMayNotManageWindows() {
        PageSession.signIn(Users.MAX).get("/calendar/freezes/new").then().statusCode(403);
        PageSession alice = PageSession.signIn(Users.ALICE);
        alice.request()
                .contentType(ContentType.URLENC)
                .formParams(weekend())
                .formParam("csrf-token", alice.csrfToken("/calendar"))
                .post("/calendar/freezes")
                .then()
                .statusCode(403);
        PageSession.signIn(Users.NORA).get("/calendar").then().statusCode(403);
        assertThat(QuarkusTransaction.requiringNew().call(() -> FreezeWindow.count())).isZero();
    }

    @Test
    void aFormWithoutAFieldIsRefusedNamingIt() {
        Map<String, String> missing = new HashMap<>(weekend());
        missing.remove("recurrence");
        PageSession.signIn(Users.LEAH)
                .submit("/calendar/freezes/new", "/calendar/freezes", missing)
                .then()
                .statusCode(400)
                .body(containsString("<p id=\"recurrence-error\" class=\"field-error\">is missing"));
    }

    @Test
    void theFeedHasEachWindowWithItsZoneAndRule() {
        PageSession leah = PageSession.signIn(Users.LEAH);
        leah.submit("/calendar/freezes/new", "/calendar/freezes", weekend()).then().statusCode(303);
        Map<String, String> holiday = new HashMap<>(weekend());
        holiday.put("reason", "Holidays; all teams, all packages");
        holiday.put("start", "2026-12-23T18:00");
        holiday.put("end", "2027-01-04T08:00");
        holiday.put("recurrence", "");
        holiday.put("scope", "PACKAGES");
        holiday.put("targets", "@neuronx/core, @neuronx/api");
        leah.submit("/calendar/freezes/new", "/calendar/freezes", holiday).then().statusCode(303);
        String ics = PageSession.signIn(Users.CAROL)
                .get("/calendar.ics")
                .then()
                .statusCode(200)
                .header("Content-Type", startsWith("text/calendar"))
                .extract()
                .asString();
        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
                .contains("DTSTART;TZID=Europe/Berlin:20260320T180000\r\n")
                .contains("DURATION:P2DT14H\r\n")
                .contains("RRULE:FREQ=WEEKLY;BYDAY=FR\r\n")
                .contains("DTEND;TZID=Europe/Berlin:20270104T080000\r\n")
                .contains("SUMMARY:Freeze: Holidays\\; all teams\\, all packages\r\n")
                .endsWith("END:VCALENDAR\r\n");
        assertThat(ics.split("\r\n")).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(75));
        // no session, no feed
        RestAssured.given()
                .redirects()
                .follow(false)
                .get("/calendar.ics")
                .then()
                .statusCode(not(200));
    }

    @Test
    void theReleasePageSaysAFreezeCoversItNow() {
        fixtures.changeset(Users.ALICE, "calendar-page-cs", "\"@neuronx/core\": patch", "Fix");
        long release = fixtures.approvedRelease(Users.ALICE, "Frozen one", "calendar-page-cs").id();
        PageSession.signIn(Users.LEAH)
                .submit("/calendar/freezes/new", "/calendar/freezes", weekend())
                .then()
                .statusCode(303);
        PageSession max = PageSession.signIn(Users.MAX);
        max.get("/releases/" + release).then().statusCode(200).body(not(containsString("A freeze covers")));
        clock.set(Instant.parse("2026-03-28T12:00:00Z"));
        max.get("/releases/" + release)
                .then()
                .statusCode(200)
                .body(containsString("A freeze covers this release now"))
                .body(containsString("Weekend freeze"))
                .body(containsString("until Mon 30 Mar 2026 08:00 Europe/Berlin"));
    }
}

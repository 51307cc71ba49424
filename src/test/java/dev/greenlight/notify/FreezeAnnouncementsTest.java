package dev.greenlight.notify;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

import dev.greenlight.calendar.FreezeAnnouncer;
import dev.greenlight.testsupport.FakeSlack;
import dev.greenlight.testsupport.Fixtures;
import dev.greenlight.testsupport.SlackTestProfile;
import dev.greenlight.testsupport.Users;

/**
 * Slack hears once when each occurrence of a freeze starts and once when it ends. The job is run at chosen instants;
 * the application's clock stays real, as the relay paces channels by it.
 */
@QuarkusTest
@TestProfile(SlackTestProfile.class)
class FreezeAnnouncementsTest {
    /** Friday 20 March 2026, 18:00 in Berlin (CET). */
    private static final Instant STARTS = Instant.parse("2026-03-20T17:00:00Z");

    @Inject
    FreezeAnnouncer announcer;
    @Inject
    OutboxStore store;
    @Inject
    SlackGateway gateway;
    @Inject
    SlackSettings settings;
    @Inject
    Clock clock;
    @Inject
    Fixtures fixtures;

    FakeSlack slack;

    @BeforeEach
    void aWeekendFreeze() {
        slack = FakeSlack.get();
        slack.reset();
        QuarkusTransaction.requiringNew()
                .run(() -> OutboxMessage.update("status = ?1 where status = ?2",
                        DeliveryStatus.SKIPPED, DeliveryStatus.PENDING));
        fixtures.neuronxWorkspace();
        given().header("Authorization", Users.LEAH.bearer())
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "Weekend <freeze> & rest", "start", "2026-03-20T18:00", "end",
                        "2026-03-23T08:00", "timeZone", "Europe/Berlin", "recurrence", "FREQ=WEEKLY;BYDAY=FR;COUNT=2",
                        "scope", "ALL"))
                .post("/api/v1/freezes")
                .then()
                .statusCode(201);
    }

    private int drain() {
        return new Relay("freeze-relay", store, gateway, settings, clock, outcome -> {
        }).drain(Instant.now().plusSeconds(20));
    }

    @SuppressWarnings("unchecked")
    private static List<String> keys() {
        return QuarkusTransaction.requiringNew()
                .call(() -> OutboxMessage.<OutboxMessage>list("dedupeKey like 'freeze:%' order by id")
                        .stream()
                        .map(m -> m.dedupeKey)
                        .toList());
    }

    @Test
    void eachOccurrenceIsAnnouncedOnceWhenItStartsAndOnceWhenItEnds() {
        assertThat(announcer.announce(STARTS.minusSeconds(60))).isZero();
        assertThat(announcer.announce(STARTS)).isEqualTo(1);
        // every instance runs the job: the second run queues nothing new
        announcer.announce(STARTS.plusSeconds(60));
        assertThat(keys()).containsExactly("freeze:1:" + STARTS.getEpochSecond() + ":started");
        assertThat(drain()).isEqualTo(1);
        FakeSlack.Call started = slack.calls("chat.postMessage").get(0);
        assertThat(started.text()).contains("Change freeze started")
                .contains("until Mon 23 Mar 2026 08:00 Europe/Berlin");
        assertThat(started.blocks()).contains("Weekend &lt;freeze&gt; &amp; rest")
                .contains("http://localhost:8080/calendar?view=list");

        // the second occurrence ends after the change to summer time: 08:00 CEST is 06:00 UTC
        Instant secondEnds = Instant.parse("2026-03-30T06:00:00Z");
        announcer.announce(Instant.parse("2026-03-23T07:00:00Z"));
        announcer.announce(Instant.parse("2026-03-27T17:00:00Z"));
        assertThat(announcer.announce(secondEnds.minusSeconds(1))).isZero();
        assertThat(announcer.announce(secondEnds)).isEqualTo(1);
        assertThat(keys()).hasSize(4).last().asString().endsWith(":ended");
        assertThat(drain()).isEqualTo(3);
        assertThat(slack.calls("chat.postMessage")).extracting(FakeSlack.Call::text)
                .filteredOn(t -> t.contains("ended"))
                .hasSize(2);
    }
}

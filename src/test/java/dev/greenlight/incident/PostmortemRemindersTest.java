package dev.greenlight.incident;

import static dev.greenlight.incident.IncidentsApiTest.filed;
import static dev.greenlight.incident.IncidentsApiTest.incident;
import static dev.greenlight.incident.IncidentsApiTest.send;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import dev.greenlight.testsupport.Fixtures;
import dev.greenlight.testsupport.ResetDatabase;
import dev.greenlight.testsupport.TestClock;
import dev.greenlight.testsupport.Users;

import javax.sql.DataSource;

/** Due-soon reminders once, escalations every interval (PT4H by default), never twice with two instances. */
@QuarkusTest
class PostmortemRemindersTest {
    private static final Instant T0 = Instant.parse("2026-05-04T06:00:00Z");
    private static final Instant DUE = T0.plus(Duration.ofHours(24));

    @Inject
    PostmortemReminders reminders;
    @Inject
    TestClock clock;
    @Inject
    Fixtures fixtures;
    @Inject
    DataSource dataSource;
    @Inject
    EntityManager em;

    private long postmortem;

    @BeforeEach
    void onePostMortemDueInADay() {
        ResetDatabase.emptyAllTables(dataSource);
        clock.set(T0);
        fixtures.neuronxWorkspace();
        fixtures.changeset(Users.ALICE, "reminders", "\"@neuronx/core\": patch", "Fix reminders");
        long release = fixtures.draftRelease(Users.ALICE, "Reminder release", "reminders").id();
        long incident = filed(Users.ALICE, incident("Reminders", "releaseIds", List.of(release)));
        postmortem = send(Users.ALICE, "POST", "/incidents/" + incident + "/postmortem", Map.of()).statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @SuppressWarnings("unchecked")
    private List<String> queued() {
        return QuarkusTransaction.requiringNew()
                .call(() -> (List<String>) em
                        .createNativeQuery("select dedupe_key from outbox_message where dedupe_key like 'post-mortem:%'"
                                + " order by id")
                        .getResultList());
    }

    @Test
    void theOwnerIsRemindedOnceWhenItIsDueSoon() {
        assertThat(reminders.remind(DUE.minus(Duration.ofHours(5)))).isZero();
        assertThat(reminders.remind(DUE.minus(Duration.ofHours(4)))).isEqualTo(1);
        assertThat(reminders.remind(DUE.minus(Duration.ofHours(3)))).isZero();
        assertThat(reminders.remind(DUE.minus(Duration.ofMinutes(1)))).isZero();
        assertThat(queued()).containsExactly("post-mortem:" + postmortem + ":due");
    }

    @Test
    void anOverduePostMortemIsEscalatedEveryIntervalAndOnlyTheLatestAfterAGap() {
        assertThat(reminders.remind(DUE)).isEqualTo(1);
        assertThat(reminders.remind(DUE.plus(Duration.ofHours(1)))).isZero();
        assertThat(reminders.remind(DUE.plus(Duration.ofHours(4)))).isEqualTo(1);
        assertThat(reminders.remind(DUE.plus(Duration.ofHours(4).plusMinutes(1)))).isZero();
        // the job was down for a while: one escalation for the gap, not one per missed interval
        assertThat(reminders.remind(DUE.plus(Duration.ofHours(13)))).isEqualTo(1);
        assertThat(reminders.remind(DUE.plus(Duration.ofHours(14)))).isZero();
        assertThat(queued()).containsExactly("post-mortem:" + postmortem + ":overdue:1",
                "post-mortem:" + postmortem + ":overdue:2", "post-mortem:" + postmortem + ":overdue:4");
    }

    @Test
    void aPostMortemClaimedByOneInstanceIsSkippedByTheOther() throws Exception {
        QuarkusTransaction.requiringNew().run(() -> {
            assertThat(reminders.claim(DUE, 100)).extracting(p -> p.id).containsExactly(postmortem);
            int byTheOther = CompletableFuture.supplyAsync(() -> reminders.remind(DUE)).join();
            assertThat(byTheOther).isZero();
        });
        assertThat(reminders.remind(DUE)).isEqualTo(1);
        assertThat(reminders.remind(DUE)).isZero();
        assertThat(queued()).containsExactly("post-mortem:" + postmortem + ":overdue:1");
    }

    @Test
    void twoInstancesRunningTogetherQueueEachEscalationOnce() {
        CompletableFuture<Integer> one = CompletableFuture.supplyAsync(() -> reminders.remind(DUE));
        CompletableFuture<Integer> two = CompletableFuture.supplyAsync(() -> reminders.remind(DUE));
        assertThat(one.join() + two.join()).isEqualTo(1);
        assertThat(queued()).containsExactly("post-mortem:" + postmortem + ":overdue:1");
    }

    @Test
    void aPublishedPostMortemIsLeftAlone() {
        send(Users.ALICE, "PUT", "/postmortems/" + postmortem,
                Map.of("summary", "s", "rootCause", "r", "version", 0)).statusCode(200);
        send(Users.ALICE, "POST", "/postmortems/" + postmortem + "/submit", Map.of()).statusCode(200);
        send(Users.LEAH, "POST", "/postmortems/" + postmortem + "/sign-off", Map.of()).statusCode(200);
        send(Users.LEAH, "POST", "/postmortems/" + postmortem + "/publish", Map.of()).statusCode(200);
        assertThat(reminders.remind(DUE.plus(Duration.ofHours(8)))).isZero();
        assertThat(queued()).isEmpty();
    }

    @Test
    void escalationsCountFromTheDueTime() {
        Duration four = Duration.ofHours(4);
        assertThat(PostmortemReminders.escalationsDue(DUE, DUE.minusSeconds(1), four)).isZero();
        assertThat(PostmortemReminders.escalationsDue(DUE, DUE, four)).isEqualTo(1);
        assertThat(PostmortemReminders.escalationsDue(DUE, DUE.plus(four).minusSeconds(1), four)).isEqualTo(1);
        assertThat(PostmortemReminders.escalationsDue(DUE, DUE.plus(four), four)).isEqualTo(2);
    }
}

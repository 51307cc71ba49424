package dev.greenlight.rollback;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import dev.greenlight.incident.IncidentService;
import dev.greenlight.release.ReleaseView;
import dev.greenlight.testsupport.Fixtures;
import dev.greenlight.testsupport.Users;

import javax.sql.DataSource;

@QuarkusTest
class RollbacksApiTest {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    @Inject
    IncidentService incidents;
    @Inject
    Fixtures fixtures;
    @Inject
    DataSource dataSource;

    private ReleaseView previous;
    private ReleaseView release;

    @BeforeEach
    void twoPublishedReleases() {
        fixtures.neuronxWorkspace();
        previous = fixtures.publishedRelease(Users.ALICE, "CLI before", changeset("\"@neuronx/cli\": patch"));
        release = fixtures.publishedRelease(Users.ALICE, "CLI after", changeset("\"@neuronx/cli\": minor"));
    }

    private String changeset(String frontMatter) {
        String id = "rollback-" + COUNTER.incrementAndGet();
        fixtures.changeset(Users.ALICE, id, frontMatter, "Change " + id);
        return id;
    }

    private ValidatableResponse start(Users who, long releaseId, Object body) {
        return given().header("Authorization", who.bearer())
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/releases/" + releaseId + "/rollbacks")
                .then();
    }

    private ValidatableResponse tick(Users who, long rollbackId, String step, Object body) {
        return given().header("Authorization", who.bearer())
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/releases/" + release.id() + "/rollbacks/" + rollbackId + "/steps/" + step)
                .then();
    }

    private String state(long releaseId) {
        return given().header("Authorization", Users.CAROL.bearer())
                .get("/api/v1/releases/" + releaseId)
                .then()
                .statusCode(200)
                .extract()
                .path("release.state");
    }

    private long count(String sql) throws Exception {
        try (var c = dataSource.getConnection(); var s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private long incident() {
        return incidents.file(Users.LEAH.actor(), new IncidentService.IncidentInput("CLI login loops", "SEV2", "OPEN",
                null, "2026-11-27T09:00:00Z", null, false, List.of("cli"), List.of(), null, null)).id();
    }

    private long startRollback() {
        return start(Users.LEAH, release.id(), Map.of("reason", "Login loops after the upgrade")).statusCode(201)
                .extract()
                .<Integer>path("id")
                .longValue();
    }

    @Test
    void rollbackGoesBackToThePreviousTagAndRollsTheReleaseBack() throws Exception {
        long incident = incident();
        start(Users.LEAH, release.id(), Map.of("reason", "Login loops after the upgrade", "incidentId", incident))
                .statusCode(201)
                .body("state", equalTo("IN_PROGRESS"))
                .body("fromTags", equalTo(release.publication().tags()))
                .body("toTags", equalTo(previous.publication().tags()))
                .body("incidentId", equalTo((int) incident))
                .body("incident", equalTo("SEV2 · CLI login loops"))
                .body("startedBy", equalTo("leah"))
                .body("steps.step", contains("identify-issue", "stop-deployment", "revert-code", "database-rollback",
                        "monitor"))
                .body("steps.state", contains("OPEN", "OPEN", "OPEN", "OPEN", "OPEN"))
                .body("steps[3].skippable", equalTo(true));
        assertThat(state(release.id())).isEqualTo("ROLLED_BACK");
        assertThat(count("select count(*) from audit_event where action in ('rollback.started', 'release.rolled-back')"
                + " and release_id = " + release.id())).isEqualTo(2);
        assertThat(
                count("select count(*) from outbox_message where kind = 'POST' and event_type = 'release.rolled-back'"
                        + " and release_id = " + release.id()))
                .isEqualTo(1);
        given().header("Authorization", Users.ALICE.bearer())
                .get("/api/v1/releases/" + release.id() + "/rollbacks")
                .then()
                .statusCode(200)
                .body("$", hasSize(1));
    }

    @Test
    void reasonIsRequiredAndTheIncidentMustExistAndNothingChanges() throws Exception {
        start(Users.MAX, release.id(), Map.of("reason", " ")).statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        start(Users.MAX, release.id(), Map.of("reason", "Broken", "incidentId", 987654)).statusCode(400)
                .body("errors[0].field", equalTo("incidentId"));
        assertThat(count("select count(*) from rollback where release_id = " + release.id())).isZero();
        assertThat(state(release.id())).isEqualTo("PUBLISHED");
    }

    @Test
    void withoutAnEarlierPublishedVersionThereIsNothingToRollBackTo() throws Exception {
        ReleaseView first = fixtures.publishedRelease(Users.ALICE, "First UI", changeset("\"@neuronx/ui\": patch"));
        start(Users.MAX, first.id(), Map.of("reason", "Broken")).statusCode(409)
                .body("detail", containsString("no earlier published version of @neuronx/ui"));
        assertThat(state(first.id())).isEqualTo("PUBLISHED");
        assertThat(count("select count(*) from rollback where release_id = " + first.id())).isZero();
    }

    @Test
    void onlyPublishedReleasesAreRolledBackByMaintainersOrLeaders() {
        start(Users.ALICE, release.id(), Map.of("reason", "Broken")).statusCode(403);
        start(Users.CI, release.id(), Map.of("reason", "Broken")).statusCode(403);
        start(Users.ADA, release.id(), Map.of("reason", "Broken")).statusCode(403);
        ReleaseView draft = fixtures.draftRelease(Users.ALICE, "Draft", changeset("\"@neuronx/cli\": patch"));
        start(Users.MAX, draft.id(), Map.of("reason", "Broken")).statusCode(409)
                .body("detail", containsString("Only a published or validated release"));
        start(Users.MAX, 987654, Map.of("reason", "Broken")).statusCode(404);
    }

    @Test
    void oneRollbackPerReleaseEvenWhenTwoStartAtOnce() throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Integer>> attempts = new ArrayList<>();
        for (Users who : List.of(Users.MAX, Users.LEAH, Users.LARS)) {
            String bearer = who.bearer();
            attempts.add(CompletableFuture.supplyAsync(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return given().header("Authorization", bearer)
                        .contentType(ContentType.JSON)
                        .body(Map.of("reason", "Everyone noticed"))
                        .post("/api/v1/releases/" + release.id() + "/rollbacks")
                        .statusCode();
            }));
        }
        go.countDown();
        List<Integer> statuses = attempts.stream().map(CompletableFuture::join).toList();
        assertThat(statuses).containsOnlyOnce(201).filteredOn(s -> s != 201).containsOnly(409);
        assertThat(count("select count(*) from rollback where release_id = " + release.id())).isEqualTo(1);
    }

    @Test
    void stepsAreTickedInOrderOnceAndTheLastCompletesTheRollback() throws Exception {
        long rollback = startRollback();
        tick(Users.MAX, rollback, "monitor", Map.of("outcome", "done")).statusCode(409)
                .body("detail", containsString("comes first"));
        tick(Users.MAX, rollback, "identify-issue", Map.of("outcome", "done", "note", "Login loop on 0.10.0"))
                .statusCode(200)
                .body("steps[0].state", equalTo("DONE"))
                .body("steps[0].doneBy", equalTo("max"))
                .body("steps[0].doneAt", notNullValue());
        tick(Users.LEAH, rollback, "identify-issue", Map.of("outcome", "done")).statusCode(409)
                .body("detail", containsString("already ticked by max"));
        tick(Users.LEAH, rollback, "stop-deployment", Map.of("outcome", "not-applicable", "note", "why not"))
                .statusCode(409)
                .body("detail", containsString("cannot be skipped"));
        tick(Users.LEAH, rollback, "stop-deployment", Map.of("outcome", "done")).statusCode(200);
        tick(Users.LEAH, rollback, "revert-code", Map.of("outcome", "done")).statusCode(200);
        tick(Users.LEAH, rollback, "database-rollback", Map.of("outcome", "not-applicable")).statusCode(400)
                .body("errors[0].field", equalTo("note"));
        tick(Users.LEAH, rollback, "monitor", Map.of("outcome", "done")).statusCode(409)
                .body("detail", containsString("tick it, or mark it not applicable"));
        tick(Users.LEAH, rollback, "database-rollback",
                Map.of("outcome", "not-applicable", "note", "No migration in this release")).statusCode(200)
                .body("steps[3].state", equalTo("NOT_APPLICABLE"))
                .body("state", equalTo("IN_PROGRESS"))
                .body("completedAt", nullValue());
        tick(Users.MAX, rollback, "monitor", Map.of("outcome", "done", "note", "Error rate back to 0.1 %"))
                .statusCode(200)
                .body("state", equalTo("COMPLETED"))
                .body("completedAt", notNullValue());
        tick(Users.MAX, rollback, "monitor", Map.of("outcome", "done")).statusCode(409);
        tick(Users.MAX, rollback, "no-such-step", Map.of("outcome", "done")).statusCode(404);
        assertThat(count("select count(*) from outbox_message where event_type = 'rollback.completed'"
                + " and release_id = " + release.id() + " and payload ->> 'text' like 'Rollback of release #"
                + release.id() + " completed%'")).isEqualTo(1);
        assertThat(count("select count(*) from audit_event where action = 'rollback.step-ticked'"
                + " and release_id = " + release.id())).isEqualTo(5);
        assertThatThrownBy(() -> {
            try (var c = dataSource.getConnection(); var s = c.createStatement()) {
                s.executeUpdate("update rollback_step set state = 'OPEN', done_by = null, done_at = null"
                        + " where rollback_id = " + rollback);
            }
        }).hasMessageContaining("cannot be unticked");
    }

    @Test
    void onlyMaintainersAndLeadersTickSteps() throws Exception {
        long rollback = startRollback();
        tick(Users.CI, rollback, "identify-issue", Map.of("outcome", "done")).statusCode(403);
        tick(Users.ALICE, rollback, "identify-issue", Map.of("outcome", "done")).statusCode(403);
        assertThat(count("select count(*) from rollback_step where state <> 'OPEN' and rollback_id = " + rollback))
                .isZero();
    }

    /** A tick that does not say what was done is refused, never read as "done". */
    @Test
    void aTickWithoutItsOutcomeIsA400NamingItAndTicksNothing() throws Exception {
        long rollback = startRollback();
        long events = count("select count(*) from audit_event where release_id = " + release.id());

        tick(Users.MAX, rollback, "identify-issue", Map.of("note", "Found it")).statusCode(400)
                .body("errors[0].field", equalTo("outcome"))
                .body("errors[0].message", containsString("done or not-applicable"));
        given().header("Authorization", Users.MAX.bearer())
                .contentType(ContentType.JSON)
                .post("/api/v1/releases/" + release.id() + "/rollbacks/" + rollback + "/steps/identify-issue")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("outcome"));

        assertThat(count("select count(*) from rollback_step where state <> 'OPEN' and rollback_id = " + rollback))
                .isZero();
        assertThat(count("select count(*) from audit_event where release_id = " + release.id())).isEqualTo(events);
    }
}

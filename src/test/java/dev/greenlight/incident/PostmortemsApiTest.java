package dev.greenlight.incident;

import static dev.greenlight.incident.IncidentsApiTest.filed;
import static dev.greenlight.incident.IncidentsApiTest.incident;
import static dev.greenlight.incident.IncidentsApiTest.send;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import dev.greenlight.audit.AuditEvent;
import dev.greenlight.testsupport.TestClock;
import dev.greenlight.testsupport.Users;

/** Who writes, reviews and publishes a post-mortem, and when it is overdue. */
@QuarkusTest
class PostmortemsApiTest {
    private static final Instant T0 = Instant.parse("2026-04-01T08:00:00Z");

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static ValidatableResponse post(Users who, String path) {
        return given().header("Authorization", who.bearer()).post("/api/v1" + path).then();
    }

    private static ValidatableResponse delete(Users who, String path) {
        return given().header("Authorization", who.bearer()).delete("/api/v1" + path).then();
    }

    /** A post-mortem started by alice for her own incident. */
    static long started(String title) {
        long incident = filed(Users.ALICE, incident(title));
        return send(Users.ALICE, "POST", "/incidents/" + incident + "/postmortem", Map.of()).statusCode(201)
                .body("owner", equalTo("alice"))
                .body("state", equalTo("DRAFT"))
                .extract()
                .jsonPath()
                .getLong("id");
    }

    private static Map<String, Object> sections(long version) {
        return Map.of("summary", "Checkout failed for 40 minutes", "impact", "5 % of orders", "rootCause",
                "A cache key changed format", "contributingFactors", "No canary", "wentWell", "Fast rollback",
                "lessons", "Canary every release", "version", version);
    }

    static long written(String title) {
        long id = started(title);
        send(Users.ALICE, "PUT", "/postmortems/" + id, sections(0)).statusCode(200);
        return id;
    }

    @Test
    void theOwnerWritesSectionsTimelineAndActionItems() {
        long id = started("Checkout down");
        send(Users.ALICE, "PUT", "/postmortems/" + id, sections(0)).statusCode(200)
                .body("rootCause", equalTo("A cache key changed format"))
                .body("version", not(equalTo(0)));
        send(Users.ALICE, "POST", "/postmortems/" + id + "/timeline",
                Map.of("occurredAt", "2026-03-01T09:40:00Z", "text", "Rolled back")).statusCode(200);
        send(Users.ALICE, "POST", "/postmortems/" + id + "/timeline",
                Map.of("occurredAt", "2026-03-01T09:00:00Z", "text", "Alerts fire")).statusCode(200)
                .body("timeline.text", equalTo(List.of("Alerts fire", "Rolled back")));
        send(Users.ALICE, "POST", "/postmortems/" + id + "/action-items",
                Map.of("description", "Add a canary stage", "owner", "max", "dueOn", "2026-04-15", "status", "OPEN"))
                .statusCode(200)
                .body("actionItems", hasSize(1))
                .body("actionItems[0].status", equalTo("OPEN"))
                .body("actionItems[0].owner", equalTo("max"));
        send(Users.ALICE, "POST", "/postmortems/" + id + "/action-items",
                Map.of("description", "", "owner", "max", "dueOn", "someday", "status", "OPEN")).statusCode(400)
                .body("errors.field", hasItem("description"))
                .body("errors.field", hasItem("dueOn"));
    }

    @Test
    void aDraftsTimelineEntryAndActionItemAreRemovedAndTheAuditKeepsWhatTheySaid() {
        long id = started("Removed lines");
        timelineEntry(id, "2026-03-01T09:00:00Z", "Alerts fire");
        long typo = timelineEntry(id, "2026-03-01T09:05:00Z", "Rolled bakc");
        long item = actionItem(id, "Canary for the wrong service");

        delete(Users.ALICE, "/postmortems/" + id + "/timeline/" + typo).statusCode(200)
                .body("timeline.text", equalTo(List.of("Alerts fire")));
        delete(Users.ALICE, "/postmortems/" + id + "/action-items/" + item).statusCode(200)
                .body("actionItems", hasSize(0));

        assertThat(removal("postmortem.timeline-removed", id)).containsEntry("text", "Rolled bakc")
                .containsEntry("occurredAt", "2026-03-01T09:05:00Z");
        assertThat(removal("postmortem.action-removed", id)).containsEntry("description",
                "Canary for the wrong service").containsEntry("owner", "max");
    }

    @Test
    void removingIsForTheWritersOfADraftAndOnlyItsOwnLines() {
        long id = written("Guarded lines");
        long entry = timelineEntry(id, "2026-03-01T09:00:00Z", "Alerts fire");
        long other = started("Someone else's lines");

        delete(Users.BOB, "/postmortems/" + id + "/timeline/" + entry).statusCode(403);
        delete(Users.CAROL, "/postmortems/" + id + "/timeline/" + entry).statusCode(403);
        delete(Users.ALICE, "/postmortems/" + other + "/timeline/" + entry).statusCode(404);
        post(Users.ALICE, "/postmortems/" + id + "/submit").statusCode(200);
        delete(Users.ALICE, "/postmortems/" + id + "/timeline/" + entry).statusCode(409);

        given().header("Authorization", Users.ALICE.bearer())
                .get("/api/v1/postmortems/" + id)
                .then()
                .statusCode(200)
                .body("timeline.text", equalTo(List.of("Alerts fire")));
    }

    /** Alice adds the line to her post-mortem's timeline; its id. */
    static long timelineEntry(long postmortemId, String occurredAt, String text) {
        return send(Users.ALICE, "POST", "/postmortems/" + postmortemId + "/timeline",
                Map.of("occurredAt", occurredAt, "text", text)).statusCode(200)
                .extract()
                .jsonPath()
                .getLong("timeline.find { it.text == '" + text + "' }.id");
    }

    /** Alice adds an open action item for max to her post-mortem; its id. */
    static long actionItem(long postmortemId, String description) {
        return send(Users.ALICE, "POST", "/postmortems/" + postmortemId + "/action-items",
                Map.of("description", description, "owner", "max", "dueOn", "2026-04-15", "status", "OPEN"))
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("actionItems.find { it.description == '" + description + "' }.id");
    }

    /** What the newest audit event of that action on the post-mortem recorded as before. */
    private static Map<String, Object> removal(String action, long postmortemId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> AuditEvent.<AuditEvent>find("action = ?1 and entityId = ?2 order by id desc", action,
                        String.valueOf(postmortemId)).firstResult().before);
    }

    @Test
    void anotherAuthorMayNotWriteSomeoneElsesPostMortem() {
        long id = started("Search slow");
        send(Users.BOB, "PUT", "/postmortems/" + id, sections(0)).statusCode(403)
                .body("detail", containsString("owner (alice)"));
        send(Users.CAROL, "PUT", "/postmortems/" + id, sections(0)).statusCode(403);
    }

    @Test
    void aStaleVersionIsA409() {
        long id = started("Two editors");
        send(Users.ALICE, "PUT", "/postmortems/" + id, sections(0)).statusCode(200);
        send(Users.SEAN, "PUT", "/postmortems/" + id, sections(0)).statusCode(409)
                .body("detail", containsString("changed by someone else"));
    }

    @Test
    void theOwnerCannotSignOffTheirOwnPostMortemSomeoneElseDoesThenItIsPublished() {
        long id = written("Own review");
        post(Users.ALICE, "/postmortems/" + id + "/publish").statusCode(409);
        post(Users.ALICE, "/postmortems/" + id + "/submit").statusCode(200).body("state", equalTo("IN_REVIEW"));
        // alice holds no reviewer role; tom is an author and a leader who owns his own post-mortem
        post(Users.ALICE, "/postmortems/" + id + "/sign-off").statusCode(403);
        post(Users.CAROL, "/postmortems/" + id + "/sign-off").statusCode(403);
        post(Users.ALICE, "/postmortems/" + id + "/publish").statusCode(409)
                .body("detail", containsString("sign-off"));
        post(Users.LEAH, "/postmortems/" + id + "/sign-off").statusCode(200)
                .body("reviewer", equalTo("leah"))
                .body("state", equalTo("IN_REVIEW"));
        post(Users.BOB, "/postmortems/" + id + "/publish").statusCode(403);
        post(Users.ALICE, "/postmortems/" + id + "/publish").statusCode(200)
                .body("state", equalTo("PUBLISHED"))
                .body("publishedBy", equalTo("alice"));
        send(Users.ALICE, "PUT", "/postmortems/" + id, sections(5)).statusCode(409);
    }

    @Test
    void aReviewerWhoOwnsOrSubmittedItMayNotReviewIt() {
        long incident = filed(Users.TOM, incident("Tom's incident"));
        long id = send(Users.TOM, "POST", "/incidents/" + incident + "/postmortem", Map.of()).statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        send(Users.TOM, "PUT", "/postmortems/" + id, sections(0)).statusCode(200);
        post(Users.TOM, "/postmortems/" + id + "/submit").statusCode(200);
        post(Users.TOM, "/postmortems/" + id + "/sign-off").statusCode(403)
                .body("detail", containsString("You own this post-mortem"));

        long other = written("Submitted by sean");
        post(Users.SEAN, "/postmortems/" + other + "/submit").statusCode(200);
        post(Users.SEAN, "/postmortems/" + other + "/sign-off").statusCode(403)
                .body("detail", containsString("You sent this post-mortem for review"));
        post(Users.PETE, "/postmortems/" + other + "/sign-off").statusCode(200);
    }

    @Test
    void aReviewerSendsItBackToDraftWithAReason() {
        long id = written("Needs work");
        post(Users.ALICE, "/postmortems/" + id + "/submit").statusCode(200);
        send(Users.MAX, "POST", "/postmortems/" + id + "/request-changes", Map.of("reason", "")).statusCode(400);
        send(Users.MAX, "POST", "/postmortems/" + id + "/request-changes",
                Map.of("reason", "The timeline is empty")).statusCode(200)
                .body("state", equalTo("DRAFT"))
                .body("changesRequestedReason", equalTo("The timeline is empty"))
                .body("reviewer", nullValue());
    }

    @Test
    void aDraftWithoutSummaryOrRootCauseCannotBeSubmitted() {
        long id = started("Empty");
        post(Users.ALICE, "/postmortems/" + id + "/submit").statusCode(400)
                .body("errors.field", hasItem("summary"))
                .body("errors.field", hasItem("rootCause"));
    }

    @Test
    void oneIncidentHasOnePostMortem() {
        long incident = filed(Users.ALICE, incident("Once"));
        send(Users.ALICE, "POST", "/incidents/" + incident + "/postmortem", Map.of()).statusCode(201);
        send(Users.ALICE, "POST", "/incidents/" + incident + "/postmortem", Map.of()).statusCode(409);
    }

    @Test
    void overdueFollowsTheInjectedClockAndThePolicy() {
        clock.set(T0);
        long id = started("Overdue clock");
        given().header("Authorization", Users.CI.bearer())
                .get("/api/v1/postmortems/" + id)
                .then()
                .body("dueAt", equalTo("2026-04-02T08:00:00Z"))
                .body("overdue", equalTo(false));
        clock.set(T0.plus(Duration.ofHours(24)));
        given().header("Authorization", Users.CI.bearer())
                .get("/api/v1/postmortems/overdue")
                .then()
                .body("id", not(hasItem((int) id)));
        clock.set(T0.plus(Duration.ofHours(27).plusMinutes(5)));
        given().header("Authorization", Users.CI.bearer())
                .get("/api/v1/postmortems/overdue")
                .then()
                .statusCode(200)
                .body("find { it.id == " + id + " }.lateBy", equalTo("3 h 5 min"))
                .body("find { it.id == " + id + " }.incidentTitle", equalTo("Overdue clock"));
    }

    @Test
    void aPublishedPostMortemIsNeverOverdue() {
        clock.set(T0);
        long id = written("Published in time");
        post(Users.ALICE, "/postmortems/" + id + "/submit").statusCode(200);
        post(Users.LEAH, "/postmortems/" + id + "/sign-off").statusCode(200);
        post(Users.LEAH, "/postmortems/" + id + "/publish").statusCode(200);
        clock.set(T0.plus(Duration.ofDays(3)));
        given().header("Authorization", Users.CI.bearer())
                .get("/api/v1/postmortems/" + id)
                .then()
                .body("overdue", equalTo(false));
    }

    @Test
    void actionItemsAreFollowedUpAfterPublishingByTheirOwner() {
        long id = written("Follow up");
        send(Users.ALICE, "POST", "/postmortems/" + id + "/action-items",
                Map.of("description", "Alert on cache misses", "owner", "max", "dueOn", "2026-05-01", "status", "OPEN"))
                .statusCode(200);
        long item = given().header("Authorization", Users.ALICE.bearer())
                .get("/api/v1/postmortems/" + id)
                .then()
                .extract()
                .jsonPath()
                .getLong("actionItems[0].id");
        send(Users.BOB, "PUT", "/postmortems/" + id + "/action-items/" + item + "/status", Map.of("status", "DONE"))
                .statusCode(403);
        send(Users.MAX, "PUT", "/postmortems/" + id + "/action-items/" + item + "/status", Map.of("status", "DONE"))
                .statusCode(200)
                .body("actionItems[0].status", equalTo("DONE"));
    }

    /** An action item's status is a decision: left out, it is refused, never read as OPEN (which reopens a done one). */
    @Test
    void anActionItemWithoutItsStatusIsA400NamingItAndChangesNothing() {
        long id = started("Missing status");
        send(Users.ALICE, "POST", "/postmortems/" + id + "/action-items",
                Map.of("description", "Add a canary stage", "owner", "max", "dueOn", "2026-04-15")).statusCode(400)
                .body("errors.field", hasItem("status"))
                .body("errors.message", hasItem(containsString("OPEN, IN_PROGRESS, DONE, WONT_DO")));
        long item = actionItem(id, "Alert on cache misses");
        String status = "/postmortems/" + id + "/action-items/" + item + "/status";
        send(Users.MAX, "PUT", status, Map.of("status", "DONE")).statusCode(200);

        send(Users.MAX, "PUT", status, Map.of()).statusCode(400)
                .body("errors[0].field", equalTo("status"));
        given().header("Authorization", Users.MAX.bearer())
                .contentType(ContentType.JSON)
                .put("/api/v1" + status)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("status"));

        given().header("Authorization", Users.ALICE.bearer())
                .get("/api/v1/postmortems/" + id)
                .then()
                .statusCode(200)
                .body("actionItems", hasSize(1))
                .body("actionItems[0].status", equalTo("DONE"));
    }

    @Test
    void unknownPostMortemsAre404() {
        given().header("Authorization", Users.ALICE.bearer())
                .contentType(ContentType.JSON)
                .get("/api/v1/postmortems/999999")
                .then()
                .statusCode(404);
    }
}

package dev.greenlight.release;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import dev.greenlight.testsupport.Fixtures;
import dev.greenlight.testsupport.Users;

@QuarkusTest
class ReleasesApiTest {
    @Inject
    Fixtures fixtures;

    private static int counter;

    @BeforeEach
    void workspace() {
        fixtures.neuronxWorkspace();
    }

    private String changeset(Users author, String frontMatter) {
        String id = "cs-" + (++counter);
        fixtures.changeset(author, id, frontMatter, "Change " + id);
        return id;
    }

    @Test
    void authorCreatesReleaseFromPendingChangesetsWithFrozenPlan() {
        String core = changeset(Users.ALICE, "\"@neuronx/core\": minor");
        int id = given().header("Authorization", Users.ALICE.bearer())
                .contentType(ContentType.JSON)
                .body(Map.of("title", "Core features", "changesets", List.of(core)))
                .post("/api/v1/releases")
                .then()
                .statusCode(201)
                .header("Location", containsString("/api/v1/releases/"))
                .body("state", equalTo("DRAFT"))
                .body("createdBy", equalTo("alice"))
                .body("packages.find { it.name == '@neuronx/core' }.newVersion", equalTo("1.5.0"))
                .body("packages.find { it.name == '@neuronx/core' }.changelog", containsString("### Minor Changes"))
                .extract()
                .path("id");

        given().header("Authorization", Users.CAROL.bearer())
                .get("/api/v1/releases/" + id)
                .then()
                .statusCode(200)
                .body("release.title", equalTo("Core features"))
                .body("changesets.id", contains(core));

        given().header("Authorization", Users.CAROL.bearer())
                .get("/api/v1/changesets")
                .then()
                .body("id", not(hasItem(core)));
    }

    @Test
    void preReleaseProducesTaggedVersions() {
        String sdk = changeset(Users.ALICE, "\"@neuronx/sdk\": patch");
        given().header("Authorization", Users.ALICE.bearer())
                .contentType(ContentType.JSON)
                .body(Map.of("title", "SDK beta", "changesets", List.of(sdk), "preRelease", "beta"))
                .post("/api/v1/releases")
                .then()
                .statusCode(201)
                .body("preRelease", equalTo("beta"))
                .body("packages.find { it.name == '@neuronx/sdk' }.newVersion", equalTo("1.0.4-beta.0"));
    }

    @Test
    void submitAndCancelFollowTheStateMachineAndAreAudited() {
        String cs = changeset(Users.ALICE, "\"@neuronx/cli\": patch");
        ReleaseView draft = fixtures.draftRelease(Users.ALICE, "CLI fix", cs);

        given().header("Authorization", Users.ALICE.bearer())
                .post("/api/v1/releases/" + draft.id() + "/submit")
                .then()
                .statusCode(200)
                .body("state", equalTo("IN_REVIEW"));

        given().header("Authorization", Users.ALICE.bearer())
                .post("/api/v1/releases/" + draft.id() + "/submit")
                .then()
                .statusCode(409)
                .body("detail", equalTo("A release that is in review cannot be submitted for review."));

        given().header("Authorization", Users.ALICE.bearer())
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "Superseded"))
                .post("/api/v1/releases/" + draft.id() + "/cancel")
                .then()
                .statusCode(200)
                .body("state", equalTo("CANCELLED"))
                .body("stateReason", equalTo("Superseded"));

        given().header("Authorization", Users.CAROL.bearer())
                .get("/api/v1/releases/" + draft.id() + "/history")
                .then()
                .statusCode(200)
                .body("action", hasItem("release.created"))
                .body("action", hasItem("release.submitted"))
                .body("action", hasItem("release.cancelled"))
                .body("find { it.action == 'release.cancelled' }.before.state", equalTo("IN_REVIEW"))
                .body("find { it.action == 'release.cancelled' }.after.state", equalTo("CANCELLED"))
                .body("find { it.action == 'release.cancelled' }.actor", equalTo("alice"));

        // cancelling gives the changesets back
        given().header("Authorization", Users.CAROL.bearer())
                .get("/api/v1/changesets")
                .then()
                .body("id", hasItem(cs));
    }

    @Test
    void anotherAuthorMayNotSubmitOrCancel() {
        String cs = changeset(Users.ALICE, "\"@neuronx/ui\": patch");
        ReleaseView draft = fixtures.draftRelease(Users.ALICE, "UI fix", cs);
        given().header("Authorization", Users.BOB.bearer())
                .post("/api/v1/releases/" + draft.id() + "/submit")
                .then()
                .statusCode(403)
                .body("detail", equalTo("Only the release's author (alice) or a maintainer may do this."));
        given().header("Authorization", Users.BOB.bearer())
                .contentType(ContentType.JSON)
                .body("{}")
                .post("/api/v1/releases/" + draft.id() + "/cancel")
                .then()
                .statusCode(403);
        given().header("Authorization", Users.MAX.bearer())
                .post("/api/v1/releases/" + draft.id() + "/submit")
                .then()
                .statusCode(200);
    }

    @Test
    void reviewersMayNotCreateReleases() {
        given().header("Authorization", Users.CAROL.bearer())
                .contentType(ContentType.JSON)
                .body(Map.of("title", "Nope"))
                .post("/api/v1/releases")
                .then()
                .statusCode(403);
    }

    @Test
    void blankTitleIsRefusedAndNothingIsStored() {
        String cs = changeset(Users.ALICE, "\"@neuronx/core\": patch");
        given().header("Authorization", Users.ALICE.bearer())
                .contentType(ContentType.JSON)
                .body(Map.of("title", " ", "changesets", List.of(cs)))
                .post("/api/v1/releases")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("title"));
        given().header("Authorization", Users.CAROL.bearer())
                .get("/api/v1/changesets")
                .then()
                .body("id", hasItem(cs));
    }

    @Test
    void changesetAlreadyInAReleaseIsAConflict() {
        String cs = changeset(Users.ALICE, "\"@neuronx/core\": patch");
        fixtures.draftRelease(Users.ALICE, "First", cs);
        given().header("Authorization", Users.BOB.bearer())
                .contentType(ContentType.JSON)
                .body(Map.of("title", "Second", "changesets", List.of(cs)))
                .post("/api/v1/releases")
                .then()
                .statusCode(409)
                .body("detail", containsString(cs));
    }

    @Test
    void invalidPreReleaseIsRefused() {
        given().header("Authorization", Users.ALICE.bearer())
                .contentType(ContentType.JSON)
                .body(Map.of("title", "x", "preRelease", "gamma"))
                .post("/api/v1/releases")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("preRelease"));
    }

    @Test
    void listFiltersByStateAndPackageAndPaginates() {
        String ui = changeset(Users.BOB, "\"@neuronx/ui\": minor");
        ReleaseView uiRelease = fixtures.submittedRelease(Users.BOB, "UI only", ui);

        given().header("Authorization", Users.PETE.bearer())
                .queryParam("state", "in-review")
                .queryParam("package", "@neuronx/ui")
                .get("/api/v1/releases")
                .then()
                .statusCode(200)
                .body("items.id", hasItem((int) uiRelease.id()))
                .body("items.state", everyItem(equalTo("IN_REVIEW")));

        given().header("Authorization", Users.PETE.bearer())
                .queryParam("size", 1)
                .get("/api/v1/releases")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("size", equalTo(1));

        given().header("Authorization", Users.PETE.bearer())
                .queryParam("state", "shipped")
                .get("/api/v1/releases")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("state"));
        given().header("Authorization", Users.PETE.bearer())
                .queryParam("size", 1000)
                .get("/api/v1/releases")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("size"));
    }

    @Test
    void unknownReleaseIs404() {
        given().header("Authorization", Users.PETE.bearer())
                .get("/api/v1/releases/999999")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("title", equalTo("Not found"));
    }

    @Test
    void withoutTokenIs401() {
        given().get("/api/v1/releases").then().statusCode(401);
        given().contentType(ContentType.JSON).body("{}").post("/api/v1/releases").then().statusCode(401);
    }
}

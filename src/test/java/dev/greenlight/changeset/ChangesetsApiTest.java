package dev.greenlight.changeset;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
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
class ChangesetsApiTest {
    @Inject
    Fixtures fixtures;
    @Inject
    ChangesetService changesets;

    @BeforeEach
    void workspace() {
        fixtures.neuronxWorkspace();
    }

    @Test
    void ciSubmitsChangesetsMarkdownFiles() {
        given().header("Authorization", Users.CI.bearer())
                .contentType(ContentType.JSON)
                .body(Map.of("files", List.of(
                        Map.of("name", "api-evidence.md",
                                "content", "---\n\"@neuronx/core\": minor\n\"@neuronx/api\": patch\n---\n\nAdd evidence API\n"))))
                .post("/api/v1/changesets")
                .then()
                .statusCode(201)
                .body("[0].id", equalTo("api-evidence"))
                .body("[0].summary", equalTo("Add evidence API"))
                .body("[0].releases.'@neuronx/core'", equalTo("minor"))
                .body("[0].releases.'@neuronx/api'", equalTo("patch"))
                .body("[0].author", equalTo("ci"));

        given().header("Authorization", Users.CAROL.bearer())
                .get("/api/v1/changesets")
                .then()
                .statusCode(200)
                .body("id", hasItem("api-evidence"));
        changesets.remove(Users.MAX.actor(), "api-evidence");
    }

    @Test
    void authorSubmitsChangesetsAsJson() {
        given().header("Authorization", Users.ALICE.bearer())
                .contentType(ContentType.JSON)
                .body(Map.of("changesets", List.of(
                        Map.of("id", "json-one", "summary", "Speed up planning", "releases",
                                Map.of("@neuronx/sdk", "patch")))))
                .post("/api/v1/changesets")
                .then()
                .statusCode(201)
                .body("[0].id", equalTo("json-one"))
                .body("[0].author", equalTo("alice"));
        changesets.remove(Users.ALICE.actor(), "json-one");
    }

    @Test
    void malformedFileIsRefusedWithFileLineAndProblemAndNothingIsStored() {
        given().header("Authorization", Users.ALICE.bearer())
                .contentType(ContentType.JSON)
                .body(Map.of("files", List.of(
                        Map.of("name", "good-one.md", "content", "---\n\"@neuronx/core\": patch\n---\n\nFine\n"),
                        Map.of("name", "bad-one.md", "content", "---\n\"@neuronx/core\": huge\n---\n\nBroken\n"))))
                .post("/api/v1/changesets")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("files[1]"))
                .body("errors[0].message", containsString("bad-one.md:2"))
                .body("errors[0].message", containsString("huge"));

        given().header("Authorization", Users.ALICE.bearer())
                .get("/api/v1/changesets")
                .then()
                .statusCode(200)
                .body("id", not(hasItem("good-one")))
                .body("id", not(hasItem("bad-one")));
    }

    @Test
    void unknownPackageIsRefusedWithItsField() {
        given().header("Authorization", Users.ALICE.bearer())
                .contentType(ContentType.JSON)
                .body(Map.of("changesets", List.of(
                        Map.of("id", "nope", "summary", "x", "releases", Map.of("@neuronx/nope", "minor")))))
                .post("/api/v1/changesets")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("changesets[0].releases.@neuronx/nope"))
                .body("errors[0].message", equalTo("unknown package @neuronx/nope"));
    }

    @Test
    void badBumpTypeInJsonIsRefusedWithItsField() {
        given().header("Authorization", Users.ALICE.bearer())
                .contentType(ContentType.JSON)
                .body(Map.of("changesets", List.of(
                        Map.of("id", "nope", "summary", "x", "releases", Map.of("@neuronx/core", "huge")))))
                .post("/api/v1/changesets")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("changesets[0].releases.@neuronx/core"));
    }

    @Test
    void duplicatePendingNameIsRefused() {
        fixtures.changeset(Users.ALICE, "twice", "\"@neuronx/core\": patch", "First");
        given().header("Authorization", Users.BOB.bearer())
                .contentType(ContentType.JSON)
                .body(Map.of("changesets", List.of(
                        Map.of("id", "twice", "summary", "Second", "releases", Map.of("@neuronx/core", "patch")))))
                .post("/api/v1/changesets")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("changesets[0].id"));
        changesets.remove(Users.ALICE.actor(), "twice");
    }

    @Test
    void reviewersMayNotSubmit() {
        given().header("Authorization", Users.CAROL.bearer())
                .contentType(ContentType.JSON)
                .body(Map.of("changesets", List.of(
                        Map.of("id", "x", "summary", "x", "releases", Map.of("@neuronx/core", "patch")))))
                .post("/api/v1/changesets")
                .then()
                .statusCode(403);
    }

    @Test
    void withoutTokenIs401() {
        given().get("/api/v1/changesets").then().statusCode(401);
    }

    @Test
    void onlyTheAuthorOrAMaintainerRemovesAPendingChangeset() {
        fixtures.changeset(Users.ALICE, "alices", "\"@neuronx/core\": patch", "Mine");
        given().header("Authorization", Users.BOB.bearer()).delete("/api/v1/changesets/alices").then().statusCode(403);
        given().header("Authorization", Users.ALICE.bearer()).delete("/api/v1/changesets/alices").then().statusCode(204);
        given().header("Authorization", Users.ALICE.bearer()).delete("/api/v1/changesets/alices").then().statusCode(404);
    }

    @Test
    void sendingBothFilesAndChangesetsIsRefused() {
        given().header("Authorization", Users.ALICE.bearer())
                .contentType(ContentType.JSON)
                .body(Map.of("files", List.of(), "changesets", List.of()))
                .post("/api/v1/changesets")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("files"));
    }
}

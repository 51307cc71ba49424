package dev.greenlight.changeset;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

import dev.greenlight.common.Limits;
import dev.greenlight.testsupport.Fixtures;
import dev.greenlight.testsupport.Users;

@QuarkusTest
class ChangesetsApiTest {
    @Inject
    Fixtures fixtures;
    @Inject
    ChangesetService changesets;
    @Inject
    DataSource dataSource;

    @BeforeEach
    void workspace() {
        fixtures.neuronxWorkspace();
    }

    @Test
    void ciSubmitsChangesetsMarkdownFilesForTheirHumanAuthor() {
        given().header("Authorization", Users.CI.bearer())
                .contentType(ContentType.JSON)
                .body(Map.of("author", "alice", "files", List.of(
                        Map.of("name", "api-evidence.md",
                                "content", "---\n\"@neuronx/core\": minor\n\"@neuronx/api\": patch\n---\n\nAdd evidence API\n"))))
                .post("/api/v1/changesets")
                .then()
                .statusCode(201)
                .body("[0].id", equalTo("api-evidence"))
                .body("[0].summary", equalTo("Add evidence API"))
                .body("[0].releases.'@neuronx/core'", equalTo("minor"))
                .body("[0].releases.'@neuronx/api'", equalTo("patch"))
                .body("[0].author", equalTo("alice"))
                .body("[0].submittedBy", equalTo("ci"));

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
                .body("[0].author", equalTo("alice"))
                .body("[0].submittedBy", equalTo("alice"));
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

    // --- CI names the human author; segregation of duties applies to them ---

    @ParameterizedTest(name = "author {0}")
    @NullSource
    @ValueSource(strings = { "", "ci", "greenlight", "al ice", "<!channel>", "-alice" })
    void ciMustNameAPersonAsAuthorAndNothingIsStoredOtherwise(String author) {
        Map<String, Object> body = new HashMap<>();
        body.put("author", author);
        body.put("changesets", List.of(Map.of("id", "ci-no-author", "summary", "From CI", "releases",
                Map.of("@neuronx/core", "patch"))));
        given().header("Authorization", Users.CI.bearer())
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/changesets")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("author"));
        assertThat(changesets.pending()).extracting(ChangesetView::id).doesNotContain("ci-no-author");
    }

    @Test
    void ciMustNameTheAuthorOfFilesToo() {
        given().header("Authorization", Users.CI.bearer())
                .contentType(ContentType.JSON)
                .body(Map.of("files", List.of(Map.of("name", "ci-file.md",
                        "content", "---\n\"@neuronx/core\": patch\n---\n\nFrom CI\n"))))
                .post("/api/v1/changesets")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("author"));
        assertThat(changesets.pending()).extracting(ChangesetView::id).doesNotContain("ci-file");
    }

    @Test
    void aPersonMayNotSubmitInSomeoneElsesName() {
        // Rita reviews code: were her changeset recorded as Alice's, she could approve it
        given().header("Authorization", Users.RITA.bearer())
                .contentType(ContentType.JSON)
                .body(Map.of("author", "alice", "changesets", List.of(Map.of("id", "not-alices", "summary",
                        "Rita's change", "releases", Map.of("@neuronx/core", "patch")))))
                .post("/api/v1/changesets")
                .then()
                .statusCode(403);
        assertThat(changesets.pending()).extracting(ChangesetView::id).doesNotContain("not-alices");
    }

    @Test
    void theAuthorCiNamesMayNotApproveTheReleaseHoldingTheirChangeset() {
        given().header("Authorization", Users.CI.bearer())
                .contentType(ContentType.JSON)
                .body(Map.of("author", "rita", "files", List.of(Map.of("name", "ritas-commit.md",
                        "content", "---\n\"@neuronx/cli\": patch\n---\n\nRita's fix\n"))))
                .post("/api/v1/changesets")
                .then()
                .statusCode(201)
                .body("[0].author", equalTo("rita"));
        long release = fixtures.submittedRelease(Users.ALICE, "Holds Rita's commit", "ritas-commit").id();

        given().header("Authorization", Users.RITA.bearer())
                .contentType(ContentType.JSON)
                .body(Map.of("slot", "code", "decision", "approve"))
                .post("/api/v1/releases/" + release + "/approvals")
                .then()
                .statusCode(403)
                .body("detail", containsString("You wrote a changeset in this release"));
        given().header("Authorization", Users.RITA.bearer())
                .get("/api/v1/releases/" + release + "/approvals")
                .then()
                .statusCode(200)
                .body("approvals.flatten()", hasSize(0));
    }

    @Test
    void theAuditRecordsBothTheAuthorAndTheSubmittingClient() throws SQLException {
        given().header("Authorization", Users.CI.bearer())
                .contentType(ContentType.JSON)
                .body(Map.of("author", "bob", "changesets", List.of(Map.of("id", "bobs-commit", "summary",
                        "Bob's change", "releases", Map.of("@neuronx/core", "patch")))))
                .post("/api/v1/changesets")
                .then()
                .statusCode(201);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("select actor, after_state->>'author', "
                        + "after_state->>'submittedBy' from audit_event where action = 'changeset.submitted' "
                        + "and entity_id = 'bobs-commit'");
                ResultSet event = query.executeQuery()) {
            assertThat(event.next()).isTrue();
            assertThat(List.of(event.getString(1), event.getString(2), event.getString(3)))
                    .containsExactly("ci", "bob", "ci");
        }
        // the changeset is its author's: Bob may remove it
        given().header("Authorization", Users.BOB.bearer()).delete("/api/v1/changesets/bobs-commit").then()
                .statusCode(204);
    }

    // --- every size is bounded before anything is parsed ---

    @Test
    void fileAboveTheLimitIsRefusedBeforeItIsParsed() {
        // no front matter either: the size is what is reported, so the file was not parsed
        String content = "x".repeat(Limits.MAX_FILE_BYTES + 1);
        given().header("Authorization", Users.ALICE.bearer())
                .contentType(ContentType.JSON)
                .body(Map.of("files", List.of(Map.of("name", "huge.md", "content", content))))
                .post("/api/v1/changesets")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("files[0].content"))
                .body("errors[0].message", containsString(String.valueOf(Limits.MAX_FILE_BYTES)));
    }

    @Test
    void fileOfMultiByteCharactersIsMeasuredInBytes() {
        String content = "---\n\"@neuronx/core\": patch\n---\n\n" + "é".repeat(Limits.MAX_FILE_BYTES / 2);
        given().header("Authorization", Users.ALICE.bearer())
                .contentType(ContentType.JSON)
                .body(Map.of("files", List.of(Map.of("name", "accents.md", "content", content))))
                .post("/api/v1/changesets")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("files[0].content"));
    }

    @Test
    void tooManyFilesAreRefused() {
        List<Map<String, String>> files = IntStream.rangeClosed(0, Limits.MAX_CHANGESETS)
                .mapToObj(i -> Map.of("name", "many-" + i + ".md", "content", "---\n---\n"))
                .toList();
        given().header("Authorization", Users.ALICE.bearer())
                .contentType(ContentType.JSON)
                .body(Map.of("files", files))
                .post("/api/v1/changesets")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("files"))
                .body("errors[0].message", containsString(String.valueOf(Limits.MAX_CHANGESETS)));
    }

    @Test
    void summaryAboveTheLimitIsRefused() {
        given().header("Authorization", Users.ALICE.bearer())
                .contentType(ContentType.JSON)
                .body(Map.of("changesets", List.of(Map.of("id", "long-summary", "summary",
                        "x".repeat(Limits.MAX_SUMMARY_CHARS + 1), "releases", Map.of("@neuronx/core", "patch")))))
                .post("/api/v1/changesets")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("changesets[0].summary"))
                .body("errors[0].message", containsString(String.valueOf(Limits.MAX_SUMMARY_CHARS)));
    }

    @Test
    void bodyAboveTheLimitIsRefusedBeforeItIsParsed() {
        // malformed JSON: a 413 rather than a 400 shows that nothing was parsed
        String body = "{\"files\": [" + " ".repeat((int) Limits.MAX_BODY_BYTES);
        given().header("Authorization", Users.ALICE.bearer())
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/changesets")
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("body"))
                .body("errors[0].message", containsString(String.valueOf(Limits.MAX_BODY_BYTES)));
    }

    @Test
    void bodySentWithoutALengthIsCutOffAtTheLimit() throws Exception {
        byte[] body = ("{\"changesets\": [], \"padding\": \"" + "x".repeat((int) Limits.MAX_BODY_BYTES) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest
                .newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port
                        + "/api/v1/changesets"))
                .header("Authorization", Users.ALICE.bearer())
                .header("Content-Type", "application/json")
                // a stream of unknown length is sent chunked, without Content-Length
                .POST(HttpRequest.BodyPublishers
                        .ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("\"field\":\"body\"");
    }
}

package dev.greenlight.changeset;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import dev.greenlight.common.Limits;
import dev.greenlight.testsupport.Fixtures;
import dev.greenlight.testsupport.PageSession;
import dev.greenlight.testsupport.Users;

@QuarkusTest
class ChangesetsPagesTest {
    @Inject
    Fixtures fixtures;
    @Inject
    ChangesetService changesets;

    @BeforeEach
    void workspace() {
        fixtures.neuronxWorkspace();
    }

    /** Posts the form as the page's browser does: multipart, with the session's CSRF token. */
    private static ValidatableResponse post(PageSession session, String fileName, String content) {
        return session.request()
                .multiPart("csrf-token", session.csrfToken("/changesets"))
                .multiPart("fileName", fileName)
                .multiPart("content", content)
                .post("/changesets")
                .then();
    }

    @Test
    void reviewerIsRefusedBeforeTheFileIsParsed() {
        // a parse error (400) would show that the file was read first
        post(PageSession.signIn(Users.CAROL), "by-carol.md", "---\n\"@neuronx/core\": enormous\n---\n\nNope\n")
                .statusCode(403);
        assertThat(changesets.pending()).extracting(ChangesetView::id).doesNotContain("by-carol");
    }

    @Test
    void pastedFileAboveTheLimitIsRefusedWithItsFieldAndKept() {
        String content = "---\n\"@neuronx/core\": patch\n---\n\n" + "x".repeat(Limits.MAX_FILE_BYTES);
        post(PageSession.signIn(Users.ALICE), "too-long.md", content)
                .statusCode(400)
                .body(containsString("files[0].content"))
                .body(containsString(String.valueOf(Limits.MAX_FILE_BYTES)))
                // beside the textarea it was pasted into, tied to it for screen readers
                .body(containsString("<p id=\"content-error\" class=\"field-error\">must be at most "
                        + Limits.MAX_FILE_BYTES))
                .body(containsString("aria-invalid=\"true\" aria-describedby=\"content-error content-help\""));
        assertThat(changesets.pending()).extracting(ChangesetView::id).doesNotContain("too-long");
    }

    @Test
    void pastedChangesetWithoutAFileNameShowsTheMessageBesideTheFileName() {
        post(PageSession.signIn(Users.ALICE), " ", "---\n\"@neuronx/core\": patch\n---\n\nUnnamed\n")
                .statusCode(400)
                .body(containsString("<strong>fileName</strong>: name the file"))
                .body(containsString("<p id=\"fileName-error\" class=\"field-error\">name the file, for example"))
                .body(containsString("aria-invalid=\"true\" aria-describedby=\"fileName-error\""))
                .body(containsString("Unnamed"));
    }

    @Test
    void pastedFileThatDoesNotParseShowsTheMessageBesideTheChangeset() {
        post(PageSession.signIn(Users.ALICE), "enormous.md", "---\n\"@neuronx/core\": enormous\n---\n\nNope\n")
                .statusCode(400)
                .body(containsString("<strong>files[0]</strong>"))
                .body(containsString("<p id=\"content-error\" class=\"field-error\">"));
        assertThat(changesets.pending()).extracting(ChangesetView::id).doesNotContain("enormous");
    }

    @Test
    void pastedFileOfSeveralKilobytesIsStored() {
        String content = "---\n\"@neuronx/core\": patch\n---\n\n" + "Long summary. ".repeat(400);
        post(PageSession.signIn(Users.ALICE), "long-paste.md", content).statusCode(303);
        assertThat(changesets.pending()).extracting(ChangesetView::id).contains("long-paste");
        changesets.remove(Users.ALICE.actor(), "long-paste");
    }

    @Test
    void listShowsWhoSubmittedAChangesetForItsAuthor() {
        given().header("Authorization", Users.CI.bearer())
                .contentType(ContentType.JSON)
                .body(Map.of("author", "alice", "changesets", List.of(Map.of("id", "via-ci", "summary",
                        "Submitted by CI", "releases", Map.of("@neuronx/core", "patch")))))
                .post("/api/v1/changesets")
                .then()
                .statusCode(201);
        PageSession.signIn(Users.ALICE)
                .get("/changesets")
                .then()
                .statusCode(200)
                .body(containsString("alice <span class=\"muted\">(submitted by ci)</span>"))
                .body(containsString("aria-label=\"Remove changeset via-ci\""));
        changesets.remove(Users.ALICE.actor(), "via-ci");
    }
}

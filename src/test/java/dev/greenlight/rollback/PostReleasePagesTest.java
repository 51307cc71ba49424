package dev.greenlight.rollback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.greenlight.release.ReleaseView;
import dev.greenlight.testsupport.Fixtures;
import dev.greenlight.testsupport.PageSession;
import dev.greenlight.testsupport.Users;

/** The release page's "Post-release validation" and "Rollback" sections, without JavaScript. */
@QuarkusTest
class PostReleasePagesTest {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    @Inject
    Fixtures fixtures;

    private ReleaseView previous;
    private ReleaseView release;
    private String page;

    @BeforeEach
    void twoPublishedReleases() {
        fixtures.neuronxWorkspace();
        previous = fixtures.publishedRelease(Users.ALICE, "CLI before", changeset());
        release = fixtures.publishedRelease(Users.ALICE, "CLI after", changeset());
        page = "/releases/" + release.id();
    }

    private String changeset() {
        String id = "pages-" + COUNTER.incrementAndGet();
        fixtures.changeset(Users.ALICE, id, "\"@neuronx/cli\": patch", "CLI change " + id);
        return id;
    }

    @Test
    void readersSeeTheChecksButNoForms() {
        PageSession.signIn(Users.CAROL)
                .get(page)
                .then()
                .statusCode(200)
                .body(containsString("Post-release validation"))
                .body(containsString("Smoke tests pass"))
                .body(containsString("less than 5 % slower than the previous release"))
                .body(not(containsString("Record a post-release check")))
                .body(not(containsString("Start rollback")));
    }

    @Test
    void aDraftHasNoPostReleaseSections() {
        ReleaseView draft = fixtures.draftRelease(Users.ALICE, "Draft", changeset());
        PageSession.signIn(Users.MAX)
                .get("/releases/" + draft.id())
                .then()
                .statusCode(200)
                .body(not(containsString("Post-release validation")));
    }

    @Test
    void aFailedCheckPromptsARollbackOrAnIncident() {
        PageSession max = PageSession.signIn(Users.MAX);
        max.submit(page, page + "/checks", Map.of("check", "error-rate", "value", "4.2", "note", "Login errors"))
                .then()
                .statusCode(303);
        max.get(page)
                .then()
                .statusCode(200)
                .body(containsString("A post-release check failed."))
                .body(containsString("href=\"#rollback-title\">Roll back</a>"))
                .body(containsString("File incident"))
                .body(containsString("Login errors"));
    }

    @Test
    void aRefusedCheckComesBackWithItsMessageAndWhatWasTyped() {
        PageSession max = PageSession.signIn(Users.MAX);
        max.submit(page, page + "/checks", Map.of("check", "smoke-tests", "value", "two"))
                .then()
                .statusCode(400)
                .body(containsString("must be a number, not two"))
                .body(containsString("value=\"two\""))
                .body(containsString("<p id=\"check-value-error\" class=\"field-error\">must be a number, not two</p>"))
                .body(containsString("<option value=\"smoke-tests\" selected>"));
    }

    @Test
    void aMaintainerRollsBackAndTicksTheChecklistInOrder() {
        PageSession max = PageSession.signIn(Users.MAX);
        max.get(page).then().body(containsString("Goes back to <code>" + previous.publication().tags().get(0)));
        max.submit(page, page + "/rollbacks", Map.of("reason", " "))
                .then()
                .statusCode(400)
                .body(containsString("say why the release is rolled back"))
                .body(containsString(
                        "<p id=\"rollback-reason-error\" class=\"field-error\">say why the release is rolled back</p>"));
        max.submit(page, page + "/rollbacks", Map.of("reason", "Login loops", "incidentId", "twelve"))
                .then()
                .statusCode(400)
                .body(containsString(
                        "<p id=\"rollback-incident-error\" class=\"field-error\">an incident number, like 12</p>"))
                .body(containsString("Login loops</textarea>"));
        max.submit(page, page + "/rollbacks", Map.of("reason", "Login loops", "incidentId", ""))
                .then()
                .statusCode(303);
        String html = max.get(page).then().statusCode(200).extract().asString();
        assertThat(html)
                .contains("Rolled back")
                .contains("Tick: Identify issue")
                .doesNotContain("Tick: Stop deployment");
        String action = html.replaceAll("(?s).*action=\"(/releases/\\d+/rollbacks/\\d+/steps/)identify-issue\".*",
                "$1");
        max.submit(page, action + "identify-issue", Map.of("outcome", "done", "note", "Login loop"))
                .then()
                .statusCode(303);
        max.get(page)
                .then()
                .body(containsString("done</span> by max"))
                .body(containsString("Tick: Stop deployment"));
        max.submit(page, action + "stop-deployment", Map.of("note", "No outcome"))
                .then()
                .statusCode(400)
                .body(containsString("outcome: is missing; send the form from its page</p>"))
                .body(containsString("No outcome</textarea>"));
        max.submit(page, action + "monitor", Map.of("outcome", "done"))
                .then()
                .statusCode(409)
                .body(containsString("comes first"));
    }
}

package dev.greenlight.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

import dev.greenlight.release.ReleaseView;
import dev.greenlight.testsupport.Fixtures;
import dev.greenlight.testsupport.PageSession;
import dev.greenlight.testsupport.Users;

@QuarkusTest
class PagesTest {
    @Inject
    Fixtures fixtures;

    private static int counter;

    @BeforeEach
    void workspace() {
        fixtures.neuronxWorkspace();
    }

    private String changeset(Users author, String frontMatter) {
        String id = "page-cs-" + (++counter);
        fixtures.changeset(author, id, frontMatter, "Page change " + id);
        return id;
    }

    @Test
    void signedOutVisitorIsSentToTheLoginPage() {
        RestAssured.given()
                .redirects()
                .follow(false)
                .get("/releases")
                .then()
                .statusCode(302)
                .header("Location", containsString("/authorize"));
    }

    @Test
    void everyPageRendersForASignedInUserWithLandmarksAndNoScript() {
        PageSession session = PageSession.signIn(Users.CAROL);
        for (String path : List.of("/", "/releases", "/changesets", "/packages")) {
            session.get(path)
                    .then()
                    .statusCode(200)
                    .contentType(startsWith("text/html"))
                    .body(containsString("<main id=\"main\""))
                    .body(containsString("<nav aria-label=\"Main\">"))
                    .body(containsString("Carol"));
        }
    }

    @Test
    void authorCreatesAndSubmitsAReleaseThroughTheForms() {
        String cs = changeset(Users.ALICE, "\"@neuronx/api\": minor");
        PageSession alice = PageSession.signIn(Users.ALICE);
        var created = alice.submit("/releases/new", "/releases",
                Map.of("title", "API minor", "changeset", List.of(cs), "preRelease", ""));
        created.then().statusCode(303).header("Location", containsString("/releases/"));
        String location = created.header("Location");

        alice.get(location)
                .then()
                .statusCode(200)
                .body(containsString("API minor"))
                .body(containsString("2.2.0"))
                .body(containsString("Release " + location.substring(location.lastIndexOf('/') + 1) + " created."))
                .body(containsString("Submit for review"));

        alice.submit(location, location + "/submit", Map.of())
                .then()
                .statusCode(303);
        alice.get(location).then().body(containsString("In review")).body(not(containsString("Submit for review")));
    }

    @Test
    void releasePageShowsItsHistoryOldestFirstWithWhoAndWhat() {
        String cs = changeset(Users.ALICE, "\"@neuronx/api\": patch");
        PageSession alice = PageSession.signIn(Users.ALICE);
        String location = alice.submit("/releases/new", "/releases",
                Map.of("title", "History", "changeset", List.of(cs), "preRelease", "")).header("Location");
        alice.submit(location, location + "/submit", Map.of()).then().statusCode(303);

        String history = alice.get(location).then().statusCode(200).extract().asString();
        history = history.substring(history.indexOf("id=\"history-title\""));
        assertThat(history).contains("<strong>alice</strong> release.created",
                "<strong>alice</strong> release.submitted");
        assertThat(history.indexOf("release.created")).isLessThan(history.indexOf("release.submitted"));
    }

    @Test
    void invalidFormComesBackWithMessagesAndTypedValues() {
        String cs = changeset(Users.ALICE, "\"@neuronx/core\": patch");
        PageSession alice = PageSession.signIn(Users.ALICE);
        alice.submit("/releases/new", "/releases", Map.of("title", "", "changeset", List.of(cs)))
                .then()
                .statusCode(400)
                .body(containsString("Please correct the following"))
                .body(containsString("title"))
                .body(containsString("value=\"" + cs + "\" checked"))
                .body(containsString("<p id=\"title-error\" class=\"field-error\">must not be blank</p>"));
        alice.submit("/releases/new", "/releases", Map.of("title", "No changesets", "preRelease", "gamma"))
                .then()
                .statusCode(400)
                .body(containsString("value=\"No changesets\""))
                .body(containsString("<p id=\"preRelease-error\" class=\"field-error\">"));
    }

    @Test
    void malformedChangesetIsShownWithItsLineAndTheTextIsKept() {
        PageSession alice = PageSession.signIn(Users.ALICE);
        String broken = "---\n\"@neuronx/core\": enormous\n---\n\nOops\n";
        alice.submit("/changesets", "/changesets", Map.of("fileName", "oops.md", "content", broken))
                .then()
                .statusCode(400)
                .body(containsString("oops.md:2"))
                .body(containsString("enormous"));
    }

    @Test
    void pastedChangesetIsStored() {
        PageSession alice = PageSession.signIn(Users.ALICE);
        alice.submit("/changesets", "/changesets",
                Map.of("fileName", "pasted-one", "content", "---\n\"@neuronx/ui\": patch\n---\n\nFix focus ring\n"))
                .then()
                .statusCode(303);
        alice.get("/changesets").then().body(containsString("pasted-one")).body(containsString("Fix focus ring"));
    }

    /** A form the page accepts with its token, sent without it: refused, and the release is not created. */
    @Test
    void formWithoutCsrfTokenIsRefused() {
        String cs = changeset(Users.ALICE, "\"@neuronx/api\": patch");
        PageSession alice = PageSession.signIn(Users.ALICE);
        alice.request()
                .contentType("application/x-www-form-urlencoded")
                .formParam("title", "No token")
                .formParam("changeset", cs)
                .formParam("preRelease", "")
                .post("/releases")
                .then()
                .statusCode(400);
        alice.get("/releases").then().statusCode(200).body(not(containsString("No token")));

        alice.submit("/releases/new", "/releases", Map.of("title", "With token", "changeset", List.of(cs),
                "preRelease", ""))
                .then()
                .statusCode(303);
    }

    @Test
    void anotherAuthorSeesAFriendly403WhenSubmitting() {
        String cs = changeset(Users.ALICE, "\"@neuronx/cli\": patch");
        ReleaseView draft = fixtures.draftRelease(Users.ALICE, "Not yours", cs);
        PageSession bob = PageSession.signIn(Users.BOB);
        bob.get("/releases/" + draft.id()).then().body(not(containsString("Submit for review")));
        bob.submit("/releases/" + draft.id(), "/releases/" + draft.id() + "/submit", Map.of())
                .then()
                .statusCode(403)
                .contentType(startsWith("text/html"))
                .body(containsString("Only the release&#39;s author (alice) or a maintainer may do this."));
    }

    @Test
    void unknownReleaseIsAFriendly404WithoutStackTrace() {
        PageSession carol = PageSession.signIn(Users.CAROL);
        carol.get("/releases/987654")
                .then()
                .statusCode(404)
                .body(containsString("Release 987654 does not exist"))
                .body(not(containsString("Exception")))
                .body(not(containsString("at dev.greenlight")));
        carol.get("/no/such/page").then().statusCode(404).body(containsString("Not found"));
    }

    @Test
    void illegalTransitionIsAFriendly409() {
        String cs = changeset(Users.ALICE, "\"@neuronx/sdk\": patch");
        ReleaseView draft = fixtures.submittedRelease(Users.ALICE, "Twice", cs);
        PageSession alice = PageSession.signIn(Users.ALICE);
        alice.submit("/releases/" + draft.id(), "/releases/" + draft.id() + "/submit", Map.of())
                .then()
                .statusCode(409)
                .body(containsString("cannot be submitted for review"));
    }

    @Test
    void releaseListFiltersAndServesAnHtmxFragment() {
        String cs = changeset(Users.BOB, "\"@neuronx/ui\": patch");
        fixtures.draftRelease(Users.BOB, "Filtered UI", cs);
        PageSession carol = PageSession.signIn(Users.CAROL);
        carol.request()
                .queryParam("state", "DRAFT")
                .queryParam("package", "@neuronx/ui")
                .get("/releases")
                .then()
                .statusCode(200)
                .body(containsString("Filtered UI"))
                .body(containsString("<form class=\"filters\""));
        carol.request()
                .header("HX-Request", "true")
                .header("HX-Target", "release-table")
                .get("/releases?state=DRAFT")
                .then()
                .statusCode(200)
                .body(containsString("<div id=\"release-table\""))
                .body(not(containsString("<html")));
    }

    @Test
    void securityHeadersAreSet() {
        PageSession carol = PageSession.signIn(Users.CAROL);
        carol.get("/releases")
                .then()
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "same-origin");
    }

    @Test
    void signOutEndsTheSession() {
        PageSession carol = PageSession.signIn(Users.CAROL);
        carol.get("/").then().statusCode(200);
        carol.submit("/", "/logout", Map.of()).then().statusCode(302);
        carol.get("/").then().statusCode(302).header("Location", containsString("/authorize"));
    }
    @Test
    void reviewerApprovesOnThePageAndTheCreatorIsToldWhoMayInstead() {
        String cs = changeset(Users.ALICE, "\"@neuronx/core\": patch");
        ReleaseView release = fixtures.submittedRelease(Users.RITA, "Rita's release", cs);
        String path = "/releases/" + release.id();

        PageSession rita = PageSession.signIn(Users.RITA);
        rita.get(path)
                .then()
                .statusCode(200)
                .body(containsString("You created this release: another code reviewer must review it."))
                .body(not(containsString("Approve code")));
        rita.submit(path, path + "/reviews", Map.of("slot", "code", "decision", "approve"))
                .then()
                .statusCode(403)
                .body(containsString("You created this release"));

        PageSession carol = PageSession.signIn(Users.CAROL);
        carol.submit(path, path + "/reviews", Map.of("slot", "code", "decision", "approve", "comment", "Fine"))
                .then()
                .statusCode(303);
        carol.get(path).then().body(containsString("Your code approval is recorded.")).body(containsString("Fine"));
        carol.get("/reviews").then().statusCode(200).body(not(containsString("Rita&#39;s release")));
    }

    @Test
    void rejectingWithoutAReasonComesBackWithTheMessage() {
        String cs = changeset(Users.ALICE, "\"@neuronx/core\": patch");
        ReleaseView release = fixtures.submittedRelease(Users.ALICE, "Needs a reason", cs);
        String path = "/releases/" + release.id();
        PageSession sam = PageSession.signIn(Users.SAM);
        sam.submit(path, path + "/reviews", Map.of("slot", "security", "decision", "reject", "comment", ""))
                .then()
                .statusCode(400)
                .body(containsString("say why the release is rejected"))
                .body(containsString("aria-invalid=\"true\" aria-describedby=\"comment-security-error\""))
                .body(containsString(
                        "<p id=\"comment-security-error\" class=\"field-error\">say why the release is rejected</p>"));
    }

    @Test
    void policyPageShowsTheConfiguredRules() {
        PageSession.signIn(Users.PETE)
                .get("/policy")
                .then()
                .statusCode(200)
                .body(containsString("Code review"))
                .body(containsString("Coverage: at least 85.0 %"));
    }
}

package dev.greenlight.gate;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.greenlight.testsupport.Fixtures;
import dev.greenlight.testsupport.PageSession;
import dev.greenlight.testsupport.Users;

/** The release page's "Quality gates" section and its form, without JavaScript. */
@QuarkusTest
class GatePagesTest {
    @Inject
    Fixtures fixtures;

    private String page;

    @BeforeEach
    void aReleaseInReview() {
        fixtures.neuronxWorkspace();
        String id = "gate-pages-" + System.nanoTime();
        fixtures.changeset(Users.ALICE, id, "\"@neuronx/core\": patch", "Gate pages");
        page = "/releases/" + fixtures.submittedRelease(Users.ALICE, "Gate pages", id).id();
    }

    @Test
    void aMaintainerRecordsAGateResultFromTheReleasePage() {
        PageSession max = PageSession.signIn(Users.MAX);
        max.submit(page, page + "/gates", Map.of("gate", "coverage", "value", "91.5", "url", "https://ci.example/9",
                "note", "nightly")).then().statusCode(303);
        max.get(page)
                .then()
                .statusCode(200)
                .body(containsString("Quality gates"))
                .body(containsString("91.5"))
                .body(containsString("nightly"));
    }

    @Test
    void aRefusedGateFormComesBackOpenWithEachMessageBesideItsField() {
        PageSession max = PageSession.signIn(Users.MAX);
        max.submit(page, page + "/gates", Map.of("gate", "coverage", "value", "lots", "url", "", "note", "n"))
                .then()
                .statusCode(400)
                .body(containsString("<p id=\"value-error\" class=\"field-error\">must be a number, not lots</p>"))
                .body(containsString("value=\"lots\""))
                .body(containsString("<option value=\"coverage\" selected>"))
                .body(containsString("<details class=\"confirm\" open>"));
        max.submit(page, page + "/gates", Map.of("gate", "coverage", "value", "90", "url", "ftp://ci.example/9",
                "note", ""))
                .then()
                .statusCode(400)
                .body(containsString("<p id=\"url-error\" class=\"field-error\">must be an absolute"));
        max.submit(page, page + "/gates", Map.of("gate", "evidence", "value", "", "url", "", "note", ""))
                .then()
                .statusCode(400)
                .body(containsString("<p id=\"file-error\" class=\"field-error\">attach a link or a file</p>"));
        max.submit(page, page + "/gates", Map.of("gate", "coverage", "value", "90", "url", "",
                "note", "x".repeat(2001)))
                .then()
                .statusCode(400)
                .body(containsString("<p id=\"note-error\" class=\"field-error\">must be at most 2000 characters</p>"));
    }

    @Test
    void aPostWithoutTheGateFieldIsRefusedNamingIt() {
        PageSession.signIn(Users.MAX)
                .submit(page, page + "/gates", Map.of("value", "90"))
                .then()
                .statusCode(400)
                .body(containsString("<strong>gate</strong>: is missing; send the form from its page"));
    }

    @Test
    void readersSeeTheGatesButNoForm() {
        PageSession.signIn(Users.CAROL)
                .get(page)
                .then()
                .statusCode(200)
                .body(containsString("Quality gates"))
                .body(not(containsString("Record a gate result")));
    }
}

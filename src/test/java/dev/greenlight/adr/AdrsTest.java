package dev.greenlight.adr;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import dev.greenlight.audit.AuditEvent;
import dev.greenlight.testsupport.Fixtures;
import dev.greenlight.testsupport.PageSession;
import dev.greenlight.testsupport.Users;

@QuarkusTest
class AdrsTest {
    @Inject
    Fixtures fixtures;

    private static int counter;
    private long release;

    @BeforeEach
    void aDraftRelease() {
        fixtures.neuronxWorkspace();
        String cs = "adr-cs-" + (++counter);
        fixtures.changeset(Users.ALICE, cs, "\"@neuronx/core\": minor", "Event sourcing for billing");
        release = fixtures.draftRelease(Users.ALICE, "With decisions", cs).id();
    }

    private io.restassured.response.Response post(Users user, String body) {
        return given().header("Authorization", user.bearer())
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/releases/" + release + "/adrs");
    }

    @Test
    void theAuthorAddsAReferenceThatIsListedAndAudited() {
        post(Users.ALICE, "{\"title\":\"ADR-0042 Event sourcing\",\"url\":\"https://adr.neuronx.dev/0042\"}").then()
                .statusCode(201)
                .body("title", equalTo("ADR-0042 Event sourcing"))
                .body("addedBy", equalTo("alice"));
        post(Users.MAX, "{\"title\":\"ADR-0043 Outbox\",\"url\":\"http://adr.neuronx.dev/0043\"}").then()
                .statusCode(201);
        given().header("Authorization", Users.PETE.bearer())
                .get("/api/v1/releases/" + release + "/adrs")
                .then()
                .statusCode(200)
                .body("$", hasSize(2))
                .body("[0].url", equalTo("https://adr.neuronx.dev/0042"))
                .body("[1].addedBy", equalTo("max"));
        AuditEvent added = AuditEvent.find("action = ?1 and releaseId = ?2 order by id", "adr.added", release)
                .firstResult();
        assertThat(added.after).containsEntry("url", "https://adr.neuronx.dev/0042");
        // exported with the audit log
        given().header("Authorization", Users.PETE.bearer())
                .queryParam("format", "csv")
                .get("/api/v1/audit/export")
                .then()
                .body(containsString("adr.added"))
                .body(containsString("https://adr.neuronx.dev/0042"));
    }

    @Test
    void onlyTheReleasesAuthorOrAMaintainerMayAdd() {
        post(Users.BOB, "{\"title\":\"ADR-1\",\"url\":\"https://adr.neuronx.dev/1\"}").then()
                .statusCode(403)
                .body("detail", containsString("alice"));
        post(Users.CAROL, "{\"title\":\"ADR-1\",\"url\":\"https://adr.neuronx.dev/1\"}").then().statusCode(403);
        given().header("Authorization", Users.ALICE.bearer())
                .contentType(ContentType.JSON)
                .body("{\"title\":\"ADR-1\",\"url\":\"https://adr.neuronx.dev/1\"}")
                .post("/api/v1/releases/999999/adrs")
                .then()
                .statusCode(404);
    }

    @Test
    void onlyHttpLinksWithATitleAreAccepted() {
        for (String url : new String[]{"javascript:alert(1)", "ftp://adr.neuronx.dev/1", "adr-1", ""}) {
            post(Users.ALICE, "{\"title\":\"ADR-1\",\"url\":\"" + url + "\"}").then()
                    .statusCode(400)
                    .body("errors[0].field", equalTo("url"));
        }
        post(Users.ALICE, "{\"title\":\" \",\"url\":\"https://adr.neuronx.dev/1\"}").then()
                .statusCode(400)
                .body("errors[0].field", equalTo("title"));
        assertThat(AuditEvent.count("action", "adr.added")).isZero();
    }

    @Test
    void theReleasePageShowsReferencesAndTheFormAddsThem() {
        PageSession alice = PageSession.signIn(Users.ALICE);
        alice.get("/releases/" + release)
                .then()
                .statusCode(200)
                .body(containsString("ADR references"))
                .body(containsString("/releases/" + release + "/adrs/new"));
        alice.submit("/releases/" + release + "/adrs/new", "/releases/" + release + "/adrs",
                Map.of("title", "", "url", "javascript:alert(1)"))
                .then()
                .statusCode(400)
                .body(containsString("must be an http or https link"))
                .body(containsString("javascript:alert(1)"))
                // each message beside its field, tied to it for screen readers
                .body(containsString("aria-describedby=\"url-error url-help\""))
                .body(containsString("<p id=\"url-error\" class=\"field-error\">must be an http or https link"))
                .body(containsString("<p id=\"title-error\" class=\"field-error\">must not be blank</p>"));
        alice.submit("/releases/" + release + "/adrs/new", "/releases/" + release + "/adrs",
                Map.of("title", "ADR-0042 Event sourcing", "url", "https://adr.neuronx.dev/0042"))
                .then()
                .statusCode(303);
        alice.get("/releases/" + release)
                .then()
                .body(containsString("href=\"https://adr.neuronx.dev/0042\""))
                .body(containsString("ADR-0042 Event sourcing"));
        // someone who may not add sees the references, not the button
        PageSession.signIn(Users.CAROL)
                .get("/releases/" + release)
                .then()
                .body(containsString("ADR-0042 Event sourcing"))
                .body(not(containsString("/adrs/new")));
    }
}

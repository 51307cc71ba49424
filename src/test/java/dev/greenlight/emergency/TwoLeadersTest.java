package dev.greenlight.emergency;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import dev.greenlight.testsupport.Fixtures;
import dev.greenlight.testsupport.Users;

/** The number of leader approvals is policy: with two, the first approval alone bypasses nothing. */
@QuarkusTest
@TestProfile(TwoLeadersTest.TwoLeaders.class)
class TwoLeadersTest {

    public static class TwoLeaders implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("greenlight.policy.emergency.leader-approvals", "2");
        }
    }

    @Inject
    Fixtures fixtures;

    private static ValidatableResponse post(Users who, String path, Object body) {
        return given().header("Authorization", who.bearer())
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1" + path)
                .then();
    }

    @Test
    void twoDifferentLeadersMustApprove() {
        fixtures.neuronxWorkspace();
        fixtures.changeset(Users.ALICE, "two-leaders", "\"@neuronx/core\": patch", "Fix the outage");
        long id = post(Users.ALICE, "/emergencies", Map.of("title", "Hotfix", "changesets", List.of("two-leaders"),
                "criterion", "DATA_LOSS_PREVENTION", "justification", "Writes are corrupting rows",
                "affectedServices", "core", "risk", "Low",
                "incident", Map.of("title", "Corrupt rows", "severity", "SEV2", "report", "Known cause")))
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        post(Users.PETE, "/emergencies/" + id + "/assess", Map.of("reason", "Confirmed data loss")).statusCode(200);
        Map<String, Object> approval = Map.of("bypasses",
                List.of(Map.of("requirement", "slot:product", "reason", "No product decision")));
        post(Users.LEAH, "/emergencies/" + id + "/approve", approval).statusCode(200)
                .body("state", equalTo("ASSESSED"))
                .body("approvals", hasSize(1))
                .body("bypasses", hasSize(0));
        post(Users.LEAH, "/emergencies/" + id + "/approve", approval).statusCode(409)
                .body("detail", containsString("another engineering leader"));
        post(Users.LARS, "/emergencies/" + id + "/approve", Map.of()).statusCode(200)
                .body("state", equalTo("APPROVED"))
                .body("approvals", hasSize(2))
                .body("bypasses[0].requirement", equalTo("slot:product"))
                .body("bypasses[0].waivedBy", equalTo("leah"));
    }

    @Test
    void anApprovalGivenBeforeTheChangesetsChangedNoLongerCounts() {
        fixtures.neuronxWorkspace();
        fixtures.changeset(Users.ALICE, "two-leaders-first", "\"@neuronx/core\": patch", "Fix the outage");
        fixtures.changeset(Users.BOB, "two-leaders-late", "\"@neuronx/api\": patch", "Unreviewed extra");
        long id = post(Users.ALICE, "/emergencies", Map.of("title", "Hotfix", "changesets",
                List.of("two-leaders-first"), "criterion", "SERVICE_OUTAGE", "justification", "API down",
                "affectedServices", "core", "risk", "Low",
                "incident", Map.of("title", "API down", "severity", "SEV1", "report", "Known cause")))
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        long release = given().header("Authorization", Users.CAROL.bearer())
                .get("/api/v1/emergencies/" + id)
                .then()
                .extract()
                .jsonPath()
                .getLong("releaseId");
        post(Users.PETE, "/emergencies/" + id + "/assess", Map.of("reason", "Confirmed outage")).statusCode(200);
        Map<String, Object> approval = Map.of("bypasses",
                List.of(Map.of("requirement", "slot:code", "reason", "Pair-reviewed")));
        post(Users.LEAH, "/emergencies/" + id + "/approve", approval).statusCode(200)
                .body("state", equalTo("ASSESSED"));
        post(Users.ALICE, "/releases/" + release + "/changesets", Map.of("changesets", List.of("two-leaders-late")))
                .statusCode(200);
        // Leah saw other changesets: Lars's approval is the first for these
        post(Users.LARS, "/emergencies/" + id + "/approve", approval).statusCode(200)
                .body("state", equalTo("ASSESSED"))
                .body("bypasses", hasSize(0));
        post(Users.LEAH, "/emergencies/" + id + "/approve", approval).statusCode(200)
                .body("state", equalTo("APPROVED"))
                .body("bypasses", hasSize(1));
    }
}

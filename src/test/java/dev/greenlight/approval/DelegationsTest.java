package dev.greenlight.approval;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import dev.greenlight.testsupport.Fixtures;
import dev.greenlight.testsupport.PageSession;
import dev.greenlight.testsupport.Users;

import javax.sql.DataSource;

@QuarkusTest
class DelegationsTest {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final String PAGE = "/reviews/delegations";
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @Inject
    Fixtures fixtures;
    @Inject
    DataSource db;

    @BeforeEach
    void everyoneSignedInOnce() {
        fixtures.neuronxWorkspace();
        for (Users known : List.of(Users.CARL, Users.RITA, Users.SAM, Users.VICTOR)) {
            PageSession.signIn(known).get("/").then().statusCode(200);
        }
    }

    private static Map<String, Object> form(String role, String delegate, LocalDate start, LocalDate end) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("role", role);
        form.put("delegate", delegate);
        form.put("startsOn", start.toString());
        form.put("endsOn", end.toString());
        form.put("reason", "Holiday");
        return form;
    }

    private static Response delegate(Users who, Map<String, Object> form) {
        return PageSession.signIn(who).submit("/", PAGE, form);
    }

    private long inReviewWithChangesetBy(Users author) {
        String id = "deleg-" + COUNTER.incrementAndGet();
        fixtures.changeset(author, id, "\"@neuronx/cli\": minor", "Add " + id);
        return fixtures.submittedRelease(author, "Delegation " + id, id).id();
    }

    private List<String> rows(String sql, Object... params) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(r.getString(1));
                }
            }
        }
        return rows;
    }

    @Test
    void aReviewerDelegatesTheStandInApprovesOnTheirBehalfAndTheDelegationIsRevoked() throws SQLException {
        delegate(Users.CAROL, form("code-reviewer", "victor", TODAY, TODAY.plusDays(6))).then().statusCode(303);
        PageSession.signIn(Users.VICTOR)
                .get(PAGE)
                .then()
                .statusCode(200)
                .body(containsString("<td>carol</td>"))
                .body(containsString("victor (you)"))
                .body(containsString(TODAY + " to " + TODAY.plusDays(6)));
        long release = inReviewWithChangesetBy(Users.ALICE);

        given().header("Authorization", Users.VICTOR.bearer())
                .contentType(ContentType.JSON)
                .body(Map.of("slot", "code", "decision", "approve"))
                .post("/api/v1/releases/" + release + "/approvals")
                .then()
                .statusCode(201);

        assertThat(rows("select on_behalf_of from approval where release_id = ? and approver = 'victor'", release))
                .containsExactly("carol");
        PageSession.signIn(Users.MAX)
                .get("/releases/" + release)
                .then()
                .body(containsString("<strong>victor</strong> <span class=\"muted\">for carol</span>"));
        given().header("Authorization", Users.MAX.bearer())
                .get("/api/v1/releases/" + release + "/approvals")
                .then()
                .body("find { it.requirement.slot == 'code' }.approvals[0].onBehalfOf", equalTo("carol"));
        assertThat(rows("select after_state->>'onBehalfOf' from audit_event where release_id = ? and action = "
                + "'approval.approved'", release)).containsExactly("carol");
        String id = rows("select id::text from review_delegation where delegator = 'carol' and revoked_at is null")
                .get(0);
        assertThat(rows("select after_state->>'delegate' from audit_event where action = 'delegation.created' "
                + "and entity_id = ?", id)).containsExactly("victor");

        PageSession.signIn(Users.VICTOR).submit("/", PAGE + "/" + id + "/revoke", Map.of()).then().statusCode(403);
        PageSession.signIn(Users.CAROL).submit(PAGE, PAGE + "/" + id + "/revoke", Map.of()).then().statusCode(303);

        assertThat(rows("select after_state->>'revokedBy' from audit_event where action = 'delegation.revoked' "
                + "and entity_id = ?", id)).containsExactly("carol");
        PageSession.signIn(Users.VICTOR).get(PAGE).then().body(not(containsString("<td>carol</td>")));
    }

    @Test
    void aStandInRecordsNoDelegatorWhomSegregationExcludesAndIsRefusedOnTheirOwnRelease() throws SQLException {
        delegate(Users.RITA, form("code-reviewer", "carl", TODAY, TODAY)).then().statusCode(303);
        long ritas = inReviewWithChangesetBy(Users.RITA);
        given().header("Authorization", Users.CARL.bearer())
                .contentType(ContentType.JSON)
                .body(Map.of("slot", "code", "decision", "approve"))
                .post("/api/v1/releases/" + ritas + "/approvals")
                .then()
                .statusCode(201);
        assertThat(rows("select coalesce(on_behalf_of, 'own name') from approval where release_id = ?", ritas))
                .as("Rita wrote a changeset in it: Carl reviews in his own name only")
                .containsExactly("own name");

        delegate(Users.CARL, form("code-reviewer", "rita", TODAY.plusDays(10), TODAY.plusDays(12)))
                .then()
                .statusCode(303);
        long ritasOther = inReviewWithChangesetBy(Users.RITA);
        given().header("Authorization", Users.RITA.bearer())
                .contentType(ContentType.JSON)
                .body(Map.of("slot", "code", "decision", "approve"))
                .post("/api/v1/releases/" + ritasOther + "/approvals")
                .then()
                .statusCode(403)
                .body("detail", containsString("You created this release"));
    }

    @Test
    void delegatingIsRefusedToUnknownPeopleOtherRolesOverlapsBadDatesAndNonReviewers() {
        delegate(Users.CAROL, form("code-reviewer", "nobody-here", TODAY, TODAY)).then()
                .statusCode(403)
                .body(containsString("Greenlight knows nobody called nobody-here"));
        delegate(Users.CAROL, form("code-reviewer", "sam", TODAY, TODAY)).then()
                .statusCode(403)
                .body(containsString("sam is not a code reviewer"));
        delegate(Users.CAROL, form("security-reviewer", "sam", TODAY, TODAY)).then()
                .statusCode(403)
                .body(containsString("Only a security reviewer may delegate"));
        delegate(Users.CAROL, form("code-reviewer", "carol", TODAY, TODAY)).then().statusCode(403);
        delegate(Users.ALICE, form("code-reviewer", "carl", TODAY, TODAY)).then().statusCode(403);

        delegate(Users.VICTOR, form("code-reviewer", "carl", TODAY.plusDays(20), TODAY.plusDays(25)))
                .then()
                .statusCode(303);
        delegate(Users.VICTOR, form("code-reviewer", "rita", TODAY.plusDays(25), TODAY.plusDays(30)))
                .then()
                .statusCode(409)
                .body(containsString("You already delegated your code reviewer reviews to carl"));
        delegate(Users.VICTOR, form("code-reviewer", "rita", TODAY.plusDays(26), TODAY.plusDays(30)))
                .then()
                .statusCode(303);

        Map<String, Object> backwards = form("code-reviewer", "carl", TODAY.plusDays(5), TODAY.plusDays(4));
        delegate(Users.CAROL, backwards).then()
                .statusCode(400)
                .body(containsString("must not be before the first day"))
                .body(containsString("value=\"carl\""));
        Map<String, Object> garbled = form("code-reviewer", "carl", TODAY, TODAY);
        garbled.put("startsOn", "next week");
        delegate(Users.CAROL, garbled).then()
                .statusCode(400)
                .body(containsString("must be a date like 2026-12-24"));
        Map<String, Object> missing = form("code-reviewer", "carl", TODAY, TODAY);
        missing.remove("endsOn");
        delegate(Users.CAROL, missing).then().statusCode(400).body(containsString("is missing"));
        delegate(Users.CAROL, form("code-reviewer", "carl", TODAY, TODAY.plusDays(92))).then()
                .statusCode(400)
                .body(containsString("at most 92 days"));
    }
}

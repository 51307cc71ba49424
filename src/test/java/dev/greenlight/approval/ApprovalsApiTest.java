package dev.greenlight.approval;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;

import dev.greenlight.release.ReleaseView;
import dev.greenlight.testsupport.Fixtures;
import dev.greenlight.testsupport.Users;

import javax.sql.DataSource;

@QuarkusTest
class ApprovalsApiTest {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    @Inject
    Fixtures fixtures;
    @Inject
    DataSource dataSource;
    @Inject
    ApprovalService approvals;
    @Inject
    ReviewQueue queue;

    @BeforeEach
    void workspace() {
        fixtures.neuronxWorkspace();
    }

    private String changeset(Users author, String bump) {
        String id = "appr-" + COUNTER.incrementAndGet();
        fixtures.changeset(author, id, "\"@neuronx/cli\": " + bump, "Change " + id);
        return id;
    }

    private ReleaseView inReview(Users author) {
        return fixtures.submittedRelease(author, "Review me", changeset(author, "patch"));
    }

    private static ValidatableResponse decide(Users who, long release, String slot, String decision, String comment) {
        return given().header("Authorization", who.bearer())
                .contentType(ContentType.JSON)
                .body(comment == null
                        ? Map.of("slot", slot, "decision", decision)
                        : Map.of("slot", slot, "decision", decision, "comment", comment))
                .post("/api/v1/releases/" + release + "/approvals")
                .then();
    }

    private static String read(String path) {
        return given().header("Authorization", Users.PETE.bearer())
                .get(path)
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    /** Everything a refused request could have changed: the release, its review slots, its history. */
    private static String record(long release) {
        return read("/api/v1/releases/" + release) + read("/api/v1/releases/" + release + "/approvals")
                + read("/api/v1/releases/" + release + "/history");
    }

    private static void assertUnchanged(long release, String before, String refusal) {
        assertThat(record(release)).as("the record after " + refusal).isEqualTo(before);
    }

    private static String state(long release) {
        return given().header("Authorization", Users.PETE.bearer())
                .get("/api/v1/releases/" + release)
                .then()
                .statusCode(200)
                .extract()
                .path("release.state");
    }

    @Test
    void authorCreatesReviewersApproveCiReportsGatesMaintainerPublishes() {
        ReleaseView release = inReview(Users.ALICE);
        long id = release.id();
        decide(Users.CAROL, id, "code", "approve", "LGTM").statusCode(201).body("approver", equalTo("carol"));
        decide(Users.SAM, id, "security", "approve", null).statusCode(201);
        decide(Users.PAULA, id, "product", "approve", "Ship it").statusCode(201);
        // every slot filled, but no gate reported yet: still in review
        assertEquals("IN_REVIEW", state(id));

        fixtures.passAllGates(id);
        assertEquals("APPROVED", state(id));

        given().header("Authorization", Users.MAX.bearer())
                .post("/api/v1/releases/" + id + "/publish")
                .then()
                .statusCode(200)
                .body("state", equalTo("PUBLISHED"))
                .body("publication.publishedBy", equalTo("max"))
                .body("publication.tags", hasItem("@neuronx/cli@0.9.2"));

        given().header("Authorization", Users.PETE.bearer())
                .get("/api/v1/packages")
                .then()
                .body("find { it.name == '@neuronx/cli' }.version", equalTo("0.9.2"));

        given().header("Authorization", Users.CI.bearer())
                .contentType(ContentType.JSON)
                .body(Map.of("mergedAt", "2026-11-27T10:00:00Z", "deployedAt", "2026-11-27T10:12:00Z"))
                .post("/api/v1/releases/" + id + "/deployment")
                .then()
                .statusCode(200)
                .body("publication.deployedAt", equalTo("2026-11-27T10:12:00Z"));
    }

    // --- segregation of duties and roles: every refusal changes nothing ---

    @Test
    void creatorMayNotReviewTheirOwnRelease() {
        ReleaseView release = inReview(Users.RITA);
        String before = record(release.id());
        decide(Users.RITA, release.id(), "code", "approve", null)
                .statusCode(403)
                .body("detail", containsString("You created this release"));
        assertUnchanged(release.id(), before, "the creator's approval");
    }

    @Test
    void changesetAuthorMayNotReviewTheReleaseHoldingIt() {
        String ritas = changeset(Users.RITA, "patch");
        ReleaseView release = fixtures.submittedRelease(Users.ALICE, "Holds Rita's work", ritas);
        String before = record(release.id());
        decide(Users.RITA, release.id(), "code", "approve", null)
                .statusCode(403)
                .body("detail", containsString("You wrote a changeset in this release"));
        assertUnchanged(release.id(), before, "the changeset author's approval");
    }

    @Test
    void onePersonFillsAtMostOneSlot() {
        ReleaseView release = inReview(Users.ALICE);
        decide(Users.VICTOR, release.id(), "code", "approve", null).statusCode(201);
        String before = record(release.id());
        decide(Users.VICTOR, release.id(), "security", "approve", null)
                .statusCode(403)
                .body("detail", containsString("one person fills at most one slot"));
        assertUnchanged(release.id(), before, "a second slot for one person");
    }

    @Test
    void onlyTheSlotsRoleMayFillIt() {
        ReleaseView release = inReview(Users.ALICE);
        String before = record(release.id());
        decide(Users.CAROL, release.id(), "security", "approve", null)
                .statusCode(403)
                .body("detail", containsString("Only security reviewers"));
        assertUnchanged(release.id(), before, "a code reviewer in the security slot");
        decide(Users.SAM, release.id(), "product", "approve", null).statusCode(403);
        assertUnchanged(release.id(), before, "a security reviewer in the product slot");
    }

    @Test
    void authorsMaintainersLeadersAndCiMayNotApprove() {
        ReleaseView release = inReview(Users.ALICE);
        String before = record(release.id());
        for (Users who : List.of(Users.BOB, Users.MAX, Users.LEAH, Users.CI, Users.ADA, Users.SEAN)) {
            decide(who, release.id(), "code", "approve", null).statusCode(403);
            assertUnchanged(release.id(), before, who.username + "'s approval");
        }
        given().header("Authorization", Users.PETE.bearer())
                .get("/api/v1/releases/" + release.id() + "/approvals")
                .then()
                .body("approvals.flatten()", hasSize(0));
    }

    @Test
    void draftIsNotOpenForReview() {
        ReleaseView draft = fixtures.draftRelease(Users.ALICE, "Draft", changeset(Users.ALICE, "patch"));
        String before = record(draft.id());
        decide(Users.CAROL, draft.id(), "code", "approve", null)
                .statusCode(409)
                .body("detail", containsString("in review"));
        assertUnchanged(draft.id(), before, "an approval of a draft");
    }

    @Test
    void cancelledReleaseIsNotOpenForReview() {
        ReleaseView release = inReview(Users.ALICE);
        given().header("Authorization", Users.ALICE.bearer())
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "Withdrawn"))
                .post("/api/v1/releases/" + release.id() + "/cancel")
                .then()
                .statusCode(200);
        String before = record(release.id());
        decide(Users.CAROL, release.id(), "code", "approve", null).statusCode(409);
        assertUnchanged(release.id(), before, "an approval of a cancelled release");
    }

    @Test
    void unknownSlotIsBadInput() {
        ReleaseView release = inReview(Users.ALICE);
        String before = record(release.id());
        decide(Users.CAROL, release.id(), "legal", "approve", null)
                .statusCode(400)
                .body("errors[0].field", equalTo("slot"));
        assertUnchanged(release.id(), before, "an unknown slot");
    }

    @Test
    void unknownDecisionIsBadInput() {
        ReleaseView release = inReview(Users.ALICE);
        String before = record(release.id());
        decide(Users.CAROL, release.id(), "code", "maybe", null)
                .statusCode(400)
                .body("errors[0].field", equalTo("decision"));
        assertUnchanged(release.id(), before, "an unknown decision");
    }

    @Test
    void rejectionNeedsAReason() {
        ReleaseView release = inReview(Users.ALICE);
        String before = record(release.id());
        decide(Users.CAROL, release.id(), "code", "reject", " ")
                .statusCode(400)
                .body("errors[0].field", equalTo("comment"));
        assertEquals("IN_REVIEW", state(release.id()));
        assertUnchanged(release.id(), before, "a rejection without a reason");
    }

    @Test
    void authorMayNotPublishAndReviewInProgressCannotBePublished() {
        ReleaseView release = inReview(Users.ALICE);
        String before = record(release.id());
        given().header("Authorization", Users.ALICE.bearer())
                .post("/api/v1/releases/" + release.id() + "/publish")
                .then()
                .statusCode(403);
        assertUnchanged(release.id(), before, "the author's publish");
        given().header("Authorization", Users.MAX.bearer())
                .post("/api/v1/releases/" + release.id() + "/publish")
                .then()
                .statusCode(409)
                .body("detail", containsString("cannot be published"));
        assertUnchanged(release.id(), before, "publishing a release in review");
    }

    @Test
    void deploymentIsReportedOnlyForPublishedReleasesAndInOrder() {
        ReleaseView release = inReview(Users.ALICE);
        String before = record(release.id());
        given().header("Authorization", Users.CI.bearer())
                .contentType(ContentType.JSON)
                .body(Map.of("deployedAt", "2026-11-27T10:12:00Z"))
                .post("/api/v1/releases/" + release.id() + "/deployment")
                .then()
                .statusCode(409);
        assertUnchanged(release.id(), before, "a deployment of an unpublished release");
        given().header("Authorization", Users.ALICE.bearer())
                .contentType(ContentType.JSON)
                .body(Map.of("deployedAt", "2026-11-27T10:12:00Z"))
                .post("/api/v1/releases/" + release.id() + "/deployment")
                .then()
                .statusCode(403);
        assertUnchanged(release.id(), before, "the author's deployment report");
    }

    // --- rejection, staleness, escalation ---

    @Test
    void rejectionSendsTheReleaseBackToDraftWithTheReasonAndApprovalsStartOver() {
        ReleaseView release = inReview(Users.ALICE);
        decide(Users.SAM, release.id(), "security", "approve", null).statusCode(201);
        decide(Users.CAROL, release.id(), "code", "reject", "Missing migration rollback").statusCode(201);

        given().header("Authorization", Users.PETE.bearer())
                .get("/api/v1/releases/" + release.id())
                .then()
                .body("release.state", equalTo("DRAFT"))
                .body("release.stateReason", equalTo("Missing migration rollback"));
        given().header("Authorization", Users.PETE.bearer())
                .get("/api/v1/releases/" + release.id() + "/approvals")
                .then()
                .body("find { it.requirement.slot == 'security' }.approvals", hasSize(0));
    }

    @Test
    void changingChangesetsAfterApprovalMakesApprovalsStaleAndGatesReEvaluated() {
        ReleaseView approved = fixtures.approvedRelease(Users.ALICE, "Approved", changeset(Users.ALICE, "patch"));
        assertEquals("APPROVED", approved.state().name());
        String extra = changeset(Users.ALICE, "minor");

        given().header("Authorization", Users.ALICE.bearer())
                .contentType(ContentType.JSON)
                .body(Map.of("changesets", List.of(extra)))
                .post("/api/v1/releases/" + approved.id() + "/changesets")
                .then()
                .statusCode(200)
                .body("state", equalTo("IN_REVIEW"))
                .body("contentVersion", equalTo(2))
                .body("packages.find { it.name == '@neuronx/cli' }.newVersion", equalTo("0.10.0"));

        given().header("Authorization", Users.PETE.bearer())
                .get("/api/v1/releases/" + approved.id() + "/approvals")
                .then()
                .body("approvals.flatten()", hasSize(0));
        given().header("Authorization", Users.PETE.bearer())
                .get("/api/v1/releases/" + approved.id() + "/gates")
                .then()
                .body("find { it.gate == 'COVERAGE' }.state", equalTo("MISSING"))
                .body("find { it.gate == 'CHANGELOG' }.state", equalTo("PASSED"));
    }

    @Test
    void majorBumpNeedsASecondCodeReviewer() {
        String major = "appr-major-" + COUNTER.incrementAndGet();
        fixtures.changeset(Users.ALICE, major, "\"@neuronx/core\": major", "Drop Node 16");
        ReleaseView release = fixtures.submittedRelease(Users.ALICE, "Breaking", major);
        fixtures.passAllGates(release.id());
        fixtures.approveAllSlots(release.id());
        assertEquals("IN_REVIEW", state(release.id()));
        given().header("Authorization", Users.PETE.bearer())
                .get("/api/v1/releases/" + release.id() + "/approvals")
                .then()
                .body("find { it.requirement.slot == 'code' }.requirement.approvals", equalTo(2));

        decide(Users.CARL, release.id(), "code", "approve", "Second look").statusCode(201);
        assertEquals("APPROVED", state(release.id()));
    }

    @Test
    void myReviewsListsWhatWaitsOldestFirstAndNotWhatIDecided() {
        ReleaseView first = inReview(Users.ALICE);
        ReleaseView second = inReview(Users.BOB);
        given().header("Authorization", Users.PAULA.bearer())
                .get("/api/v1/reviews/mine?size=200")
                .then()
                .statusCode(200)
                .body("release.id", hasItem((int) first.id()))
                .body("release.id", hasItem((int) second.id()));
        decide(Users.PAULA, first.id(), "product", "approve", null).statusCode(201);
        given().header("Authorization", Users.PAULA.bearer())
                .get("/api/v1/reviews/mine?size=200")
                .then()
                .body("release.id", not(hasItem((int) first.id())))
                .body("release.id", hasItem((int) second.id()));
    }

    @Test
    void myReviewsKeepAReleaseThatAMajorBumpOrASecurityFixHoldsOpenAfterTheFirstCodeReview() {
        ReleaseView plain = inReview(Users.ALICE);
        ReleaseView major = fixtures.submittedRelease(Users.ALICE, "Breaking", changeset(Users.ALICE, "major"));
        String fix = "appr-fix-" + COUNTER.incrementAndGet();
        fixtures.changeset(Users.ALICE, fix, "\"@neuronx/cli\": patch", "Patch CVE-2024-3094 in the archive reader");
        ReleaseView securityFix = fixtures.submittedRelease(Users.ALICE, "Security fix", fix);
        for (ReleaseView release : List.of(plain, major, securityFix)) {
            decide(Users.CARL, release.id(), "code", "approve", null).statusCode(201);
        }
        given().header("Authorization", Users.CAROL.bearer())
                .get("/api/v1/reviews/mine?size=200")
                .then()
                .statusCode(200)
                .body("release.id", not(hasItem((int) plain.id())))
                .body("release.id", hasItem((int) major.id()))
                .body("release.id", hasItem((int) securityFix.id()));
    }

    @Test
    void myReviewsSkipAReleaseWhoseOpenSlotsAreNotMineAndJudgeInFullOneJudgedUnderAnotherPolicy() throws SQLException {
        ReleaseView major = fixtures.submittedRelease(Users.ALICE, "Breaking", changeset(Users.ALICE, "major"));
        assertThat(openSlots(major.id())).as("open slots once submitted")
                .containsExactlyInAnyOrder("code", "security", "product");
        decide(Users.CARL, major.id(), "code", "approve", null).statusCode(201);
        decide(Users.SAM, major.id(), "security", "approve", null).statusCode(201);
        assertThat(openSlots(major.id())).as("a major bump holds the code slot open")
                .containsExactlyInAnyOrder("code", "product");
        assertThat(myReviews(Users.CAROL)).contains(major.id());

        execute("delete from open_review_slot where slot <> 'product' and release_id = " + major.id());
        assertThat(myReviews(Users.CAROL)).as("the walk reads the open slots").doesNotContain(major.id());

        execute("update review_queue_judgement set policy = 'an earlier policy' where release_id = " + major.id());
        assertThat(myReviews(Users.CAROL)).as("judged in full under another policy").contains(major.id());

        queue.judgeReleasesInReview();
        assertThat(openSlots(major.id())).as("judged again at start").containsExactlyInAnyOrder("code", "product");
        assertThat(myReviews(Users.CAROL)).contains(major.id());
    }

    @Test
    void aReleaseThatLeavesReviewKeepsNoOpenSlotsAndIsJudgedAgainWhenSubmittedAgain() throws SQLException {
        ReleaseView release = fixtures.submittedRelease(Users.ALICE, "Rejected", changeset(Users.ALICE, "minor"));
        List<String> submitted = openSlots(release.id());
        assertThat(submitted).isNotEmpty();

        decide(Users.CAROL, release.id(), "code", "reject", "Needs tests").statusCode(201);
        assertThat(openSlots(release.id())).as("back in draft").isEmpty();
        assertThat(count("select count(*) from review_queue_judgement where release_id = " + release.id()))
                .as("no judgement kept for a draft")
                .isZero();

        given().header("Authorization", Users.ALICE.bearer())
                .post("/api/v1/releases/" + release.id() + "/submit")
                .then()
                .statusCode(200);
        assertThat(openSlots(release.id())).as("in review again").containsExactlyInAnyOrderElementsOf(submitted);
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<Long> myReviews(Users reviewer) {
        return given().header("Authorization", reviewer.bearer())
                .get("/api/v1/reviews/mine?size=200")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("release.id", Long.class);
    }

    private List<String> openSlots(long release) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection
                        .prepareStatement("select slot from open_review_slot where release_id = ?")) {
            statement.setLong(1, release);
            List<String> slots = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    slots.add(rs.getString(1));
                }
            }
            return slots;
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }

    @Test
    void myReviewsPagesFollowTheNextLinkOldestFirstWithoutRepeatsOrGaps() {
        List<Integer> waiting = List.of((int) inReview(Users.ALICE).id(), (int) inReview(Users.BOB).id(),
                (int) inReview(Users.ALICE).id());
        List<Integer> seen = new ArrayList<>();
        String next = "/api/v1/reviews/mine?size=1";
        for (int pages = 0; next != null; pages++) {
            assertThat(pages).as("pages walked").isLessThan(100);
            Response response = given().header("Authorization", Users.PAULA.bearer()).get(next);
            response.then().statusCode(200);
            List<Integer> ids = response.path("release.id");
            assertThat(ids).as("a page of size 1 for a reviewer with one slot per release").hasSizeLessThanOrEqualTo(1);
            seen.addAll(ids);
            String link = response.header("Link");
            next = link == null ? null : link.substring(link.indexOf('<') + 1, link.indexOf('>'));
        }
        assertThat(seen).doesNotHaveDuplicates().containsSubsequence(waiting);
    }

    @Test
    void approvingTwiceRecordsOneApproval() {
        ReleaseView release = inReview(Users.ALICE);
        decide(Users.CAROL, release.id(), "code", "approve", null).statusCode(201);
        decide(Users.CAROL, release.id(), "code", "approve", null).statusCode(201);
        given().header("Authorization", Users.PETE.bearer())
                .get("/api/v1/releases/" + release.id() + "/approvals")
                .then()
                .body("find { it.requirement.slot == 'code' }.approvals", hasSize(1));
    }
}

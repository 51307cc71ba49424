package dev.greenlight.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.greenlight.emergency.EmergencyService;
import dev.greenlight.emergency.EmergencyView;
import dev.greenlight.incident.IncidentService;
import dev.greenlight.incident.PostmortemService;
import dev.greenlight.testsupport.Fixtures;
import dev.greenlight.testsupport.Users;

/** No N+1: the SQL a page runs does not grow with the rows it shows. */
@QuarkusTest
class StatementCountTest {
    private static final List<String> PAGES = List.of("/", "/releases", "/reviews", "/changesets", "/packages",
            "/api/v1/releases", "/api/v1/reviews/mine", "/api/v1/changesets", "/audit", "/audit?from=2020-01-01",
            "/api/v1/audit");

    @Inject
    Fixtures fixtures;
    @Inject
    EntityManagerFactory entityManagerFactory;
    @Inject
    EmergencyService emergencyService;
    @Inject
    IncidentService incidentService;
    @Inject
    PostmortemService postmortemService;

    private int releases;

    private void addReleasesInReview(int count) {
        for (int i = 0; i < count; i++) {
            String id = "count-" + (++releases);
            fixtures.changeset(Users.ALICE, id, "\"@neuronx/core\": patch\n\"@neuronx/cli\": minor", "Change " + id);
            fixtures.submittedRelease(Users.ALICE, "Release " + id, id);
            fixtures.changeset(Users.BOB, id + "-pending", "\"@neuronx/ui\": patch", "Pending " + id);
        }
    }

    private int emergencies;

    /** Emergencies validated by the security team and waiting for a leader, each with its incident. */
    private void addAssessedEmergencies(int count) {
        for (int i = 0; i < count; i++) {
            String id = "urgent-" + (++emergencies);
            fixtures.changeset(Users.ALICE, id, "\"@neuronx/api\": patch", "Hotfix " + id);
            EmergencyView requested = emergencyService.request(Users.ALICE.actor(), new EmergencyService.RequestInput(
                    null, "Hotfix " + id, List.of(id), "service-outage", "API down", "api", "Low", null,
                    "Outage " + id, "SEV2", "Restarted the pool"));
            emergencyService.assess(Users.SEAN.actor(), requested.id(), "Confirmed");
        }
    }

    private Map<String, Long> statementsPerPage() {
        return statementsPerPage(Users.PAULA, PAGES);
    }

    private Map<String, Long> statementsPerPage(Users user, List<String> pages) {
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String page : pages) {
            statistics.clear();
            given().header("Authorization", user.bearer()).get(page).then().statusCode(200);
            counts.put(page, statistics.getPrepareStatementCount());
        }
        return counts;
    }

    private long statements(String page) {
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        statistics.clear();
        given().header("Authorization", Users.PAULA.bearer()).get(page).then().statusCode(200);
        return statistics.getPrepareStatementCount();
    }

    @Test
    void releasePageStatementsDoNotGrowWithChangesets() {
        fixtures.neuronxWorkspace();
        fixtures.changeset(Users.ALICE, "small-1", "\"@neuronx/core\": patch", "Small change");
        long small = fixtures.approvedRelease(Users.ALICE, "Small", "small-1").id();
        String[] ids = new String[6];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = "large-" + i;
            fixtures.changeset(i % 2 == 0 ? Users.ALICE : Users.BOB, ids[i],
                    "\"@neuronx/core\": patch\n\"@neuronx/ui\": minor",
                    "Large change " + i);
        }
        long large = fixtures.approvedRelease(Users.ALICE, "Large", ids).id();

        assertThat(statements("/releases/" + large))
                .as("statements of an approved release page with six changesets vs one")
                .isEqualTo(statements("/releases/" + small));
    }

    /** Incidents about the release (each also naming a bystander), each with its post-mortem. */
    private void fileIncidentsWithPostmortems(long releaseId, long bystanderId, int count) {
        for (int i = 0; i < count; i++) {
            long incident = incidentService.file(Users.LEAH.actor(), new IncidentService.IncidentInput(
                    "Outage " + releaseId + "-" + i, "SEV2", "OPEN", null, "2026-11-27T09:00:00Z", null, false,
                    List.of("api"), List.of(releaseId, bystanderId), null, null)).id();
            postmortemService.createFromIncident(Users.LEAH.actor(), incident, null);
        }
    }

    /**
     * What a published release's whole story costs (bench/detail-page.sql lists them); raise it only on purpose. One of
     * them (release notes) finds the tag each package replaced.
     */
    private static final long PUBLISHED_RELEASE_PAGE_BUDGET = 17;

    @Test
    void releasePageStatementsStayWithinBudgetAndDoNotGrowWithIncidents() {
        fixtures.neuronxWorkspace();
        fixtures.changeset(Users.ALICE, "calm-1", "\"@neuronx/core\": patch", "Calm change");
        long calm = fixtures.publishedRelease(Users.ALICE, "Calm", "calm-1").id();
        fixtures.changeset(Users.ALICE, "stormy-1", "\"@neuronx/ui\": patch", "Stormy change");
        long stormy = fixtures.publishedRelease(Users.ALICE, "Stormy", "stormy-1").id();
        fixtures.changeset(Users.ALICE, "bystander-1", "\"@neuronx/cli\": patch", "Bystander change");
        long bystander = fixtures.publishedRelease(Users.ALICE, "Bystander", "bystander-1").id();
        fileIncidentsWithPostmortems(calm, bystander, 1);
        fileIncidentsWithPostmortems(stormy, bystander, 4);

        long withOne = statements("/releases/" + calm);
        assertThat(statements("/releases/" + stormy))
                .as("statements of a published release page with four incidents and post-mortems vs one")
                .isEqualTo(withOne);
        assertThat(withOne).as("statements of a published release page")
                .isLessThanOrEqualTo(
                        PUBLISHED_RELEASE_PAGE_BUDGET);
    }

    /**
     * The approval that completes a release's review (it approves the release) costs no more than this; one of them
     * (since review delegations) finds whom the approver stands in for, which the approval records.
     */
    private static final long FINAL_APPROVAL_BUDGET = 21;

    private static void approve(Users reviewer, long releaseId, String slot) {
        given().header("Authorization", reviewer.bearer())
                .contentType("application/json")
                .body(Map.of("slot", slot, "decision", "approve"))
                .post("/api/v1/releases/" + releaseId + "/approvals")
                .then()
                .statusCode(201);
    }

    @Test
    void theApprovalThatCompletesAReviewStaysWithinBudget() {
        long id = inReviewWithGatesPassed("budget-1");
        approve(Users.CAROL, id, "code");
        approve(Users.SAM, id, "security");

        assertThat(statementsOfApproval(Users.PAULA, id, "product"))
                .as("statements of the approval that completes a review")
                .isLessThanOrEqualTo(FINAL_APPROVAL_BUDGET);
        given().header("Authorization", Users.PAULA.bearer())
                .get("/api/v1/releases/" + id)
                .then()
                .body("release.state", equalTo("APPROVED"));
    }

    /**
     * An approval that leaves a slot open (most approvals) costs no more than this: while a slot is open the release
     * cannot be approved, so its gates and other requirements are not read. Hibernate's count; the JDBC batch that keeps
     * the release's open slots comes on top. One statement finds whom the approver stands in for (review delegations).
     */
    private static final long OPEN_SLOT_APPROVAL_BUDGET = 10;

    @Test
    void anApprovalThatLeavesASlotOpenDoesNotReadTheOtherRequirements() {
        long id = inReviewWithGatesPassed("budget-open-1");

        assertThat(statementsOfApproval(Users.CAROL, id, "code"))
                .as("statements of an approval that leaves slots open")
                .isLessThanOrEqualTo(OPEN_SLOT_APPROVAL_BUDGET);
    }

    /** A release in review whose gates all pass, so that only its review slots stand between it and approval. */
    private long inReviewWithGatesPassed(String changeset) {
        fixtures.neuronxWorkspace();
        fixtures.changeset(Users.ALICE, changeset, "\"@neuronx/core\": patch", "Budget change");
        long id = fixtures.submittedRelease(Users.ALICE, "Budget", changeset).id();
        fixtures.passAllGates(id);
        return id;
    }

    private long statementsOfApproval(Users reviewer, long releaseId, String slot) {
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        statistics.clear();
        approve(reviewer, releaseId, slot);
        return statistics.getPrepareStatementCount();
    }

    @Test
    void statementsPerPageDoNotGrowWithRows() {
        fixtures.neuronxWorkspace();
        addReleasesInReview(2);
        Map<String, Long> few = statementsPerPage();
        addReleasesInReview(12);
        Map<String, Long> many = statementsPerPage();
        assertThat(many).as("statements per page with 14 releases vs 2").isEqualTo(few);
        assertThat(few.values()).allSatisfy(count -> assertThat(count).isLessThanOrEqualTo(12));
    }

    /** Releases in review whose code slot another code reviewer has filled: nothing left there for Carol. */
    private void addReleasesCodeReviewedByCarl(int count) {
        for (int i = 0; i < count; i++) {
            String id = "reviewed-" + (++releases);
            fixtures.changeset(Users.ALICE, id, "\"@neuronx/cli\": patch", "Change " + id);
            long release = fixtures.submittedRelease(Users.ALICE, "Release " + id, id).id();
            given().header("Authorization", Users.CARL.bearer())
                    .contentType("application/json")
                    .body(Map.of("slot", "code", "decision", "approve"))
                    .post("/api/v1/releases/" + release + "/approvals")
                    .then()
                    .statusCode(201);
        }
    }

    @Test
    void aReviewerWithNothingLeftCostsTheSameHoweverManyReleasesWaitForOthers() {
        fixtures.neuronxWorkspace();
        // only the releases this test creates: those of other tests may hold tasks for Carol
        List<String> queue = List.of("/api/v1/reviews/mine?afterUpdated=" + Instant.now() + "&after=0");
        addReleasesCodeReviewedByCarl(2);
        Map<String, Long> few = statementsPerPage(Users.CAROL, queue);
        addReleasesCodeReviewedByCarl(45);
        Map<String, Long> many = statementsPerPage(Users.CAROL, queue);
        given().header("Authorization", Users.CAROL.bearer()).get(queue.get(0)).then().body("size()", equalTo(0));
        assertThat(many).as("statements of an empty review queue with 47 releases waiting for others vs 2")
                .isEqualTo(few);
    }

    @Test
    void aLeadersEmergencyPagesDoNotGrowWithRequests() {
        fixtures.neuronxWorkspace();
        List<String> pages = List.of("/", "/emergencies", "/api/v1/emergencies", "/api/v1/emergencies?state=ASSESSED");
        addAssessedEmergencies(2);
        Map<String, Long> few = statementsPerPage(Users.LEAH, pages);
        addAssessedEmergencies(8);
        Map<String, Long> many = statementsPerPage(Users.LEAH, pages);
        assertThat(many).as("statements per page with 10 emergencies vs 2").isEqualTo(few);
    }
}

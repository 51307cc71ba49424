package dev.greenlight.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

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

    private int releases;

    private void addReleasesInReview(int count) {
        for (int i = 0; i < count; i++) {
            String id = "count-" + (++releases);
            fixtures.changeset(Users.ALICE, id, "\"@neuronx/core\": patch\n\"@neuronx/cli\": minor", "Change " + id);
            fixtures.submittedRelease(Users.ALICE, "Release " + id, id);
            fixtures.changeset(Users.BOB, id + "-pending", "\"@neuronx/ui\": patch", "Pending " + id);
        }
    }

    private Map<String, Long> statementsPerPage() {
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String page : PAGES) {
            statistics.clear();
            given().header("Authorization", Users.PAULA.bearer()).get(page).then().statusCode(200);
            counts.put(page, statistics.getPrepareStatementCount());
        }
        return counts;
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
}

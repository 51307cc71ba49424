package dev.greenlight.approval;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import dev.greenlight.release.ReleaseView;
import dev.greenlight.testsupport.Fixtures;
import dev.greenlight.testsupport.Users;

import javax.sql.DataSource;

/** Decisions racing through the real HTTP stack and database, many threads released at the same instant. */
@QuarkusTest
class ConcurrencyTest {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static ExecutorService pool;

    @Inject
    Fixtures fixtures;
    @Inject
    DataSource dataSource;

    @BeforeAll
    static void startPool() {
        pool = Executors.newFixedThreadPool(16);
    }

    @AfterAll
    static void stopPool() {
        pool.shutdownNow();
    }

    @BeforeEach
    void workspace() {
        fixtures.neuronxWorkspace();
        // tokens are fetched once, outside the race
        List.of(Users.CAROL, Users.SAM, Users.PAULA, Users.ALICE).forEach(Users::bearer);
    }

    private ReleaseView inReviewWithGatesPassed() {
        String id = "race-" + COUNTER.incrementAndGet();
        fixtures.changeset(Users.ALICE, id, "\"@neuronx/ui\": patch", "Race " + id);
        ReleaseView release = fixtures.submittedRelease(Users.ALICE, "Race", id);
        fixtures.passAllGates(release.id());
        return release;
    }

    private static int approve(Users who, long release, String slot) {
        return given().header("Authorization", who.bearer())
                .contentType(ContentType.JSON)
                .body(Map.of("slot", slot, "decision", "approve"))
                .post("/api/v1/releases/" + release + "/approvals")
                .statusCode();
    }

    private static <T> List<T> race(List<Callable<T>> tasks) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (Callable<T> task : tasks) {
            futures.add(pool.submit(() -> {
                start.await();
                return task.call();
            }));
        }
        start.countDown();
        List<T> results = new ArrayList<>();
        for (Future<T> future : futures) {
            results.add(future.get());
        }
        return results;
    }

    private long count(String sql) throws Exception {
        try (var c = dataSource.getConnection(); var s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @RepeatedTest(5)
    void threeReviewersApprovingAtOnceAllCountAndTheReleaseIsApprovedOnce() throws Exception {
        long id = inReviewWithGatesPassed().id();
        List<Integer> statuses = race(List.of(
                () -> approve(Users.CAROL, id, "code"),
                () -> approve(Users.SAM, id, "security"),
                () -> approve(Users.PAULA, id, "product")));
        assertThat(statuses).containsOnly(201);
        assertThat(count("select count(*) from approval where stale_at is null and release_id = " + id)).isEqualTo(3);
        assertThat(count("select count(*) from release where state = 'APPROVED' and id = " + id)).isEqualTo(1);
        assertThat(count("select count(*) from audit_event where action = 'release.approved' and release_id = " + id))
                .isEqualTo(1);
    }

    @Test
    void aDoubleSubmitRecordsOneApproval() throws Exception {
        long id = inReviewWithGatesPassed().id();
        List<Callable<Integer>> same = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            same.add(() -> approve(Users.CAROL, id, "code"));
        }
        assertThat(race(same)).containsOnly(201);
        assertThat(count("select count(*) from approval where release_id = " + id)).isEqualTo(1);
    }

    @RepeatedTest(8)
    void approveRacingCancelLeavesOneConsistentOutcome() throws Exception {
        long id = inReviewWithGatesPassed().id();
        approve(Users.CAROL, id, "code");
        approve(Users.SAM, id, "security");
        List<Integer> statuses = race(List.of(
                () -> approve(Users.PAULA, id, "product"),
                () -> given().header("Authorization", Users.ALICE.bearer())
                        .contentType(ContentType.JSON)
                        .body(Map.of("reason", "Withdrawn"))
                        .post("/api/v1/releases/" + id + "/cancel")
                        .statusCode()));
        int approveStatus = statuses.get(0);
        assertThat(statuses.get(1)).isEqualTo(200);
        assertThat(count("select count(*) from release where state = 'CANCELLED' and id = " + id)).isEqualTo(1);
        long productApprovals = count("select count(*) from approval where slot = 'product' and release_id = " + id);
        if (approveStatus == 201) {
            // approval first: it counted, the release was approved, then cancelled
            assertThat(productApprovals).isEqualTo(1);
            assertThat(count("select count(*) from audit_event where action = 'release.approved' and release_id = "
                    + id)).isEqualTo(1);
        } else {
            // cancel first: the late approval was refused and left nothing behind
            assertThat(approveStatus).isEqualTo(409);
            assertThat(productApprovals).isZero();
        }
        assertThat(count("select count(*) from audit_event where action = 'release.cancelled' and release_id = " + id))
                .isEqualTo(1);
    }
}

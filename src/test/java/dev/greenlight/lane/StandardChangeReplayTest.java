package dev.greenlight.lane;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

import dev.greenlight.release.ReleaseService;
import dev.greenlight.release.ReleaseView;
import dev.greenlight.testsupport.Fixtures;
import dev.greenlight.testsupport.PageSession;
import dev.greenlight.testsupport.StandardChangeProfile;
import dev.greenlight.testsupport.TestClock;
import dev.greenlight.testsupport.Users;

@QuarkusTest
@TestProfile(StandardChangeProfile.class)
class StandardChangeReplayTest {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    @Inject
    Fixtures fixtures;
    @Inject
    ReleaseService releases;
    @Inject
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private long submitted(String bump) {
        String id = "replay-" + COUNTER.incrementAndGet();
        fixtures.changeset(Users.ALICE, id, "\"@neuronx/cli\": " + bump, "Change " + id);
        return fixtures.submittedRelease(Users.ALICE, "Replay " + id, id).id();
    }

    private long published() {
        long id = submitted("patch");
        fixtures.passAllGates(id);
        ReleaseView shipped = releases.publish(Users.MAX.actor(), id);
        clock.advance(Duration.ofMinutes(5));
        return shipped.id();
    }

    @Test
    void theReplayCountsWhatTheRuleWouldHaveApprovedAndWhichOfThoseWereRolledBack() {
        fixtures.neuronxWorkspace();
        clock.set(clock.instant().minus(Duration.ofDays(100)));
        submitted("patch");
        clock.reset();
        clock.set(clock.instant().minus(Duration.ofDays(3)));
        published();
        long rolledBack = published();
        given().header("Authorization", Users.MAX.bearer())
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "Broke the installer"))
                .post("/api/v1/releases/" + rolledBack + "/rollbacks")
                .then()
                .statusCode(201);
        long minor = submitted("minor");
        fixtures.passAllGates(minor);
        clock.reset();

        String page = PageSession.signIn(Users.LEAH)
                .get("/policy/standard-change")
                .then()
                .statusCode(200)
                .body(containsString("<strong>3</strong> releases judged"))
                .body(containsString("<strong>2</strong> would have been approved by the lane"))
                .body(containsString("<strong>1</strong> of those were later rolled back"))
                .body(containsString("#" + rolledBack + " "))
                .body(containsString("Only patch bumps: 1 release"))
                .body(not(containsString("Only patch bumps: 1 releases")))
                .extract()
                .asString();
        Matcher elapsed = Pattern.compile("Replayed in (\\d+) ms").matcher(page);
        org.assertj.core.api.Assertions.assertThat(elapsed.find()).isTrue();
        System.out.println("Standard-change replay of 3 releases: " + elapsed.group(1) + " ms");

        PageSession.signIn(Users.MAX).get("/policy/standard-change").then().statusCode(200);
        PageSession.signIn(Users.ALICE).get("/policy/standard-change").then().statusCode(403);
        PageSession.signIn(Users.CAROL)
                .get("/policy")
                .then()
                .statusCode(200)
                .body(containsString("Standard-change lane"))
                .body(containsString("below 20 % over 90 days"))
                .body(containsString("Approvals older than 14 days no longer count"));
    }
}

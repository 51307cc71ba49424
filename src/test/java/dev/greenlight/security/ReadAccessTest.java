package dev.greenlight.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.greenlight.incident.IncidentView;
import dev.greenlight.incident.PostmortemView;
import dev.greenlight.release.ReleaseView;
import dev.greenlight.testsupport.Fixtures;
import dev.greenlight.testsupport.PageSession;
import dev.greenlight.testsupport.RecordFixtures;
import dev.greenlight.testsupport.TestClock;
import dev.greenlight.testsupport.Users;

/**
 * Reading needs a Greenlight role, and a security incident (with its post-mortems) is seen only by the security team
 * and reviewers, engineering leaders and the people named on it. Everyone else gets the 404 of an unused number.
 */
@QuarkusTest
class ReadAccessTest {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    @Inject
    Fixtures fixtures;
    @Inject
    RecordFixtures records;
    @Inject
    TestClock clock;

    @BeforeEach
    void workspace() {
        fixtures.neuronxWorkspace();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private String changeset() {
        String id = "read-" + COUNTER.incrementAndGet();
        fixtures.changeset(Users.ALICE, id, "\"@neuronx/core\": patch", "Change " + id);
        return id;
    }

    @Test
    void anAccountWithoutAGreenlightRoleGetsAClear403OnEveryPageAndMaySignOut() {
        ReleaseView release = fixtures.submittedRelease(Users.ALICE, "Not for Nora", changeset());
        long incident = records.incident(Users.SEAN, "Outage for Nora", false, release.id()).id();
        long postmortem = records.postmortem(Users.SEAN, incident, Users.SEAN).id();
        PageSession nora = PageSession.signIn(Users.NORA);

        nora.get("/")
                .then()
                .statusCode(403)
                .contentType(startsWith("text/html"))
                .body(containsString("No Greenlight role"))
                .body(containsString("You are signed in as nora, but your account has no Greenlight role"))
                .body(containsString("<form method=\"post\" action=\"/logout\""))
                .body(not(containsString("<nav aria-label=\"Main\">")))
                .body(not(containsString("Not for Nora")));
        for (String path : List.of("/releases", "/releases/" + release.id(), "/releases/new", "/changesets",
                "/packages", "/reviews", "/incidents", "/incidents/" + incident, "/postmortems/" + postmortem,
                "/postmortems/overdue", "/emergencies", "/policy", "/metrics", "/audit", "/audit/verification",
                "/audit/export?format=json", "/releases/" + release.id() + "/evidence-bundle", "/admin/slack")) {
            String body = nora.get(path).then().statusCode(403).extract().asString();
            assertThat(body).as(path).doesNotContain("Not for Nora").doesNotContain("Outage for Nora");
        }

        nora.request().post("/logout").then().statusCode(302);
        nora.get("/").then().statusCode(302).header("Location", containsString("/authorize"));
    }

    @Test
    void anAccountWithoutAGreenlightRoleReadsNothingFromTheApi() {
        ReleaseView release = fixtures.submittedRelease(Users.ALICE, "API not for Nora", changeset());
        long incident = records.incident(Users.SEAN, "API outage for Nora", false, release.id()).id();
        for (String path : List.of("/releases", "/releases/" + release.id(), "/releases/" + release.id()
                + "/history", "/changesets", "/packages", "/reviews/mine", "/incidents", "/incidents/" + incident,
                "/postmortems", "/postmortems/overdue", "/emergencies", "/audit", "/audit/verification",
                "/audit/export?format=json", "/metrics", "/releases/" + release.id() + "/evidence-bundle",
                "/releases/" + release.id() + "/checks", "/releases/" + release.id() + "/adrs")) {
            given().header("Authorization", Users.NORA.bearer())
                    .get("/api/v1" + path)
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json")
                    .body("title", equalTo("No Greenlight role"));
        }
        given().header("Authorization", Users.NORA.bearer())
                .contentType("application/json")
                .body(Map.of("packages", List.of()))
                .post("/api/v1/release-plans")
                .then()
                .statusCode(403);
    }

    /** Sean's security incident on a release, its post-mortem, and Alice's ordinary one on the same release. */
    private record Story(ReleaseView release, IncidentView secret, PostmortemView secretPostmortem,
            IncidentView ordinary) {
    }

    private Story story() {
        int n = COUNTER.incrementAndGet();
        // the release page tells the story of incidents once the release is published
        ReleaseView release = fixtures.publishedRelease(Users.ALICE, "Story " + n, changeset());
        IncidentView secret = records.incident(Users.SEAN, "Signing key leaked " + n, true, release.id());
        PostmortemView postmortem = records.postmortem(Users.SEAN, secret.id(), Users.SEAN);
        IncidentView ordinary = records.incident(Users.ALICE, "Slow search " + n, false, release.id());
        return new Story(release, secret, postmortem, ordinary);
    }

    @Test
    void aSecurityIncidentDoesNotExistForOtherRolesOnPages() {
        Story s = story();
        for (Users user : List.of(Users.CAROL, Users.PAULA, Users.PETE, Users.MAX, Users.ADA, Users.BOB)) {
            PageSession session = PageSession.signIn(user);
            session.get("/incidents")
                    .then()
                    .statusCode(200)
                    .body(containsString(s.ordinary().title()))
                    .body(not(containsString(s.secret().title())));
            session.get("/incidents?security=true")
                    .then()
                    .statusCode(200)
                    .body(not(containsString(
                            s.secret().title())));
            session.get("/releases/" + s.release().id())
                    .then()
                    .statusCode(200)
                    .body(containsString(s.ordinary().title()))
                    .body(not(containsString(s.secret().title())));
            session.get("/incidents/" + s.secret().id())
                    .then()
                    .statusCode(404)
                    .body(containsString("Incident " + s.secret().id() + " does not exist"))
                    .body(not(containsString(s.secret().title())));
            session.get("/incidents/" + s.secret().id() + "/edit").then().statusCode(404);
            session.get("/postmortems/" + s.secretPostmortem().id())
                    .then()
                    .statusCode(404)
                    .body(containsString("Post-mortem " + s.secretPostmortem().id() + " does not exist"));
            session.get("/postmortems/" + s.secretPostmortem().id() + "/edit").then().statusCode(404);
        }
    }

    @Test
    void aSecurityIncidentDoesNotExistForOtherRolesOnTheApiAndCannotBeChanged() {
        Story s = story();
        for (Users user : List.of(Users.CAROL, Users.PETE, Users.MAX, Users.ADA, Users.CI)) {
            String list = given().header("Authorization", user.bearer())
                    .get("/api/v1/incidents?size=100")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            assertThat(list).as("%s's incident list", user)
                    .contains(s.ordinary().title())
                    .doesNotContain(s.secret().title());
            given().header("Authorization", user.bearer())
                    .get("/api/v1/incidents/" + s.secret().id())
                    .then()
                    .statusCode(404)
                    .body("detail", equalTo("Incident " + s.secret().id() + " does not exist"));
            given().header("Authorization", user.bearer())
                    .get("/api/v1/postmortems/" + s.secretPostmortem().id())
                    .then()
                    .statusCode(404);
            assertThat(given().header("Authorization", user.bearer())
                    .get("/api/v1/postmortems?size=100")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString()).doesNotContain(s.secret().title());
        }
        // Pete and Max may edit any incident they see; this one they do not see
        for (Users editor : List.of(Users.PETE, Users.MAX)) {
            given().header("Authorization", editor.bearer())
                    .contentType("application/json")
                    .body(Map.of("title", "Nothing happened", "severity", "SEV4", "status", "RESOLVED",
                            "resolvedAt", "2030-01-01T00:00:00Z", "security", false))
                    .put("/api/v1/incidents/" + s.secret().id())
                    .then()
                    .statusCode(404);
            given().header("Authorization", editor.bearer())
                    .contentType("application/json")
                    .body(Map.of("summary", "Overwritten"))
                    .put("/api/v1/postmortems/" + s.secretPostmortem().id())
                    .then()
                    .statusCode(404);
        }
        given().header("Authorization", Users.LEAH.bearer())
                .get("/api/v1/incidents/" + s.secret().id())
                .then()
                .statusCode(200)
                .body("title", equalTo(s.secret().title()))
                .body("security", equalTo(true));
    }

    @Test
    void securityRolesLeadersAndThoseNamedOnItSeeIt() {
        Story s = story();
        records.actionItem(Users.SEAN, s.secretPostmortem().id(), Users.BOB);
        IncidentView alices = records.incident(Users.ALICE, "Secret of Alice " + COUNTER.incrementAndGet(), true,
                null);
        for (Users user : List.of(Users.SEAN, Users.SAM, Users.LEAH, Users.IVY, Users.BOB)) {
            given().header("Authorization", user.bearer())
                    .get("/api/v1/incidents/" + s.secret().id())
                    .then()
                    .statusCode(200)
                    .body("title", equalTo(s.secret().title()));
            given().header("Authorization", user.bearer())
                    .get("/api/v1/postmortems/" + s.secretPostmortem().id())
                    .then()
                    .statusCode(200);
            assertThat(given().header("Authorization", user.bearer())
                    .get("/api/v1/incidents?size=100")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString()).as("%s's list", user).contains(s.secret().title());
        }
        PageSession alice = PageSession.signIn(Users.ALICE);
        alice.get("/incidents")
                .then()
                .statusCode(200)
                .body(containsString(alices.title()))
                .body(not(containsString(s.secret().title())));
        alice.get("/incidents/" + alices.id()).then().statusCode(200);
        PageSession.signIn(Users.SAM)
                .get("/releases/" + s.release().id())
                .then()
                .statusCode(200)
                .body(containsString(s.secret().title()));
    }

    @Test
    void anOverdueSecurityPostmortemStaysOffOtherDashboards() {
        Story s = story();
        records.postmortem(Users.ALICE, s.ordinary().id(), Users.ALICE);
        clock.advance(Duration.ofDays(3));
        PageSession.signIn(Users.CAROL)
                .get("/")
                .then()
                .statusCode(200)
                .body(containsString("Overdue post-mortems"))
                .body(containsString(s.ordinary().title()))
                .body(not(containsString(s.secret().title())));
        PageSession.signIn(Users.CAROL)
                .get("/postmortems/overdue")
                .then()
                .statusCode(200)
                .body(not(containsString(s.secret().title())));
        PageSession.signIn(Users.SAM)
                .get("/postmortems/overdue")
                .then()
                .statusCode(200)
                .body(containsString(s.secret().title()));
        assertThat(given().header("Authorization", Users.PETE.bearer())
                .get("/api/v1/postmortems/overdue")
                .then()
                .statusCode(200)
                .extract()
                .asString()).doesNotContain(s.secret().title());
    }

    @Test
    void metricsCountSecurityIncidentsWithoutNamingThem() {
        ReleaseView published = fixtures.publishedRelease(Users.ALICE, "Counted", changeset());
        IncidentView secret = records.incident(Users.SEAN, "Counted key leak " + COUNTER.incrementAndGet(), true,
                published.id());
        String json = given().header("Authorization", Users.CAROL.bearer())
                .get("/api/v1/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(io.restassured.path.json.JsonPath.from(json)
                .getInt("total.policy.find { it.key == 'security_incidents' }.value")).isGreaterThanOrEqualTo(1);
        assertThat(json).doesNotContain(secret.title());
        PageSession.signIn(Users.CAROL)
                .get("/metrics")
                .then()
                .statusCode(200)
                .body(not(containsString(secret.title())));
    }
}

package dev.greenlight.emergency;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.greenlight.evidence.EvidenceInput;
import dev.greenlight.gate.GateService;
import dev.greenlight.release.ReleaseService;
import dev.greenlight.testsupport.Fixtures;
import dev.greenlight.testsupport.PageSession;
import dev.greenlight.testsupport.TestClock;
import dev.greenlight.testsupport.Users;

@QuarkusTest
class EmergencyPagesTest {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    @Inject
    Fixtures fixtures;
    @Inject
    EmergencyService emergencies;
    @Inject
    ReleaseService releases;
    @Inject
    GateService gates;
    @Inject
    TestClock clock;

    private String changeset;

    @BeforeEach
    void workspace() {
        fixtures.neuronxWorkspace();
        changeset = "page-emergency-" + COUNTER.incrementAndGet();
        fixtures.changeset(Users.ALICE, changeset, "\"@neuronx/core\": patch", "Fix " + changeset);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private EmergencyView assessed(String report) {
        EmergencyView requested = emergencies.request(Users.ALICE.actor(),
                new EmergencyService.RequestInput(null, "Hotfix " + changeset, List.of(changeset), "service-outage",
                        "Checkout is down", "checkout", "Low", null, "Checkout down", "SEV1", report));
        return emergencies.assess(Users.SEAN.actor(), requested.id(), "Confirmed");
    }

    @Test
    void anInvalidRequestComesBackWithTheFieldsAsTyped() {
        PageSession alice = PageSession.signIn(Users.ALICE);
        alice.submit("/emergencies/new", "/emergencies",
                Map.of("title", "Hotfix", "changeset", changeset, "criterion", "feature-deadline", "justification",
                        "We promised it", "affectedServices", "web", "risk", "none", "incidentTitle", "Promise",
                        "incidentSeverity", "SEV3"))
                .then()
                .statusCode(400)
                .body(containsString("criterion"))
                .body(containsString("We promised it"));
    }

    @Test
    void theLeadersQueueIsTheFirstThingOnTheirDashboard() {
        EmergencyView e = assessed(null);
        PageSession leah = PageSession.signIn(Users.LEAH);
        leah.get("/")
                .then()
                .statusCode(200)
                .body(containsString("Waiting for an engineering leader (1)"))
                .body(containsString("Decide emergency #" + e.id()));
        PageSession bob = PageSession.signIn(Users.BOB);
        bob.get("/").then().statusCode(200).body(not(containsString("Waiting for an engineering leader")));
        bob.get("/emergencies").then().statusCode(200).body(containsString("Decide emergency #" + e.id()));
    }

    @Test
    void aLeaderApprovesWithBypassesOnOneScreenAndTheReleaseShowsThemForEver() {
        EmergencyView e = assessed("Root cause: expired certificate");
        gates.record(Users.CI.actor(), e.releaseId(), "tests", BigDecimal.ZERO, null, null);
        gates.record(Users.CI.actor(), e.releaseId(), "coverage", new BigDecimal("60"), null, null);
        gates.record(Users.CI.actor(), e.releaseId(), "critical-vulnerabilities", BigDecimal.ZERO, null, null);
        gates.record(Users.CI.actor(), e.releaseId(), "evidence", null,
                EvidenceInput.link("https://ci.neuronx.dev/runs/1"), null);

        PageSession leah = PageSession.signIn(Users.LEAH);
        String page = "/emergencies/" + e.id();
        leah.get(page)
                .then()
                .statusCode(200)
                .body(containsString("Checkout is down"))
                .body(containsString("Service outage"))
                .body(containsString("Bypass Coverage gate"))
                .body(containsString("Bypass Security review"))
                .body(not(containsString("Bypass Tests pass gate")));
        List<String> keys = List.of("gate:coverage", "slot:code", "slot:security", "slot:product");
        // a ticked bypass without a reason comes back with the choices kept
        leah.submit(page, page + "/decision", Map.of("decision", "approve", "bypass", keys, "candidate", keys,
                "bypassReason", List.of("", "Pair-reviewed", "Assessed", "Outage")))
                .then()
                .statusCode(400)
                .body(containsString("bypasses[0].reason"))
                .body(containsString("Pair-reviewed"));
        leah.submit(page, page + "/decision", Map.of("decision", "approve", "bypass", keys, "candidate", keys,
                "bypassReason", List.of("No new code paths", "Pair-reviewed", "Assessed", "Outage")))
                .then()
                .statusCode(303);
        leah.get(page).then().statusCode(200).body(containsString("No new code paths"));
        leah.get("/releases/" + e.releaseId())
                .then()
                .statusCode(200)
                .body(containsString("Approved"))
                .body(containsString("Emergency release (service outage, emergency #" + e.id()
                        + ", approved by leah): bypassed Coverage gate (No new code paths)"))
                .body(containsString("gate-bypassed"));
    }

    @Test
    void anOverduePostMortemShowsOnTheHomePage() {
        EmergencyView e = assessed("Root cause known");
        fixtures.passAllGates(e.releaseId());
        emergencies.approve(Users.LEAH.actor(), e.id(), null,
                List.of(new EmergencyService.BypassInput("slot:code", "x"),
                        new EmergencyService.BypassInput("slot:security", "x"),
                        new EmergencyService.BypassInput("slot:product", "x")));
        clock.set(Instant.parse("2026-04-01T08:00:00Z"));
        releases.publish(Users.MAX.actor(), e.releaseId());
        PageSession bob = PageSession.signIn(Users.BOB);
        bob.get("/").then().statusCode(200).body(not(containsString("Overdue post-mortems")));
        clock.advance(Duration.ofHours(25));
        bob.get("/")
                .then()
                .statusCode(200)
                .body(containsString("Overdue post-mortems (1)"))
                .body(containsString("due <time datetime=\"2026-04-02T08:00:00Z\">2026-04-02 08:00 UTC</time>"));
        PageSession.signIn(Users.LEAH).get("/").then().statusCode(200).body(containsString("Overdue post-mortems (1)"));
    }
}

package dev.greenlight.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.greenlight.release.ReleaseView;
import dev.greenlight.testsupport.Fixtures;
import dev.greenlight.testsupport.PageSession;
import dev.greenlight.testsupport.ResetDatabase;
import dev.greenlight.testsupport.TestClock;
import dev.greenlight.testsupport.Users;

import javax.sql.DataSource;

@QuarkusTest
class AuditPagesTest {
    @Inject
    Fixtures fixtures;
    @Inject
    DataSource dataSource;
    @Inject
    TestClock clock;

    private ReleaseView release;

    /** Events on three days: the workspace on 1 November, changesets on the 2nd, the release on the 3rd. */
    @BeforeEach
    void historyOverThreeDays() {
        ResetDatabase.emptyAllTables(dataSource);
        clock.set(Instant.parse("2026-11-01T10:00:00Z"));
        fixtures.neuronxWorkspace();
        clock.set(Instant.parse("2026-11-02T10:00:00Z"));
        for (int i = 1; i <= 55; i++) {
            fixtures.changeset(Users.BOB, "page-audit-" + i, "\"@neuronx/api\": patch", "Fix " + i);
        }
        fixtures.changeset(Users.ALICE, "page-audit-a", "\"@neuronx/core\": minor", "Feature");
        clock.set(Instant.parse("2026-11-03T10:00:00Z"));
        release = fixtures.submittedRelease(Users.ALICE, "Audited on the page", "page-audit-a");
    }

    @AfterEach
    void systemClock() {
        clock.reset();
    }

    @Test
    void theLogFiltersLinksEachEventToItsSubjectAndPagesByKeyset() {
        PageSession pete = PageSession.signIn(Users.PETE);
        String byAlice = pete.get("/audit?actor=alice").then().statusCode(200).extract().asString();
        assertThat(byAlice).contains("release.created", "release.submitted", "<nav aria-label=\"Main\">")
                .contains("href=\"/releases/" + release.id() + "\"")
                .doesNotContain("<td><a href=\"/audit?actor=bob\">bob</a></td>");

        // 56 changeset events and more: a first page of 50, and an "older" link that keeps the filter
        String first = pete.get("/audit?action=changeset.submitted").then().statusCode(200).extract().asString();
        long lastShown = AuditEvent.<AuditEvent>find("action = ?1 order by id desc", "changeset.submitted")
                .page(0, 50)
                .list()
                .get(49).id;
        assertThat(first).contains("href=\"/audit?before=" + lastShown + "&amp;action=changeset.submitted\"");
        String older = pete.get("/audit?before=" + lastShown + "&action=changeset.submitted")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(older).contains(">" + (lastShown - 1) + "</td>")
                .doesNotContain(">" + lastShown + "</td>")
                .contains("Newest events")
                .doesNotContain("Older events");

        // dates: the 3rd holds the release's events only; a day without events shows none
        String third = pete.get("/audit?from=2026-11-03&to=2026-11-03").then().statusCode(200).extract().asString();
        assertThat(third).contains("release.submitted").doesNotContain(">changeset.submitted<");
        pete.get("/audit?from=2026-10-01&to=2026-10-31").then().statusCode(200).body(containsString("No events match"));

        pete.get("/audit?from=yesterday").then().statusCode(400).body(containsString("must be a date"));
    }

    @Test
    void downloadsHoldExactlyTheChosenDays() {
        PageSession pete = PageSession.signIn(Users.PETE);
        pete.get("/audit?from=2026-11-02&to=2026-11-02")
                .then()
                .body(containsString("href=\"/audit/export?format=csv&amp;from=2026-11-02&amp;to=2026-11-02\""));
        String csv = pete.get("/audit/export?format=csv&from=2026-11-02&to=2026-11-02")
                .then()
                .statusCode(200)
                .contentType(containsString("text/csv"))
                .extract()
                .asString();
        List<String> rows = csv.lines().skip(1).toList();
        assertThat(rows).hasSize(56).allSatisfy(row -> assertThat(row).contains("2026-11-02T10:00:00Z"));
        String json = pete.get("/audit/export?format=json&from=2026-11-03&to=2026-11-03")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(json).contains("release.submitted").doesNotContain("changeset.submitted\",\"entityType\"");
    }

    @Test
    void theVerificationPageShowsTheIntactChainAndThenTheBrokenLink() {
        PageSession pete = PageSession.signIn(Users.PETE);
        long last = AuditEvent.<AuditEvent>find("order by id desc").firstResult().id;
        pete.get("/audit/verification")
                .then()
                .statusCode(200)
                .body(containsString("intact through event " + last))
                .body(not(containsString("breaks")));

        long victim = AuditEvent.<AuditEvent>find("action", "release.created").firstResult().id;
        ResetDatabase.asOwner(dataSource, s -> {
            s.execute("alter table audit_event disable trigger audit_event_append_only");
            try {
                s.execute("update audit_event set after_state = '{\"state\":\"PUBLISHED\"}' where id = " + victim);
            } finally {
                s.execute("alter table audit_event enable trigger audit_event_append_only");
            }
        });
        pete.get("/audit/verification")
                .then()
                .statusCode(200)
                .body(containsString("The chain breaks at event " + victim))
                .body(containsString("was changed after it was written"))
                .body(containsString("Intact through <a href=\"/audit?before=" + victim + "\">event " + (victim - 1)));
    }
}

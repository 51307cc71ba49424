package dev.greenlight.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.greenlight.release.ReleaseView;
import dev.greenlight.testsupport.Fixtures;
import dev.greenlight.testsupport.ResetDatabase;
import dev.greenlight.testsupport.Users;

import javax.sql.DataSource;

@QuarkusTest
class AuditTrailTest {
    @Inject
    Fixtures fixtures;
    @Inject
    AuditLog audit;
    @Inject
    DataSource dataSource;

    @Test
    void everyEventCarriesTheHashOfThePreviousOne() {
        fixtures.neuronxWorkspace();
        fixtures.changeset(Users.ALICE, "chain-1", "\"@neuronx/core\": patch", "One");
        ReleaseView release = fixtures.submittedRelease(Users.ALICE, "Chain", "chain-1");

        List<AuditEvent> all = AuditEvent.list("order by id");
        assertThat(all).hasSizeGreaterThan(3);
        assertThat(all.get(0).prevHash).isEqualTo(AuditLog.GENESIS);
        for (int i = 1; i < all.size(); i++) {
            assertThat(all.get(i).prevHash).as("event %d links to %d", i, i - 1).isEqualTo(all.get(i - 1).hash);
            assertThat(audit.hash(all.get(i))).as("event %d hash recomputes", i).isEqualTo(all.get(i).hash);
        }
        assertThat(audit.releaseHistory(Users.PETE.actor(), release.id())).extracting(AuditEventView::action)
                .containsSubsequence("release.created", "release.submitted");
    }

    @Test
    void theDatabaseRefusesUpdateAndDelete() throws Exception {
        fixtures.neuronxWorkspace();
        // even the schema's owner, past the application role's missing rights (AppRoleTest), meets the trigger
        ResetDatabase.asOwner(dataSource, statement -> {
            assertThatThrownBy(() -> statement.executeUpdate("update audit_event set actor = 'mallory'"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> statement.executeUpdate("delete from audit_event"))
                    .hasMessageContaining("append-only");
        });
        assertThat(AuditEvent.count("actor", "mallory")).isZero();
    }
}

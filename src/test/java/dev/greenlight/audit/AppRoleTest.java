package dev.greenlight.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.greenlight.testsupport.Fixtures;
import dev.greenlight.testsupport.Users;

import javax.sql.DataSource;

/**
 * The application's database role (greenlight_app, V7) appends to the audit log and reads it, and the database refuses
 * it every other change: permission denied, before any trigger is even consulted.
 */
@QuarkusTest
class AppRoleTest {
    private static final String PERMISSION_DENIED = "42501";

    @Inject
    DataSource dataSource;
    @Inject
    Fixtures fixtures;

    @BeforeEach
    void someHistory() {
        fixtures.neuronxWorkspace();
    }

    private interface Work {
        void run(Statement statement) throws SQLException;
    }

    /** Runs in a transaction that is rolled back, so that nothing here stays in the log. */
    private void inRolledBackTransaction(Work work) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            try {
                work.run(statement);
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
    }

    private static void assertDenied(Statement statement, String sql) {
        assertThatThrownBy(() -> statement.execute(sql)).isInstanceOfSatisfying(SQLException.class, e -> {
            assertThat(e.getSQLState()).as(sql).isEqualTo(PERMISSION_DENIED);
            assertThat(e.getMessage()).as(sql).contains("permission denied for table");
        });
    }

    @Test
    void theApplicationRunsAsTheApplicationRole() throws SQLException {
        inRolledBackTransaction(s -> {
            try (ResultSet rs = s.executeQuery("select current_user")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("greenlight_app");
            }
        });
    }

    @Test
    void mayInsertAndSelectAuditEvents() throws SQLException {
        inRolledBackTransaction(s -> {
            s.execute("insert into audit_event (occurred_at, actor, action, entity_type, entity_id, prev_hash, hash, "
                    + "hash_version) values (now(), 'probe', 'probe.inserted', 'probe', '1', 'x', 'probe-hash', 2)");
            try (ResultSet rs = s.executeQuery("select count(*) from audit_event where hash = 'probe-hash'")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(1);
            }
        });
    }

    @Test
    void mayNotUpdateDeleteOrTruncateAuditEvents() throws SQLException {
        assertThat(AuditEvent.count()).isPositive();
        for (String sql : new String[]{"update audit_event set actor = 'mallory'", "delete from audit_event",
                "truncate audit_event"}) {
            inRolledBackTransaction(s -> assertDenied(s, sql));
        }
        assertThat(AuditEvent.count("actor", "mallory")).isZero();
    }

    @Test
    void mayAppendCheckpointsButNeverChangeOrRemoveThem() throws SQLException {
        inRolledBackTransaction(s -> {
            s.execute("insert into audit_checkpoint (event_id, event_hash, signed_at, created_by, key_id, previous, "
                    + "signature) values (1, 'h', now(), 'probe', 'k', 'p', 'probe-signature')");
            for (String sql : new String[]{"update audit_checkpoint set signature = 'x'",
                    "delete from audit_checkpoint", "truncate audit_checkpoint"}) {
                s.execute("savepoint probe");
                assertDenied(s, sql);
                s.execute("rollback to savepoint probe");
            }
        });
    }

    @Test
    void mayNotChangeOtherAppendOnlyRecordsOrTruncateAnything() throws SQLException {
        for (String sql : new String[]{"update release_adr set title = 'x'", "delete from gate_result",
                "update evidence set url = 'x'", "delete from requirement_waiver",
                "update release_check set note = 'x'", "update deployment set status = 'FAILED'",
                "delete from promotion_approval",
                "truncate release",
                "delete from flyway_schema_history"}) {
            inRolledBackTransaction(s -> assertDenied(s, sql));
        }
    }

    @Test
    void mayStillChangeOrdinaryRows() throws SQLException {
        inRolledBackTransaction(s -> assertThat(
                s.executeUpdate("update workspace_package set updated_by = '" + Users.MAX.username + "'"))
                .isPositive());
    }
}

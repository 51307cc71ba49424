package dev.greenlight.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

/**
 * A database whose chain was written before V11 (hash version 1) migrates without any event being re-hashed, still
 * verifies, and continues with version 2 events; a version 1 event after them is reported. Runs the real migrations on
 * a schema of its own, next to the test schema.
 */
@QuarkusTest
class HashVersionMigrationTest {
    @Inject
    AuditLog audit;
    @Inject
    ObjectMapper mapper;

    private String schema;
    private String url;

    @BeforeEach
    void aSchemaOfItsOwn() throws SQLException {
        url = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        String testSchema = url.replaceAll(".*currentSchema=([A-Za-z0-9_]+).*", "$1");
        schema = testSchema + "_hash_versions";
        dropSchema();
    }

    @AfterEach
    void dropSchema() throws SQLException {
        try (Connection c = owner(); Statement s = c.createStatement()) {
            s.execute("drop schema if exists " + schema + " cascade");
        }
    }

    private Connection owner() throws SQLException {
        return DriverManager.getConnection(url, "postgres", "postgres");
    }

    private Flyway flyway(String target) {
        return Flyway.configure()
                .dataSource(url, "postgres", "postgres")
                .schemas(schema)
                .createSchemas(true)
                .locations("classpath:db/migration")
                .target(target)
                .load();
    }

    /** Writes events as the application wrote them before V11: version 1 hashes, no version column yet. */
    private List<AuditEvent> versionOneHistory(Connection c) throws SQLException {
        List<AuditEvent> events = new ArrayList<>();
        String previous = AuditLog.GENESIS;
        for (int i = 1; i <= 3; i++) {
            AuditEvent e = new AuditEvent();
            e.occurredAt = Instant.parse("2026-10-0" + i + "T10:00:00.123456Z");
            e.actor = "ci";
            e.action = "gate.passed";
            e.entityType = "gate-result";
            e.entityId = String.valueOf(i);
            e.releaseId = 7L;
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("gate", "coverage");
            after.put("measured", new BigDecimal("8" + i + ".5"));
            after.put("passed", i > 1);
            e.after = after;
            e.hashVersion = 1;
            e.prevHash = previous;
            e.hash = audit.hash(e);
            previous = e.hash;
            insert(c, e, false);
            events.add(e);
        }
        return events;
    }

    private void insert(Connection c, AuditEvent e, boolean withVersion) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("insert into " + schema + ".audit_event (occurred_at, "
                + "actor, action, entity_type, entity_id, release_id, before_state, after_state, prev_hash, hash"
                + (withVersion ? ", hash_version" : "") + ") values (?, ?, ?, ?, ?, ?, null, cast(? as jsonb), ?, ?"
                + (withVersion ? ", ?" : "") + ")")) {
            insert.setTimestamp(1, Timestamp.from(e.occurredAt));
            insert.setString(2, e.actor);
            insert.setString(3, e.action);
            insert.setString(4, e.entityType);
            insert.setString(5, e.entityId);
            insert.setLong(6, e.releaseId);
            insert.setString(7, mapper.writeValueAsString(e.after));
            insert.setString(8, e.prevHash);
            insert.setString(9, e.hash);
            if (withVersion) {
                insert.setShort(10, e.hashVersion);
            }
            insert.executeUpdate();
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private AuditLog.ChainVerification verify(Connection c) throws SQLException {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("set search_path to " + schema);
            return audit.verify(c);
        } finally {
            c.rollback();
            c.setAutoCommit(true);
        }
    }

    @Test
    void aVersionOneChainMigratesUnchangedVerifiesAndContinuesWithVersionTwo() throws SQLException {
        flyway("10").migrate();
        try (Connection c = owner()) {
            List<AuditEvent> history = versionOneHistory(c);
            flyway("latest").migrate();

            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select hash, hash_version from " + schema
                            + ".audit_event order by id")) {
                for (AuditEvent written : history) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).as("never re-hashed").isEqualTo(written.hash);
                    assertThat(rs.getShort(2)).isEqualTo((short) 1);
                }
            }
            AuditLog.ChainVerification before = verify(c);
            assertThat(before.intact()).as(String.valueOf(before.breaks())).isTrue();
            assertThat(before.checked()).isEqualTo(3);

            // the application's next event: version 2, linked to the last version 1 hash
            AuditEvent next = new AuditEvent();
            next.occurredAt = Instant.parse("2026-10-04T10:00:00Z");
            next.actor = "ci";
            next.action = "gate.failed";
            next.entityType = "gate-result";
            next.entityId = "4";
            next.releaseId = 7L;
            next.after = Map.of("gate", "coverage", "measured", new BigDecimal("1E+1"), "passed", false);
            next.hashVersion = AuditLog.HASH_VERSION;
            next.prevHash = history.get(2).hash;
            next.hash = audit.hash(next);
            insert(c, next, true);
            AuditLog.ChainVerification continued = verify(c);
            assertThat(continued.intact()).as(String.valueOf(continued.breaks())).isTrue();
            assertThat(continued.checked()).isEqualTo(4);

            // a version 1 event cannot follow: the retired hash is only for history
            AuditEvent downgraded = new AuditEvent();
            downgraded.occurredAt = Instant.parse("2026-10-05T10:00:00Z");
            downgraded.actor = "mallory";
            downgraded.action = "gate.passed";
            downgraded.entityType = "gate-result";
            downgraded.entityId = "5";
            downgraded.releaseId = 7L;
            downgraded.after = Map.of("gate", "coverage", "passed", true);
            downgraded.hashVersion = 1;
            downgraded.prevHash = next.hash;
            downgraded.hash = audit.hash(downgraded);
            insert(c, downgraded, true);
            AuditLog.ChainVerification after = verify(c);
            assertThat(after.intact()).isFalse();
            assertThat(after.breakCount()).isEqualTo(1);
            assertThat(after.breaks().get(0).problem()).contains("retired hash version 1");
            assertThat(after.lastIntactId()).isEqualTo(after.brokenAtId() - 1);
        }
    }
}

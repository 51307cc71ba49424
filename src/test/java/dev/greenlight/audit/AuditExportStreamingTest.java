package dev.greenlight.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.greenlight.testsupport.ResetDatabase;

import javax.sql.DataSource;

/**
 * The export reads from a database cursor: half way through 200,000 events (about 100 MB of CSV), the heap that
 * survives a full collection holds one fetch of rows, not the result. A driver that had read every row first would
 * still hold all of them at that point.
 */
@QuarkusTest
class AuditExportStreamingTest {
    private static final int EVENTS = 200_000;
    private static final long MB = 1024 * 1024;

    @Inject
    AuditExport export;
    @Inject
    AuditLog audit;
    @Inject
    DataSource dataSource;

    private static long heapAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    @Test
    void memoryStaysFlatWhileAHundredMegabytesStream() throws Exception {
        ResetDatabase.emptyAllTables(dataSource);
        ResetDatabase.asOwner(dataSource, s -> s.execute("insert into audit_event (occurred_at, actor, action, "
                + "entity_type, entity_id, release_id, after_state, prev_hash, hash, hash_version) select "
                + "timestamptz '2026-01-01' + g * interval '1 second', 'ci', 'gate.passed', 'gate-result', g::text, g, "
                + "jsonb_build_object('note', repeat('x', 300), 'n', g, 'incident', g % 1000), md5(g::text) || md5(g::text), "
                + "md5(g::text || 'h') || md5(g::text), 2 from generate_series(1, " + EVENTS + ") g"));
        long baseline = heapAfterGc();
        long[] lines = {0};
        long[] bytes = {0};
        long[] midway = {0};
        OutputStream counting = new OutputStream() {
            @Override
            public void write(int b) {
                bytes[0]++;
                if (b == '\n' && ++lines[0] == EVENTS / 2) {
                    midway[0] = heapAfterGc();
                }
            }

            @Override
            public void write(byte[] b, int off, int len) {
                for (int i = off; i < off + len; i++) {
                    write(b[i]);
                }
            }
        };
        // read by someone who may not see incident 7: every row's payload is checked on the way
        export.write(new Withholding(Map.of("incident", Set.of("7"))), Long.MAX_VALUE, "csv", Instant.EPOCH,
                Instant.parse("2100-01-01T00:00:00Z"), counting);

        assertThat(lines[0]).isEqualTo(EVENTS + 1);
        assertThat(bytes[0]).isGreaterThan(90 * MB);
        assertThat(midway[0] - baseline).as("heap growth half way through, in bytes").isLessThan(32 * MB);
        ResetDatabase.emptyAllTables(dataSource);
    }

    /** A log broken everywhere: verification walks it all, counts every break and lists a bounded number. */
    @Test
    void verificationCountsEveryBreakAndListsABoundedNumber() {
        int events = 20_000;
        ResetDatabase.emptyAllTables(dataSource);
        ResetDatabase.asOwner(dataSource, s -> s.execute("insert into audit_event (occurred_at, actor, action, "
                + "entity_type, entity_id, release_id, after_state, prev_hash, hash, hash_version) select "
                + "timestamptz '2026-01-01' + g * interval '1 second', 'ci', 'gate.passed', 'gate-result', g::text, g, "
                + "jsonb_build_object('n', g), md5(g::text) || md5(g::text), md5(g::text || 'h') || md5(g::text), 2 "
                + "from generate_series(1, " + events + ") g"));
        AuditLog.ChainVerification result = audit.verify();
        assertThat(result.intact()).isFalse();
        assertThat(result.checked()).isEqualTo(events);
        assertThat(result.breakCount()).isEqualTo(events);
        assertThat(result.breaks()).hasSize(AuditLog.MAX_LISTED_BREAKS);
        assertThat(result.breaks().get(AuditLog.MAX_LISTED_BREAKS - 1).eventId()).isEqualTo(AuditLog.MAX_LISTED_BREAKS);
        assertThat(result.lastIntactId()).isNull();
        ResetDatabase.emptyAllTables(dataSource);
    }
}

package dev.greenlight.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.scheduler.Scheduled;

import dev.greenlight.common.ConflictException;
import dev.greenlight.security.Actor;

import javax.sql.DataSource;

/**
 * Signed checkpoints of the audit chain. The hash chain alone shows a changed event only to someone who trusts the
 * table: whoever can write it can re-hash every event after a change. A checkpoint signs the head (event id and hash)
 * with a key the database does not hold, so a re-hashed chain no longer matches a signature. Each instance runs the
 * job; an advisory lock and "the head is already signed" make several instances sign a head once.
 */
@ApplicationScoped
class AuditCheckpoints {
    static final String TYPE = "greenlight.audit.checkpoint.v1";
    private static final Logger LOG = Logger.getLogger(AuditCheckpoints.class);
    /** Serialises signers across transactions and replicas; distinct from the chain's lock. */
    private static final long CHECKPOINT_LOCK = 0x676c636b70744cL;
    private static final int FETCH_SIZE = 1000;
    private static final String CHECK_QUERY = "select c.id, c.event_id, c.event_hash, c.signed_at, c.created_by, "
            + "c.key_id, c.previous, c.signature, e.hash from audit_checkpoint c "
            + "left join audit_event e on e.id = c.event_id order by c.id";

    /** A checkpoint as the API shows and exports it, with the exact message its signature covers. */
    record CheckpointView(long id, long eventId, String eventHash, Instant signedAt, String createdBy, String keyId,
            String previous, String signature, String message) {
    }

    /** The checkpoint covering the head, and whether this call signed it. */
    record Taken(CheckpointView checkpoint, boolean created) {
    }

    /** What the checkpoints vouch for: up to which event, and whether a signed head was rewritten. */
    record Report(long checked, Long signedThroughId, boolean rewritten) {
    }

    private final EntityManager em;
    private final DataSource dataSource;
    private final AuditSigning signing;
    private final ObjectMapper json;
    private final Clock clock;

    @Inject
    AuditCheckpoints(EntityManager em, DataSource dataSource, AuditSigning signing, ObjectMapper json, Clock clock) {
        this.em = em;
        this.dataSource = dataSource;
        this.signing = signing;
        this.json = json;
        this.clock = clock;
    }

    @Scheduled(identity = "audit-checkpoint", every = "${greenlight.audit.checkpoint.interval:1h}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (signing.configured()) {
            take(Actor.SYSTEM.username());
        }
    }

    /** The key that signs new checkpoints; null when none is configured. */
    String signingKeyId() {
        return signing.keyId();
    }

    /** Signs the chain's head, unless the newest checkpoint already covers it; empty while the log is empty. */
    @Transactional
    Optional<Taken> take(String createdBy) {
        if (!signing.configured()) {
            throw new ConflictException("No audit signing key is configured (greenlight.audit.signing.private-key): "
                    + "no checkpoint can be signed.");
        }
        em.createNativeQuery("select pg_advisory_xact_lock(:lock)")
                .setParameter("lock", CHECKPOINT_LOCK)
                .getSingleResult();
        List<?> heads = em.createNativeQuery("select id, hash from audit_event order by id desc limit 1")
                .getResultList();
        if (heads.isEmpty()) {
            return Optional.empty();
        }
        Object[] head = (Object[]) heads.get(0);
        AuditCheckpoint latest = AuditCheckpoint.<AuditCheckpoint>find("order by id desc").firstResult();
        long headId = ((Number) head[0]).longValue();
        if (latest != null && latest.eventId == headId) {
            return Optional.of(new Taken(view(latest), false));
        }
        AuditCheckpoint checkpoint = new AuditCheckpoint();
        checkpoint.eventId = headId;
        checkpoint.eventHash = (String) head[1];
        // PostgreSQL keeps microseconds; sign what it will store
        checkpoint.signedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        checkpoint.createdBy = createdBy;
        checkpoint.keyId = signing.keyId();
        checkpoint.previous = latest == null ? AuditLog.GENESIS : digest(latest.signature);
        checkpoint.signature = Base64.getEncoder()
                .encodeToString(signing.sign(message(checkpoint).getBytes(StandardCharsets.UTF_8)));
        checkpoint.persistAndFlush();
        // a copy outside the database, for log collectors: removing checkpoints from the table cannot remove these
        LOG.infof("Audit checkpoint %d: event %d hash %s signed at %s by key %s for %s, previous %s, signature %s",
                checkpoint.id, checkpoint.eventId, checkpoint.eventHash, checkpoint.signedAt, checkpoint.keyId,
                checkpoint.createdBy, checkpoint.previous, checkpoint.signature);
        return Optional.of(new Taken(view(checkpoint), true));
    }

    /**
     * Checks every checkpoint in order: signed by a trusted key, following the one before it, and naming an event
     * whose stored hash is still the one signed. Streams, so memory stays flat however many there are.
     */
    Report check(Connection connection, AuditLog.Breaks breaks) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(CHECK_QUERY)) {
            statement.setFetchSize(FETCH_SIZE);
            try (ResultSet rows = statement.executeQuery()) {
                String expectedPrevious = AuditLog.GENESIS;
                Long previousId = null;
                long checked = 0;
                Long signedThrough = null;
                boolean rewritten = false;
                while (rows.next()) {
                    checked++;
                    AuditCheckpoint c = new AuditCheckpoint();
                    c.id = rows.getLong(1);
                    c.eventId = rows.getLong(2);
                    c.eventHash = rows.getString(3);
                    c.signedAt = rows.getObject(4, OffsetDateTime.class).toInstant();
                    c.createdBy = rows.getString(5);
                    c.keyId = rows.getString(6);
                    c.previous = rows.getString(7);
                    c.signature = rows.getString(8);
                    String storedHash = rows.getString(9);
                    List<String> problems = new ArrayList<>();
                    if (!c.previous.equals(expectedPrevious)) {
                        problems.add(previousId == null
                                ? "checkpoint " + c.id + " does not start the sequence: the checkpoints before it were "
                                        + "removed"
                                : "checkpoint " + c.id + " does not follow checkpoint " + previousId
                                        + ": a checkpoint between them was removed");
                    }
                    boolean signed = false;
                    if (!signing.trusts(c.keyId)) {
                        problems.add("checkpoint " + c.id + " is signed by key " + c.keyId
                                + ", which is not a trusted key");
                    } else if (!signing.verify(c.keyId, message(c).getBytes(StandardCharsets.UTF_8),
                            signatureBytes(c.signature))) {
                        problems.add("checkpoint " + c.id + "'s signature does not match its content: it was "
                                + "altered or forged");
                    } else {
                        signed = true;
                    }
                    if (signed && storedHash == null) {
                        rewritten = true;
                        problems.add("event " + c.eventId + ", signed by checkpoint " + c.id + " at " + c.signedAt
                                + ", is missing: the chain was cut");
                    } else if (signed && !storedHash.equals(c.eventHash)) {
                        rewritten = true;
                        problems.add("event " + c.eventId + " no longer has the hash signed by checkpoint " + c.id
                                + " at " + c.signedAt + ": the chain was rewritten and re-hashed");
                    } else if (signed && !rewritten) {
                        signedThrough = c.eventId;
                    }
                    if (!problems.isEmpty()) {
                        breaks.add(new AuditLog.Break(c.eventId, c.id, String.join("; ", problems)));
                    }
                    expectedPrevious = digest(c.signature);
                    previousId = c.id;
                }
                return new Report(checked, signedThrough, rewritten);
            }
        }
    }

    /**
     * Every checkpoint with the public keys that verify them, as JSON, streamed: {@code algorithm}, {@code
     * publicKeys} (id, PEM, current), {@code checkpoints} (fields, {@code message}: the exact UTF-8 text signed,
     * {@code signature}: base64).
     */
    void export(OutputStream out) throws IOException {
        try (JsonGenerator generator = json.getFactory().createGenerator(out);
                Connection connection = dataSource.getConnection()) {
            generator.writeStartObject();
            generator.writeStringField("algorithm", AuditSigning.ALGORITHM);
            generator.writeArrayFieldStart("publicKeys");
            for (AuditSigning.PublicKeyView key : signing.publicKeys()) {
                generator.writeObject(key);
            }
            generator.writeEndArray();
            generator.writeArrayFieldStart("checkpoints");
            // a server-side cursor needs a transaction; the export only reads
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            try (PreparedStatement statement = connection.prepareStatement("select id, event_id, event_hash, "
                    + "signed_at, created_by, key_id, previous, signature from audit_checkpoint order by id")) {
                statement.setFetchSize(FETCH_SIZE);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        AuditCheckpoint c = new AuditCheckpoint();
                        c.id = rows.getLong(1);
                        c.eventId = rows.getLong(2);
                        c.eventHash = rows.getString(3);
                        c.signedAt = rows.getObject(4, OffsetDateTime.class).toInstant();
                        c.createdBy = rows.getString(5);
                        c.keyId = rows.getString(6);
                        c.previous = rows.getString(7);
                        c.signature = rows.getString(8);
                        generator.writeObject(view(c));
                    }
                }
            } finally {
                connection.rollback();
            }
            generator.writeEndArray();
            generator.writeEndObject();
        } catch (SQLException e) {
            throw new IOException("Checkpoint export failed", e);
        }
    }

    /** The text a checkpoint's signature covers: RFC 8785 canonical JSON of its fields. */
    String message(AuditCheckpoint c) {
        ObjectNode fields = json.createObjectNode()
                .put("type", TYPE)
                .put("eventId", c.eventId)
                .put("eventHash", c.eventHash)
                .put("signedAt", c.signedAt.toString())
                .put("createdBy", c.createdBy)
                .put("keyId", c.keyId)
                .put("previous", c.previous);
        return new String(CanonicalJson.utf8(fields.toString()), StandardCharsets.UTF_8);
    }

    private CheckpointView view(AuditCheckpoint c) {
        return new CheckpointView(c.id, c.eventId, c.eventHash, c.signedAt, c.createdBy, c.keyId, c.previous,
                c.signature, message(c));
    }

    /** SHA-256 (hex) of a checkpoint's signature as stored (base64 text): what the next checkpoint names. */
    static String digest(String signature) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(signature.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] signatureBytes(String signature) {
        try {
            return Base64.getDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }
}

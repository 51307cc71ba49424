package dev.greenlight.audit;

import java.io.IOException;
import java.io.StringWriter;
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
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import org.hibernate.Session;
import org.hibernate.engine.spi.SessionImplementor;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import dev.greenlight.security.Actor;

/**
 * Writes audit events in the caller's transaction, each chained to the previous one by a SHA-256 hash so that a
 * changed or removed row shows, and verifies the chain and its signed checkpoints ({@link AuditCheckpoints}).
 */
@ApplicationScoped
public class AuditLog {
    static final String GENESIS = "0".repeat(64);
    /** The hash of new events (V11): SHA-256 over RFC 8785 canonical JSON. Version 1 is only verified. */
    static final short HASH_VERSION = 2;
    /** Significant digits of the numbers audit content may hold: the hash's canonical form holds them exactly. */
    public static final int MAX_NUMBER_DIGITS = CanonicalJson.MAX_DIGITS;
    /** Problems a verification lists; it counts them all. */
    static final int MAX_LISTED_BREAKS = 1000;
    /** Serialises writers so that the chain stays linear across transactions and replicas. */
    private static final long CHAIN_LOCK = 0x6772656e6c6967L;
    /** Key of the events a transaction recorded and has not chained yet. */
    private static final Object PENDING = AuditLog.class.getName() + ".pending";

    private final EntityManager em;
    private final Clock clock;
    private final TransactionSynchronizationRegistry transactions;
    private final ObjectMapper canonicalJson;
    private final AuditCheckpoints checkpoints;
    private final AuditConfidentiality confidentiality;

    @Inject
    AuditLog(EntityManager em, Clock clock, TransactionSynchronizationRegistry transactions, ObjectMapper mapper,
            AuditCheckpoints checkpoints, AuditConfidentiality confidentiality) {
        this.em = em;
        this.clock = clock;
        this.transactions = transactions;
        this.checkpoints = checkpoints;
        this.confidentiality = confidentiality;
        // version 1 hashes depend on exactly this mapper: sorted keys, decimals read as written
        this.canonicalJson = mapper.copy()
                .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
                .configure(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, true);
    }

    /**
     * What changed: the subject, its state before and after (null where there is none). A payload names another subject
     * under that subject's type ({@code "incident": 12}) or its type and {@code Id}, so that readers who may not see
     * that subject get the event withheld ({@link Withholding}).
     */
    public record Change(String action, String entityType, Object entityId, Long releaseId, Map<String, Object> before,
            Map<String, Object> after) {
    }

    /** An event recorded in this transaction, with the JSON text its hash covers. */
    private record Pending(AuditEvent event, String before, String after) {
    }

    /**
     * Records the change in the caller's transaction. The event joins the chain when the transaction commits: the chain
     * lock is then held only for the inserts and the commit, not for the rest of the caller's work, so that audited
     * writes from many requests do not queue behind each other.
     *
     * @throws IllegalArgumentException for a number the hash cannot hold exactly: the edge it came through must bound
     *         it ({@link CanonicalJson#MAX_DIGITS} significant digits)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Actor actor, Change change) {
        @SuppressWarnings("unchecked")
        List<Pending> pending = (List<Pending>) transactions.getResource(PENDING);
        if (pending == null) {
            List<Pending> events = new ArrayList<>();
            transactions.putResource(PENDING, events);
            // runs in Hibernate's own before-completion, on the transaction's connection, after its last flush
            em.unwrap(SessionImplementor.class).getActionQueue().registerProcess(session -> chain(events));
            pending = events;
        }
        AuditEvent event = new AuditEvent();
        // PostgreSQL keeps microseconds; hash what it will store
        event.occurredAt = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        event.actor = actor.username();
        event.action = change.action();
        event.entityType = change.entityType();
        event.entityId = String.valueOf(change.entityId());
        event.releaseId = change.releaseId();
        event.hashVersion = HASH_VERSION;
        String before = writeJson(change.before());
        String after = writeJson(change.after());
        // stored as read back from the hashed text, so that jsonb receives the values that were hashed
        event.before = readJson(before);
        event.after = readJson(after);
        pending.add(new Pending(event, before, after));
    }

    /** Links the transaction's events to the chain's end, in the order they were recorded, and writes them. */
    private void chain(List<Pending> events) {
        em.createNativeQuery("select pg_advisory_xact_lock(:lock)").setParameter("lock", CHAIN_LOCK).getSingleResult();
        String previous = em.createQuery("select e.hash from AuditEvent e order by e.id desc", String.class)
                .setMaxResults(1)
                .getResultStream()
                .findFirst()
                .orElse(GENESIS);
        for (Pending pending : events) {
            AuditEvent event = pending.event();
            event.prevHash = previous;
            event.hash = hashV2(event, pending.before(), pending.after());
            event.persist();
            previous = event.hash;
        }
        em.flush();
    }

    /** One problem a verification found: at an event, and for a checkpoint when it is the checkpoint's. */
    public record Break(Long eventId, Long checkpointId, String problem) {
    }

    /** Counts every break and keeps the first {@link #MAX_LISTED_BREAKS}, so that memory stays bounded. */
    static final class Breaks {
        private final List<Break> listed = new ArrayList<>();
        private long count;

        void add(Break found) {
            count++;
            if (listed.size() < MAX_LISTED_BREAKS) {
                listed.add(found);
            }
        }
    }

    /**
     * What {@link #verify()} found. {@code lastIntactId}: the end of the unbroken run from the first event (and of what
     * the checkpoints still vouch for, once one shows a rewrite). {@code brokenAtId} and {@code problem}: the first
     * break. {@code breaks}: every break in event order, then the checkpoints' (the first {@value #MAX_LISTED_BREAKS};
     * {@code breakCount} counts all). {@code signedThroughId}: the newest event a valid checkpoint vouches for;
     * {@code unsignedEvents}: the events after it. {@code signingKeyId}: the key that signs new checkpoints, null when
     * none is configured.
     */
    public record ChainVerification(boolean intact, long checked, Long lastIntactId, Long brokenAtId, String problem,
            long breakCount, List<Break> breaks, long checkpoints, Long signedThroughId, long unsignedEvents,
            String signingKeyId) {
    }

    /**
     * Walks the whole chain in id order, recomputing each hash from the stored row and checking each link against the
     * stored hash before it, so that one tampered event is one break and every later one is still found; then checks
     * every checkpoint. Streams, so that memory stays flat however long the log is.
     */
    @Transactional
    public ChainVerification verify() {
        return em.unwrap(Session.class).doReturningWork(this::verify);
    }

    /** The same on a connection of the caller's, in its transaction (a server-side cursor needs one). */
    ChainVerification verify(Connection connection) throws SQLException {
        Breaks breaks = new Breaks();
        long checked = 0;
        Long last = null;
        Long lastIntact = null;
        try (PreparedStatement statement = connection.prepareStatement("select id, occurred_at, actor, action, "
                + "entity_type, entity_id, release_id, before_state::text, after_state::text, prev_hash, hash, "
                + "hash_version from audit_event order by id")) {
            statement.setFetchSize(1000);
            try (ResultSet rows = statement.executeQuery()) {
                String previous = GENESIS;
                boolean newerVersionSeen = false;
                while (rows.next()) {
                    AuditEvent event = new AuditEvent();
                    event.id = rows.getLong(1);
                    event.occurredAt = rows.getObject(2, OffsetDateTime.class).toInstant();
                    event.actor = rows.getString(3);
                    event.action = rows.getString(4);
                    event.entityType = rows.getString(5);
                    event.entityId = rows.getString(6);
                    long releaseId = rows.getLong(7);
                    event.releaseId = rows.wasNull() ? null : releaseId;
                    String before = rows.getString(8);
                    String after = rows.getString(9);
                    event.prevHash = rows.getString(10);
                    event.hash = rows.getString(11);
                    event.hashVersion = rows.getShort(12);
                    checked++;
                    List<String> problems = new ArrayList<>();
                    if (!event.prevHash.equals(previous)) {
                        problems.add("event " + event.id + " does not link to the event before it: an event was "
                                + "removed, inserted or reordered");
                    }
                    if (event.hashVersion < 1 || event.hashVersion > HASH_VERSION) {
                        problems.add("event " + event.id + " carries hash version " + event.hashVersion
                                + ", which Greenlight never writes");
                    } else if (event.hashVersion < HASH_VERSION && newerVersionSeen) {
                        problems.add("event " + event.id + " carries the retired hash version " + event.hashVersion
                                + " after events of version " + HASH_VERSION + ": it was inserted or altered");
                    }
                    newerVersionSeen |= event.hashVersion == HASH_VERSION;
                    String inexact = event.hashVersion == HASH_VERSION ? inexactNumber(before, after) : null;
                    if (inexact != null) {
                        problems.add("event " + event.id + " holds the number " + inexact + ", which Greenlight "
                                + "never writes: it was changed after it was written");
                    }
                    if (!recomputedHash(event, before, after).equals(event.hash)) {
                        problems.add("event " + event.id + " was changed after it was written: its content no "
                                + "longer matches its hash");
                    }
                    if (problems.isEmpty()) {
                        if (breaks.count == 0) {
                            lastIntact = event.id;
                        }
                    } else {
                        breaks.add(new Break(event.id, null, String.join("; ", problems)));
                    }
                    previous = event.hash;
                    last = event.id;
                }
            }
        }
        AuditCheckpoints.Report signed = checkpoints.check(connection, breaks);
        if (signed.rewritten()) {
            // past the last checkpoint that still matches, nothing vouches for the chain any more
            lastIntact = signed.signedThroughId() == null || lastIntact == null
                    ? null
                    : Math.min(lastIntact, signed.signedThroughId());
        }
        long unsigned = last == null ? 0 : unsignedAfter(connection, signed.signedThroughId());
        // the chain's breaks come first, in event order, then the checkpoints'
        Break first = breaks.listed.isEmpty() ? null : breaks.listed.get(0);
        return new ChainVerification(breaks.count == 0, checked, lastIntact, first == null ? null : first.eventId(),
                first == null ? null : first.problem(), breaks.count, List.copyOf(breaks.listed), signed.checked(),
                signed.signedThroughId(), unsigned, checkpoints.signingKeyId());
    }

    private static long unsignedAfter(Connection connection, Long signedThroughId) throws SQLException {
        try (PreparedStatement statement = connection
                .prepareStatement("select count(*) from audit_event where id > ?")) {
            statement.setLong(1, signedThroughId == null ? Long.MIN_VALUE : signedThroughId);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private String inexactNumber(String before, String after) {
        String inexact = CanonicalJson.inexactNumber(canonicalJson.getFactory(), before);
        return inexact != null ? inexact : CanonicalJson.inexactNumber(canonicalJson.getFactory(), after);
    }

    /** The hash of a stored event: version 2 from the stored text itself, version 1 as it was computed. */
    private String recomputedHash(AuditEvent event, String before, String after) {
        if (event.hashVersion == HASH_VERSION) {
            return hashV2(event, before, after);
        }
        event.before = readJson(before);
        event.after = readJson(after);
        return hashV1(event);
    }

    private String writeJson(Map<String, Object> content) {
        if (content == null) {
            return null;
        }
        try {
            String json = canonicalJson.writeValueAsString(content);
            String inexact = CanonicalJson.inexactNumber(canonicalJson.getFactory(), json);
            if (inexact != null) {
                throw new IllegalArgumentException("Audit content holds the number " + inexact + ", which its hash "
                        + "cannot hold exactly: bound it to " + CanonicalJson.MAX_DIGITS
                        + " significant digits where it enters");
            }
            return json;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write audit event content", e);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> readJson(String json) {
        try {
            return json == null ? null : canonicalJson.readValue(json, Map.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable audit event content", e);
        }
    }

    /** What {@code reader} may read of each event: ask after reading the events it applies to. */
    Withholding withholdingFor(Actor reader) {
        return new Withholding(confidentiality.hiddenFrom(reader));
    }

    /** The newest event's id, 0 when the log is empty. */
    long newestEventId() {
        return em.createQuery("select coalesce(max(e.id), 0L) from AuditEvent e", Long.class).getSingleResult();
    }

    /**
     * A page of events, newest first, as {@code reader} may read them. Keyset pagination (id below the last one shown)
     * keeps deep pages as fast as the first, however many millions of events there are.
     */
    public AuditPage search(Actor reader, AuditQuery query) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (query.actor() != null && !query.actor().isBlank()) {
            where.append(" and e.actor = :actor");
            parameters.put("actor", query.actor().strip());
        }
        if (query.action() != null && !query.action().isBlank()) {
            where.append(" and e.action = :action");
            parameters.put("action", query.action().strip());
        }
        if (query.releaseId() != null) {
            where.append(" and e.releaseId = :release");
            parameters.put("release", query.releaseId());
        }
        if (query.from() != null || query.to() != null) {
            // Walking ids newest first and filtering on time reads every newer event before an old range; bounding
            // the ids from the time index first keeps old ranges as fast as new ones
            Object[] bounds = idBounds(query.from(), query.to());
            if (bounds[0] == null) {
                return new AuditPage(List.of(), null);
            }
            where.append(" and e.id >= :lowest and e.id <= :highest");
            parameters.put("lowest", ((Number) bounds[0]).longValue());
            parameters.put("highest", ((Number) bounds[1]).longValue());
        }
        if (query.from() != null) {
            where.append(" and e.occurredAt >= :from");
            parameters.put("from", query.from());
        }
        if (query.to() != null) {
            where.append(" and e.occurredAt < :to");
            parameters.put("to", query.to());
        }
        if (query.before() != null) {
            where.append(" and e.id < :before");
            parameters.put("before", query.before());
        }
        var typed = em.createQuery("select e from AuditEvent e where " + where + " order by e.id desc",
                AuditEvent.class).setMaxResults(query.size() + 1);
        parameters.forEach(typed::setParameter);
        List<AuditEvent> events = typed.getResultList();
        boolean more = events.size() > query.size();
        List<AuditEvent> page = more ? events.subList(0, query.size()) : events;
        Withholding withholding = withholdingFor(reader);
        return new AuditPage(page.stream().map(e -> AuditEventView.of(e, withholding)).toList(),
                more ? page.get(page.size() - 1).id : null);
    }

    /**
     * The lowest and highest id of the events in a time range, from the (occurred_at, id) index alone; "offset 0" keeps
     * PostgreSQL from turning min/max into a walk of the primary key.
     */
    private Object[] idBounds(Instant from, Instant to) {
        return (Object[]) em.createNativeQuery("select min(x.id), max(x.id) from (select id from audit_event "
                + "where occurred_at >= :from and occurred_at < :to offset 0) x")
                .setParameter("from", from == null ? Instant.EPOCH : from)
                .setParameter("to", to == null ? Instant.parse("9999-12-31T00:00:00Z") : to)
                .getSingleResult();
    }

    /** Everything that happened to a release, oldest first, as {@code reader} may read it. */
    public List<AuditEventView> releaseHistory(Actor reader, long releaseId) {
        List<AuditEvent> events = AuditEvent.forRelease(releaseId);
        Withholding withholding = withholdingFor(reader);
        return events.stream().map(e -> AuditEventView.of(e, withholding)).toList();
    }

    /** One line of a release's history as its page shows it. */
    public record TimelineEntry(Instant occurredAt, String actor, String action) {
    }

    /**
     * The release's history for its page, oldest first: when, who and what, without the states and hashes that
     * {@link #releaseHistory} parses and the page never shows (so there is nothing to withhold).
     */
    public List<TimelineEntry> releaseTimeline(long releaseId) {
        return AuditEvent.find("releaseId = ?1 order by id", releaseId).project(TimelineEntry.class).list();
    }

    /** The event's hash as its version computes it, from its content in memory. */
    String hash(AuditEvent event) {
        return event.hashVersion == HASH_VERSION
                ? hashV2(event, writeJson(event.before), writeJson(event.after))
                : hashV1(event);
    }

    /**
     * Version 2: SHA-256 over the RFC 8785 canonical JSON of the event with its version, the previous hash and its
     * content as JSON text. jsonb's rewriting of the content leaves the canonical form unchanged, so the stored text
     * verifies as it is; the export's fields and texts are all an offline verifier needs.
     */
    private String hashV2(AuditEvent event, String before, String after) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = canonicalJson.getFactory().createGenerator(text)) {
            json.writeStartObject();
            json.writeNumberField("hashVersion", HASH_VERSION);
            json.writeStringField("prevHash", event.prevHash);
            json.writeStringField("occurredAt", event.occurredAt.toString());
            json.writeStringField("actor", event.actor);
            json.writeStringField("action", event.action);
            json.writeStringField("entityType", event.entityType);
            json.writeStringField("entityId", event.entityId);
            if (event.releaseId == null) {
                json.writeNullField("releaseId");
            } else {
                json.writeNumberField("releaseId", event.releaseId);
            }
            json.writeFieldName("before");
            writeRawOrNull(json, before);
            json.writeFieldName("after");
            writeRawOrNull(json, after);
            json.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot hash audit event", e);
        }
        return sha256(CanonicalJson.utf8(text.toString()));
    }

    private static void writeRawOrNull(JsonGenerator json, String raw) throws IOException {
        if (raw == null) {
            json.writeNull();
        } else {
            json.writeRawValue(raw);
        }
    }

    /**
     * Version 1, for events written before V11: SHA-256 over Jackson's JSON of the event (map keys sorted, numbers as
     * the writer had them, so 1e1 hashed as 1E+1 no longer verifies once jsonb stored it as 10).
     */
    private String hashV1(AuditEvent event) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("prevHash", event.prevHash);
        content.put("occurredAt", event.occurredAt.toString());
        content.put("actor", event.actor);
        content.put("action", event.action);
        content.put("entityType", event.entityType);
        content.put("entityId", event.entityId);
        content.put("releaseId", event.releaseId);
        content.put("before", event.before);
        content.put("after", event.after);
        try {
            return sha256(canonicalJson.writeValueAsBytes(content));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot hash audit event", e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.greenlight.audit;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import dev.greenlight.security.Actor;

/**
 * Writes audit events in the caller's transaction, each chained to the previous one by a SHA-256 hash so that a
 * changed or removed row shows.
 */
@ApplicationScoped
public class AuditLog {
    static final String GENESIS = "0".repeat(64);
    /** Serialises writers so that the chain stays linear across transactions and replicas. */
    private static final long CHAIN_LOCK = 0x6772656e6c6967L;
    /** Key of the events a transaction recorded and has not chained yet. */
    private static final Object PENDING = AuditLog.class.getName() + ".pending";

    private final EntityManager em;
    private final Clock clock;
    private final TransactionSynchronizationRegistry transactions;
    private final ObjectMapper canonicalJson;

    @Inject
    AuditLog(EntityManager em, Clock clock, TransactionSynchronizationRegistry transactions, ObjectMapper mapper) {
        this.em = em;
        this.clock = clock;
        this.transactions = transactions;
        // sorted keys and exact decimals, so that a jsonb round trip hashes the same
        this.canonicalJson = mapper.copy()
                .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
                .configure(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, true);
    }

    /** What changed: the subject, its state before and after (null where there is none). */
    public record Change(String action, String entityType, Object entityId, Long releaseId, Map<String, Object> before,
            Map<String, Object> after) {
    }

    /**
     * Records the change in the caller's transaction. The event joins the chain when the transaction commits: the chain
     * lock is then held only for the inserts and the commit, not for the rest of the caller's work, so that audited
     * writes from many requests do not queue behind each other.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Actor actor, Change change) {
        @SuppressWarnings("unchecked")
        List<AuditEvent> pending = (List<AuditEvent>) transactions.getResource(PENDING);
        if (pending == null) {
            List<AuditEvent> events = new ArrayList<>();
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
        event.before = change.before();
        event.after = change.after();
        pending.add(event);
    }

    /** Links the transaction's events to the chain's end, in the order they were recorded, and writes them. */
    private void chain(List<AuditEvent> events) {
        em.createNativeQuery("select pg_advisory_xact_lock(:lock)").setParameter("lock", CHAIN_LOCK).getSingleResult();
        String previous = em.createQuery("select e.hash from AuditEvent e order by e.id desc", String.class)
                .setMaxResults(1)
                .getResultStream()
                .findFirst()
                .orElse(GENESIS);
        for (AuditEvent event : events) {
            event.prevHash = previous;
            event.hash = hash(event);
            event.persist();
            previous = event.hash;
        }
        em.flush();
    }

    /** What {@link #verify()} found: intact through event N, or the first broken link and why. */
    public record ChainVerification(boolean intact, long checked, Long lastIntactId, Long brokenAtId, String problem) {
    }

    /**
     * Walks the whole chain in id order, recomputing each hash from the stored row, streaming so that memory stays
     * flat however long the log is.
     */
    @Transactional
    public ChainVerification verify() {
        Session session = em.unwrap(Session.class);
        ChainVerification[] result = new ChainVerification[1];
        session.doWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("select id, occurred_at, actor, action, "
                    + "entity_type, entity_id, release_id, before_state::text, after_state::text, prev_hash, hash "
                    + "from audit_event order by id")) {
                statement.setFetchSize(1000);
                try (ResultSet rows = statement.executeQuery()) {
                    String previous = GENESIS;
                    Long lastIntact = null;
                    long checked = 0;
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
                        event.before = readJson(rows.getString(8));
                        event.after = readJson(rows.getString(9));
                        event.prevHash = rows.getString(10);
                        event.hash = rows.getString(11);
                        checked++;
                        if (!event.prevHash.equals(previous)) {
                            result[0] = new ChainVerification(false, checked, lastIntact, event.id, "event " + event.id
                                    + " does not link to the event before it: an event was removed or reordered");
                            return;
                        }
                        if (!hash(event).equals(event.hash)) {
                            result[0] = new ChainVerification(false, checked, lastIntact, event.id, "event " + event.id
                                    + " was changed after it was written: its content no longer matches its hash");
                            return;
                        }
                        previous = event.hash;
                        lastIntact = event.id;
                    }
                    result[0] = new ChainVerification(true, checked, lastIntact, null, null);
                }
            }
        });
        return result[0];
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> readJson(String json) {
        try {
            return json == null ? null : canonicalJson.readValue(json, Map.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable audit event content", e);
        }
    }

    /**
     * A page of events, newest first. Keyset pagination (id below the last one shown) keeps deep pages as fast as the
     * first, however many millions of events there are.
     */
    public AuditPage search(AuditQuery query) {
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
        return new AuditPage(List.copyOf(page), more ? page.get(page.size() - 1).id : null);
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

    /** Everything that happened to a release, oldest first. */
    public List<AuditEvent> releaseHistory(long releaseId) {
        return AuditEvent.forRelease(releaseId);
    }

    /** One line of a release's history as its page shows it. */
    public record TimelineEntry(Instant occurredAt, String actor, String action) {
    }

    /**
     * The release's history for its page, oldest first: when, who and what, without the states and hashes that
     * {@link #releaseHistory} parses and the page never shows.
     */
    public List<TimelineEntry> releaseTimeline(long releaseId) {
        return AuditEvent.find("releaseId = ?1 order by id", releaseId).project(TimelineEntry.class).list();
    }

    /** SHA-256 over the previous hash and the event's canonical JSON (map keys sorted, so jsonb round trips keep it). */
    String hash(AuditEvent event) {
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
            byte[] bytes = canonicalJson.writeValueAsBytes(content);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot hash audit event", e);
        }
    }
}

package dev.greenlight.audit;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
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

    private final EntityManager em;
    private final Clock clock;
    private final ObjectMapper canonicalJson;

    @Inject
    AuditLog(EntityManager em, Clock clock, ObjectMapper mapper) {
        this.em = em;
        this.clock = clock;
        this.canonicalJson = mapper.copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    }

    /** What changed: the subject, its state before and after (null where there is none). */
    public record Change(String action, String entityType, Object entityId, Long releaseId, Map<String, Object> before,
            Map<String, Object> after) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public AuditEvent record(Actor actor, Change change) {
        em.createNativeQuery("select pg_advisory_xact_lock(:lock)").setParameter("lock", CHAIN_LOCK).getSingleResult();
        String previous = em.createQuery("select e.hash from AuditEvent e order by e.id desc", String.class)
                .setMaxResults(1)
                .getResultStream()
                .findFirst()
                .orElse(GENESIS);

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
        event.prevHash = previous;
        event.hash = hash(event);
        event.persist();
        em.flush();
        return event;
    }

    /** Everything that happened to a release, oldest first. */
    public List<AuditEvent> releaseHistory(long releaseId) {
        return AuditEvent.forRelease(releaseId);
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

package dev.greenlight.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Remembers the signatures of accepted interaction requests for as long as their timestamp is acceptable, so that a
 * captured request cannot be played again. Shared by every instance through the database.
 */
@ApplicationScoped
class ReplayGuard {
    private final EntityManager em;
    private final Clock clock;

    @Inject
    ReplayGuard(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** True the first time a signature is seen, false for a replay. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    boolean firstSeen(String signature, Duration window) {
        Instant now = clock.instant();
        em.createNativeQuery("delete from slack_request_seen where seen_at < :before")
                .setParameter("before", now.minus(window.multipliedBy(2)))
                .executeUpdate();
        return em.createNativeQuery("insert into slack_request_seen (signature, seen_at) values (:signature, :now)"
                + " on conflict do nothing")
                .setParameter("signature", signature.toLowerCase())
                .setParameter("now", now)
                .executeUpdate() == 1;
    }
}

package dev.greenlight.audit;

import java.util.Map;
import java.util.Set;

import dev.greenlight.security.Actor;

/**
 * Which audited subjects a reader may not see: the incident feature answers for security incidents and their
 * post-mortems. The log withholds the events that concern them ({@link Withholding}); it keeps their rows.
 */
public interface AuditConfidentiality {
    /**
     * The subjects hidden from {@code reader}, by the entity type their events carry (for example
     * {@code "incident" -> {"12"}}); empty when they see every one. Callers ask after reading the events they show, so
     * that an event written in between is judged by a current answer.
     */
    Map<String, Set<String>> hiddenFrom(Actor reader);
}

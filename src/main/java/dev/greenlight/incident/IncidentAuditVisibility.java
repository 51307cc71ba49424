package dev.greenlight.incident;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import dev.greenlight.audit.AuditConfidentiality;
import dev.greenlight.security.Actor;

/**
 * {@link IncidentVisibility} for the audit log: the security incidents a reader may not see and their post-mortems (whose
 * events carry the timeline entries and action items too), by the entity types their events are recorded under.
 */
@ApplicationScoped
class IncidentAuditVisibility implements AuditConfidentiality {
    private final EntityManager em;

    @Inject
    IncidentAuditVisibility(EntityManager em) {
        this.em = em;
    }

    /** No query for those who see every incident; one otherwise, however many incidents there are. */
    @Override
    public Map<String, Set<String>> hiddenFrom(Actor reader) {
        if (IncidentVisibility.seesAll(reader)) {
            return Map.of();
        }
        List<Object[]> hidden = em.createQuery("select i.id, p.id from Incident i left join Postmortem p"
                + " on p.incidentId = i.id where i.security = true and not " + IncidentVisibility.condition("i"),
                Object[].class).setParameter("viewer", reader.username()).getResultList();
        Set<String> incidents = new HashSet<>();
        Set<String> postmortems = new HashSet<>();
        for (Object[] row : hidden) {
            incidents.add(row[0].toString());
            if (row[1] != null) {
                postmortems.add(row[1].toString());
            }
        }
        // the entity types IncidentService and PostmortemService record their events under
        return Map.of("incident", incidents, "postmortem", postmortems);
    }
}

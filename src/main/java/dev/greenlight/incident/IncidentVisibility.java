package dev.greenlight.incident;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.greenlight.common.Decision;
import dev.greenlight.security.Actor;

/**
 * Who sees a security incident and its post-mortems: the security team and reviewers, engineering leaders, and the
 * people named on it (its reporter, its post-mortems' owners and their action items' owners). To anyone else it does
 * not exist: lists leave it out and its pages answer 404 like an unused number, since a 403 would confirm that a
 * security incident has that number. Other incidents are seen by every Greenlight role.
 */
final class IncidentVisibility {
    private IncidentVisibility() {
    }

    /** Whether the actor sees every incident, so that no query needs to filter. */
    static boolean seesAll(Actor actor) {
        return IncidentPermissions.seesAll(actor);
    }

    static boolean maySee(Actor actor, Incident incident) {
        return maySee(actor, incident.id, incident.security, incident.createdBy);
    }

    /** The same, from the incident's facts, for callers that must not load it before they lock it. */
    static boolean maySee(Actor actor, long id, boolean security, String createdBy) {
        return see(actor, id, security, createdBy).allowed();
    }

    /** {@link IncidentPermissions#see}, asking the database who is named on it only when that decides. */
    static Decision see(Actor actor, long id, boolean security, String createdBy) {
        Decision unnamed = IncidentPermissions.see(actor, security, createdBy, false);
        if (unnamed.allowed()) {
            return unnamed;
        }
        boolean named = Postmortem.count("incidentId = ?1 and owner = ?2", id, actor.username()) > 0
                || ActionItem.count("owner = ?1 and postmortemId in (select p.id from Postmortem p"
                        + " where p.incidentId = ?2)", actor.username(), id) > 0;
        return IncidentPermissions.see(actor, security, createdBy, named);
    }

    /** Of these incidents, the ids of those the actor may not see, in at most one query. */
    static Set<Long> hidden(Actor actor, Collection<Incident> incidents) {
        if (seesAll(actor)) {
            return Set.of();
        }
        List<Long> unsure = incidents.stream()
                .filter(i -> i.security && !actor.username().equals(i.createdBy))
                .map(i -> i.id)
                .toList();
        if (unsure.isEmpty()) {
            return Set.of();
        }
        Set<Long> hidden = new HashSet<>(unsure);
        hidden.removeAll(Incident.getEntityManager()
                .createQuery("select i.id from Incident i where i.id in :ids and " + condition("i"), Long.class)
                .setParameter("ids", unsure)
                .setParameter("viewer", actor.username())
                .getResultList());
        return hidden;
    }

    /**
     * A JPQL condition on the incident aliased {@code i}, with the viewer's name as parameter {@code viewer}: true for
     * the incidents they see.
     */
    static String condition(String i) {
        return "(" + i + ".security = false or " + i + ".createdBy = :viewer"
                + " or exists (select 1 from Postmortem vp where vp.incidentId = " + i + ".id and vp.owner = :viewer)"
                + " or exists (select 1 from Postmortem vp, ActionItem va where va.postmortemId = vp.id"
                + " and vp.incidentId = " + i + ".id and va.owner = :viewer))";
    }
}

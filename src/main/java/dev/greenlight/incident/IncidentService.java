package dev.greenlight.incident;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Page;

import dev.greenlight.audit.AuditLog;
import dev.greenlight.common.ConflictException;
import dev.greenlight.common.Decision;
import dev.greenlight.common.FieldError;
import dev.greenlight.common.InvalidInputException;
import dev.greenlight.common.Limits;
import dev.greenlight.common.ResourceNotFoundException;
import dev.greenlight.release.ReleaseService;
import dev.greenlight.security.Actor;

/**
 * Incidents: filed by authors and the teams who run production, edited by their reporter or those teams, linked to
 * the releases they touched. Every change is audited in its transaction. The emergency path and overrides file their
 * incidents through here too.
 */
@ApplicationScoped
public class IncidentService {
    static final int MAX_SERVICES = 50;
    static final int MAX_RELEASES = 50;
    /** The incidents that touched the release given as parameter "release". */
    private static final String TOUCHING = "select incident_id from incident_release where release_id = :release";

    /** What a form or a script sends; text as typed, checked here. {@code version} is the one the editor saw. */
    public record IncidentInput(String title, String severity, String status, String impact, String startedAt,
            String resolvedAt, Boolean security, List<String> affectedServices, List<Long> releaseIds, String report,
            Long version) {
    }

    /** One page of incidents, newest first. */
    public record IncidentPage(List<IncidentView> items, int page, int size, long total) {
        public int pageCount() {
            return (int) Math.max(1, (total + size - 1) / size);
        }

        public boolean hasNext() {
            return (long) (page + 1) * size < total;
        }

        public boolean hasPrevious() {
            return page > 0;
        }
    }

    private final ReleaseService releases;
    private final AuditLog audit;
    private final EntityManager em;
    private final Clock clock;

    @Inject
    IncidentService(ReleaseService releases, AuditLog audit, EntityManager em, Clock clock) {
        this.releases = releases;
        this.audit = audit;
        this.em = em;
        this.clock = clock;
    }

    @Transactional
    public IncidentView file(Actor actor, IncidentInput input) {
        IncidentPermissions.file(actor).orThrow();
        Instant now = clock.instant();
        Incident incident = new Incident();
        incident.createdBy = actor.username();
        incident.createdAt = now;
        List<Long> releaseIds = apply(incident, input, now);
        incident.persistAndFlush();
        link(incident.id, releaseIds);
        audit.record(actor, new AuditLog.Change("incident.filed", "incident", incident.id, first(releaseIds), null,
                snapshot(incident, releaseIds)));
        return view(incident);
    }

    @Transactional
    public IncidentView update(Actor actor, long id, IncidentInput input) {
        Incident incident = Incident.findForUpdate(id)
                .filter(i -> IncidentVisibility.maySee(actor, i))
                .orElseThrow(() -> new ResourceNotFoundException("Incident", id));
        refuseUnlessEditor(actor, incident);
        refuseIfStale("Incident " + id, input.version(), incident.version, incident.updatedAt);
        Map<String, Object> before = snapshot(incident, linkedReleases(id));
        List<Long> releaseIds = apply(incident, input, clock.instant());
        em.createNativeQuery("delete from incident_release where incident_id = :id")
                .setParameter("id", id)
                .executeUpdate();
        link(id, releaseIds);
        em.flush();
        audit.record(actor, new AuditLog.Change("incident.updated", "incident", id, first(releaseIds), before,
                snapshot(incident, releaseIds)));
        return view(incident);
    }

    /** The incident, if the actor sees it; else a 404 as for an unused number ({@link IncidentVisibility}). */
    public IncidentView get(Actor actor, long id) {
        return view(Incident.<Incident>findByIdOptional(id)
                .filter(i -> IncidentVisibility.maySee(actor, i))
                .orElseThrow(() -> new ResourceNotFoundException("Incident", id)));
    }

    /**
     * The incidents that touched a release and that the actor sees, oldest first, with every release each touched and
     * their post-mortems: three queries however many incidents there are.
     */
    @SuppressWarnings("unchecked")
    public List<IncidentView> forRelease(Actor actor, long releaseId) {
        List<Object[]> links = em.createNativeQuery("select incident_id, release_id from incident_release"
                + " where incident_id in (" + TOUCHING + ")"
                + " order by incident_id, release_id")
                .setParameter("release", releaseId)
                .getResultList();
        if (links.isEmpty()) {
            return List.of();
        }
        Map<Long, List<Long>> releasesByIncident = new LinkedHashMap<>();
        for (Object[] link : links) {
            releasesByIncident.computeIfAbsent(((Number) link[0]).longValue(), id -> new ArrayList<>())
                    .add(((Number) link[1]).longValue());
        }
        // the release id again, not the incident ids: Hibernate translates a query with a list parameter on every call
        List<Incident> touched = ((List<Incident>) em.createNativeQuery("select * from incident where id in ("
                + TOUCHING + ") order by id", Incident.class).setParameter("release", releaseId).getResultList())
                .stream()
                .filter(i -> IncidentVisibility.maySee(actor, i))
                .toList();
        Map<Long, String> titles = new HashMap<>();
        touched.forEach(i -> titles.put(i.id, i.title));
        Map<Long, List<PostmortemSummary>> postmortems = new HashMap<>();
        List<Postmortem> ofTouched = em.createNativeQuery("select * from postmortem where incident_id in (" + TOUCHING
                + ") order by id", Postmortem.class).setParameter("release", releaseId).getResultList();
        PostmortemService.summaries(ofTouched.stream().filter(p -> titles.containsKey(p.incidentId)).toList(),
                clock.instant(), titles)
                .forEach(p -> postmortems.computeIfAbsent(p.incidentId(), id -> new ArrayList<>()).add(p));
        return touched.stream()
                .map(i -> view(i, releasesByIncident.get(i.id), postmortems.getOrDefault(i.id, List.of())))
                .toList();
    }

    /** Newest first, of the incidents the actor sees; null filters match every incident. */
    public IncidentPage search(Actor actor, IncidentStatus status, Severity severity, Boolean security, int page,
            int size) {
        String viewer = IncidentVisibility.seesAll(actor) ? null : actor.username();
        List<IncidentView> items = Incident.search(status, severity, security, viewer, Page.of(page, size))
                .stream()
                .map(this::listView)
                .toList();
        return new IncidentPage(items, page, size, Incident.countMatching(status, severity, security, viewer));
    }

    // --- For the emergency path, overrides and rollbacks ------------------------------------------------------

    /**
     * What the viewer may see of an incident another feature links: its summary, or only that a security incident they
     * may not see is linked ({@link IncidentVisibility}).
     */
    public IncidentSummary summary(Actor viewer, long id) {
        return summaries(viewer, List.of(id)).values()
                .stream()
                .findFirst()
                .orElseThrow(() -> new ResourceNotFoundException("Incident", id));
    }

    /** The same for several incidents, by id, in at most two queries. */
    public Map<Long, IncidentSummary> summaries(Actor viewer, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<Incident> found = Incident.list("id in ?1", ids);
        Set<Long> hidden = IncidentVisibility.hidden(viewer, found);
        Map<Long, IncidentSummary> summaries = new HashMap<>();
        found.forEach(i -> summaries.put(i.id, hidden.contains(i.id)
                ? IncidentSummary.hiddenOne()
                : IncidentSummary.of(i)));
        return summaries;
    }

    /** The incident someone names to link it, if it exists for them: one they may not see does not. */
    public Optional<IncidentSummary> visible(Actor actor, long id) {
        return Incident.<Incident>findByIdOptional(id)
                .filter(i -> IncidentVisibility.maySee(actor, i))
                .map(IncidentSummary::of);
    }

    /**
     * For a rule every reader sees: empty when the incident has its report, else the incident as anyone may read it,
     * "incident #12 (Checkout down)", or "its security incident" without number or title.
     */
    public Optional<String> missingReport(long id) {
        return Incident.<Incident>findByIdOptional(id)
                .filter(i -> i.report == null || i.report.isBlank())
                .map(i -> i.security ? "its security incident" : "incident #" + i.id + " (" + i.title + ")");
    }

    /**
     * The emergency path and overrides file their incident here, started now, touching {@code releaseId}; a security
     * incident is then seen only as {@link IncidentVisibility} says.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public IncidentSummary fileFor(Actor actor, String title, Severity severity, boolean security, String report,
            long releaseId) {
        Instant now = clock.instant();
        Incident incident = new Incident();
        incident.title = title.strip();
        incident.severity = severity;
        incident.status = IncidentStatus.OPEN;
        incident.startedAt = now;
        incident.affectedServices = new String[0];
        incident.security = security;
        incident.report = blankToNull(report);
        incident.createdBy = actor.username();
        incident.createdAt = now;
        incident.updatedAt = now;
        incident.persistAndFlush();
        link(incident.id, List.of(releaseId));
        audit.record(actor, new AuditLog.Change("incident.filed", "incident", incident.id, releaseId, null,
                snapshot(incident, List.of(releaseId))));
        return IncidentSummary.of(incident);
    }

    /** Records that the incident touched the release (nothing when it is known already). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void linkRelease(long incidentId, long releaseId) {
        link(incidentId, List.of(releaseId));
    }

    /**
     * Null when the actor may edit the incident, else why not. Naming an incident on the emergency path or in an
     * override links it; only its editors may change its report there too.
     */
    public String whyNotEdit(Actor actor, long id) {
        Incident.Facts facts = Incident.factsOf(id).orElseThrow(() -> new ResourceNotFoundException("Incident", id));
        Decision edit = editRefusal(actor, id, facts.createdBy(), facts.security());
        return edit.allowed() ? null : edit.reason();
    }

    /** Writes the incident report, for those who may edit the incident, audited against the release. */
    @Transactional(Transactional.TxType.MANDATORY)
    public IncidentSummary writeReport(Actor actor, long id, String report, Long releaseId) {
        Incident incident = Incident.findForUpdate(id).orElseThrow(() -> new ResourceNotFoundException("Incident", id));
        refuseUnlessEditor(actor, incident);
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("report", incident.report);
        incident.report = report.strip();
        incident.updatedAt = clock.instant();
        audit.record(actor, new AuditLog.Change("incident.report-written", "incident", incident.id, releaseId, before,
                Map.of("report", incident.report)));
        return IncidentSummary.of(incident);
    }

    /** The releases an incident touched, oldest first. */
    @SuppressWarnings("unchecked")
    List<Long> linkedReleases(long incidentId) {
        return ((List<Number>) em
                .createNativeQuery("select release_id from incident_release where incident_id = :id order by 1")
                .setParameter("id", incidentId)
                .getResultList()).stream().map(Number::longValue).toList();
    }

    private void link(long incidentId, List<Long> releaseIds) {
        for (Long releaseId : releaseIds) {
            em.createNativeQuery("insert into incident_release (incident_id, release_id) values (:incident, :release)"
                    + " on conflict do nothing")
                    .setParameter("incident", incidentId)
                    .setParameter("release", releaseId)
                    .executeUpdate();
        }
    }

    /** Checks the input and copies it onto the incident; returns the releases to link. */
    private List<Long> apply(Incident incident, IncidentInput input, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        String title = text(errors, "title", input.title(), Limits.SHORT_TEXT_CHARS, true);
        Severity severity = null;
        try {
            severity = Severity.parse("severity", input.severity());
        } catch (InvalidInputException e) {
            errors.addAll(e.errors());
        }
        // status and security are decisions: never defaulted, which would reopen or declassify an incident
        IncidentStatus status = null;
        try {
            status = IncidentStatus.parse("status", input.status());
        } catch (InvalidInputException e) {
            errors.addAll(e.errors());
        }
        if (input.security() == null) {
            errors.add(new FieldError("security", "is missing: must be true or false"));
        }
        String impact = text(errors, "impact", input.impact(), Limits.REPORT_CHARS, false);
        String report = text(errors, "report", input.report(), Limits.REPORT_CHARS, false);
        Instant startedAt = Times.instant(errors, "startedAt", input.startedAt());
        Instant resolvedAt = Times.instant(errors, "resolvedAt", input.resolvedAt());
        if (startedAt == null && (input.startedAt() == null || input.startedAt().isBlank())) {
            startedAt = incident.startedAt != null ? incident.startedAt : now;
        }
        if (startedAt != null && resolvedAt != null && resolvedAt.isBefore(startedAt)) {
            errors.add(new FieldError("resolvedAt", "must not be before the start (" + startedAt + ")"));
        }
        if (status == IncidentStatus.RESOLVED && resolvedAt == null
                && (input.resolvedAt() == null || input.resolvedAt().isBlank())) {
            errors.add(new FieldError("resolvedAt", "say when a resolved incident ended"));
        }
        Set<String> services = new LinkedHashSet<>();
        for (String service : input.affectedServices() == null ? List.<String>of() : input.affectedServices()) {
            if (service != null && !service.isBlank()) {
                services.add(service.strip());
            }
        }
        if (services.size() > MAX_SERVICES || services.stream().anyMatch(s -> s.length() > 200)) {
            errors.add(new FieldError("affectedServices", "at most " + MAX_SERVICES + " names of 200 characters"));
        }
        Set<Long> releaseIds = new LinkedHashSet<>();
        for (Long releaseId : input.releaseIds() == null ? List.<Long>of() : input.releaseIds()) {
            if (releaseId != null) {
                releaseIds.add(releaseId);
            }
        }
        if (releaseIds.size() > MAX_RELEASES) {
            errors.add(new FieldError("releaseIds", "at most " + MAX_RELEASES + " releases"));
        } else {
            for (Long releaseId : releaseIds) {
                try {
                    releases.get(releaseId);
                } catch (ResourceNotFoundException e) {
                    errors.add(new FieldError("releaseIds", "there is no release " + releaseId));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        incident.title = title;
        incident.severity = severity;
        incident.status = status;
        incident.impact = impact;
        incident.startedAt = startedAt;
        incident.resolvedAt = resolvedAt;
        incident.security = input.security();
        incident.affectedServices = services.toArray(String[]::new);
        incident.report = report;
        incident.updatedAt = now;
        return List.copyOf(releaseIds);
    }

    private static void refuseUnlessEditor(Actor actor, Incident incident) {
        editRefusal(actor, incident.id, incident.createdBy, incident.security).orThrow();
    }

    /** Editors edit the incidents they see; a security incident they may not see they may not change either. */
    private static Decision editRefusal(Actor actor, long id, String reporter, boolean security) {
        return IncidentPermissions.edit(actor, id, reporter, IncidentVisibility.see(actor, id, security, reporter));
    }

    /** Optimistic locking for editors: the version they loaded must still be the current one. */
    static void refuseIfStale(String what, Long seen, long current, Instant changedAt) {
        if (seen != null && seen != current) {
            throw new ConflictException(what + " was changed by someone else at " + changedAt + " since you opened"
                    + " it; reload it, then apply your changes again.");
        }
    }

    private IncidentView view(Incident i) {
        return view(i, linkedReleases(i.id), PostmortemService.summaries(Postmortem.ofIncident(i.id), clock.instant()));
    }

    /** Lists show no post-mortems: one query per page, not per row. */
    private IncidentView listView(Incident i) {
        return view(i, List.of(), List.of());
    }

    private static IncidentView view(Incident i, List<Long> releaseIds, List<PostmortemSummary> postmortems) {
        return new IncidentView(i.id, i.title, i.severity, i.status, i.impact, i.startedAt, i.resolvedAt, i.security,
                Arrays.asList(i.affectedServices), releaseIds, i.report, i.createdBy, i.createdAt, i.updatedAt,
                i.version, postmortems);
    }

    private static Map<String, Object> snapshot(Incident i, List<Long> releaseIds) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("title", i.title);
        state.put("severity", i.severity.name());
        state.put("status", i.status.name());
        state.put("impact", i.impact);
        state.put("startedAt", String.valueOf(i.startedAt));
        state.put("resolvedAt", i.resolvedAt == null ? null : i.resolvedAt.toString());
        state.put("security", i.security);
        state.put("affectedServices", Arrays.asList(i.affectedServices));
        state.put("releases", releaseIds);
        state.put("report", i.report);
        return state;
    }

    private static Long first(List<Long> ids) {
        return ids.isEmpty() ? null : ids.get(0);
    }

    static String text(List<FieldError> errors, String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(new FieldError(field, "must not be blank"));
            }
            return null;
        }
        if (value.length() > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters"));
            return null;
        }
        return value.strip();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

package dev.greenlight.calendar;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.greenlight.audit.AuditLog;
import dev.greenlight.common.ConflictException;
import dev.greenlight.common.FieldError;
import dev.greenlight.common.Inputs;
import dev.greenlight.common.InvalidInputException;
import dev.greenlight.common.ResourceNotFoundException;
import dev.greenlight.security.Actor;
import dev.greenlight.workspace.WorkspaceService;

/**
 * Freeze windows of the change calendar: created, changed and deleted by engineering leaders and admins (audited),
 * expanded into occurrences for the calendar, the feed, Slack and the publish check.
 */
@ApplicationScoped
public class FreezeService {
    private final AuditLog audit;
    private final Inputs inputs;
    private final WorkspaceService workspace;
    private final FreezePolicy policy;
    private final List<String> environments;
    private final Clock clock;

    @Inject
    FreezeService(AuditLog audit, Inputs inputs, WorkspaceService workspace, FreezePolicy policy,
            @ConfigProperty(name = "greenlight.environments", defaultValue = "staging,production") List<String> environments,
            Clock clock) {
        this.audit = audit;
        this.inputs = inputs;
        this.workspace = workspace;
        this.policy = policy;
        this.environments = environments.stream().map(String::strip).toList();
        this.clock = clock;
    }

    /** A window's occurrence, with the window. */
    public record Frozen(FreezeView window, Occurrence occurrence) {
        /** As people read it: "freeze window #3 "Holiday freeze" (everything) until Mon 4 Jan 2027 08:00 ...". */
        public String description() {
            return FreezeGuard.describe(this);
        }
    }

    /** Every window, earliest first. */
    public List<FreezeView> windows() {
        return FreezeWindow.all().stream().map(FreezeView::of).toList();
    }

    public FreezeView get(long id) {
        return FreezeView.of(find(id));
    }

    public List<String> environments() {
        return environments;
    }

    public FreezePolicy policy() {
        return policy;
    }

    /** The occurrences of every window that overlap {@code [from, to)}, by start; the range is bounded by the horizon. */
    public List<Frozen> between(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            throw new InvalidInputException("to", "must be after from");
        }
        if (Duration.between(from, to).compareTo(policy.horizon()) > 0) {
            throw new InvalidInputException("to", "must be at most " + policy.horizon().toDays() + " days after from");
        }
        List<Frozen> found = new ArrayList<>();
        for (FreezeWindow w : FreezeWindow.all()) {
            FreezeView view = FreezeView.of(w);
            schedule(w).between(from, to, policy.maxOccurrences())
                    .forEach(o -> found.add(new Frozen(view, o)));
        }
        found.sort(Comparator.comparing((Frozen f) -> f.occurrence().start()).thenComparing(f -> f.window().id()));
        return found;
    }

    /**
     * The occurrences in force at {@code at} that cover a release of {@code packages}: windows for everything and
     * windows naming one of the packages. Windows of environments apply to deployments ({@link #coveringEnvironment}).
     */
    public List<Frozen> coveringPackages(Collection<String> packages, Instant at) {
        return inForce(at).stream()
                .filter(f -> f.window().scope() == FreezeScope.ALL
                        || f.window().scope() == FreezeScope.PACKAGES
                                && f.window().targets().stream().anyMatch(packages::contains))
                .toList();
    }

    /** The occurrences in force at {@code at} for deployments to {@code environment}: everything and that one. */
    public List<Frozen> coveringEnvironment(String environment, Instant at) {
        return inForce(at).stream()
                .filter(f -> f.window().scope() == FreezeScope.ALL
                        || f.window().scope() == FreezeScope.ENVIRONMENTS
                                && f.window().targets().contains(environment))
                .toList();
    }

    private List<Frozen> inForce(Instant at) {
        List<Frozen> found = new ArrayList<>();
        for (FreezeWindow w : FreezeWindow.all()) {
            schedule(w).at(at).ifPresent(o -> found.add(new Frozen(FreezeView.of(w), o)));
        }
        return found;
    }

    @Transactional
    public FreezeView create(Actor actor, FreezeInput input) {
        FreezePermissions.manage(actor).orThrow();
        inputs.check(input);
        Valid valid = validate(input);
        if (FreezeWindow.count() >= policy.maxWindows()) {
            throw new ConflictException("There are " + policy.maxWindows()
                    + " freeze windows already, the most allowed; delete ended ones first.");
        }
        refuseOverlaps(valid, null);
        Instant now = clock.instant();
        FreezeWindow w = new FreezeWindow();
        apply(w, valid);
        w.createdBy = actor.username();
        w.createdAt = now;
        w.updatedBy = actor.username();
        w.updatedAt = now;
        w.persist();
        audit.record(actor, new AuditLog.Change("freeze.created", "freeze-window", w.id, null, null, snapshot(w)));
        return FreezeView.of(w);
    }

    @Transactional
    public FreezeView update(Actor actor, long id, FreezeInput input) {
        FreezePermissions.manage(actor).orThrow();
        inputs.check(input);
        Valid valid = validate(input);
        FreezeWindow w = FreezeWindow.<FreezeWindow>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> new ResourceNotFoundException("Freeze window", id));
        refuseOverlaps(valid, id);
        Map<String, Object> before = snapshot(w);
        apply(w, valid);
        w.updatedBy = actor.username();
        w.updatedAt = clock.instant();
        audit.record(actor, new AuditLog.Change("freeze.changed", "freeze-window", w.id, null, before, snapshot(w)));
        return FreezeView.of(w);
    }

    @Transactional
    public void delete(Actor actor, long id) {
        FreezePermissions.manage(actor).orThrow();
        FreezeWindow w = find(id);
        Map<String, Object> before = snapshot(w);
        w.delete();
        audit.record(actor, new AuditLog.Change("freeze.deleted", "freeze-window", id, null, before, null));
    }

    /** Records that an approved emergency published a release while a freeze covered it. */
    @Transactional(Transactional.TxType.MANDATORY)
    void recordBypass(Actor actor, long releaseId, long emergencyId, List<Frozen> frozen) {
        for (Frozen f : frozen) {
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("window", f.window().id());
            after.put("reason", f.window().reason());
            after.put("occurrenceStart", f.occurrence().start().toString());
            after.put("occurrenceEnd", f.occurrence().end().toString());
            after.put("emergency", emergencyId);
            audit.record(actor, new AuditLog.Change("freeze.bypassed", "freeze-window", f.window().id(), releaseId,
                    null, after));
        }
    }

    /** The schedule of a stored window (its values were validated when written). */
    static Schedule schedule(FreezeWindow w) {
        ZoneId zone = ZoneId.of(w.timeZone);
        if (w.recurrence == null) {
            return Schedule.oneOff(w.startsAt, w.endsAt, zone);
        }
        try {
            return Schedule.recurring(w.startsAt, w.endsAt, zone, w.recurrence);
        } catch (Schedule.InvalidRule e) {
            throw new IllegalStateException("Freeze window " + w.id + " holds a refused rule: " + e.getMessage(), e);
        }
    }

    private FreezeWindow find(long id) {
        return FreezeWindow.<FreezeWindow>findByIdOptional(id)
                .orElseThrow(() -> new ResourceNotFoundException("Freeze window", id));
    }

    /** An input that passed every check, parsed. */
    private record Valid(String reason, LocalDateTime start, LocalDateTime end, ZoneId zone, String recurrence,
            FreezeScope scope, List<String> targets, Schedule schedule) {
    }

    private Valid validate(FreezeInput input) {
        List<FieldError> errors = new ArrayList<>();
        LocalDateTime start = localTime(input.start(), "start", errors);
        LocalDateTime end = localTime(input.end(), "end", errors);
        ZoneId zone = null;
        String zoneId = input.timeZone().strip();
        if (!ZoneId.getAvailableZoneIds().contains(zoneId)) {
            errors.add(new FieldError("timeZone", "must be an IANA time zone such as Europe/Berlin"));
        } else {
            zone = ZoneId.of(zoneId);
        }
        FreezeScope scope = null;
        try {
            scope = FreezeScope.valueOf(input.scope().strip());
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("scope", "must be ALL, PACKAGES or ENVIRONMENTS"));
        }
        Set<String> targets = new LinkedHashSet<>();
        input.targetList().forEach(t -> targets.add(t.strip()));
        if (scope == FreezeScope.ALL && !targets.isEmpty()) {
            errors.add(new FieldError("targets", "must be empty when the window covers everything"));
        } else if (scope == FreezeScope.PACKAGES || scope == FreezeScope.ENVIRONMENTS) {
            Set<String> known = new LinkedHashSet<>(scope == FreezeScope.PACKAGES
                    ? workspace.manifests().stream().map(m -> m.name()).toList()
                    : environments);
            List<String> unknown = targets.stream().filter(t -> !known.contains(t)).toList();
            if (targets.isEmpty()) {
                errors.add(new FieldError("targets", "name at least one " + (scope == FreezeScope.PACKAGES
                        ? "package"
                        : "environment")));
            } else if (!unknown.isEmpty()) {
                errors.add(new FieldError("targets", "unknown: " + String.join(", ", unknown) + "; known: "
                        + String.join(", ", known)));
            }
        }
        if (start != null && end != null) {
            if (!end.isAfter(start)) {
                errors.add(new FieldError("end", "must be after the start"));
            } else if (Duration.between(start, end).compareTo(policy.maxDuration()) > 0) {
                errors.add(new FieldError("end", "must be at most " + policy.maxDuration().toDays()
                        + " days after the start"));
            }
        }
        String rule = input.recurrence() == null || input.recurrence().isBlank() ? null : input.recurrence().strip();
        Schedule schedule = null;
        if (errors.isEmpty()) {
            if (rule == null) {
                schedule = Schedule.oneOff(start, end, zone);
                if (!schedule.first().end().isAfter(clock.instant())) {
                    errors.add(new FieldError("end", "must be in the future"));
                }
            } else {
                try {
                    schedule = Schedule.recurring(start, end, zone, rule);
                } catch (Schedule.InvalidRule e) {
                    errors.add(new FieldError("recurrence", e.getMessage()));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new Valid(input.reason().strip(), start, end, zone, schedule.rule().orElse(null), scope,
                List.copyOf(targets), schedule);
    }

    private static LocalDateTime localTime(String text, String field, List<FieldError> errors) {
        try {
            return LocalDateTime.parse(text.strip()).truncatedTo(ChronoUnit.MINUTES);
        } catch (DateTimeException e) {
            errors.add(new FieldError(field, "must be a local date and time such as 2026-12-24T18:00"));
            return null;
        }
    }

    /**
     * Two windows of the same scope (both everything, or both naming a common package or environment) may not be in
     * force at once anywhere between now and the horizon: one of them would say nothing.
     */
    private void refuseOverlaps(Valid valid, Long self) {
        Instant from = clock.instant();
        Instant to = from.plus(policy.horizon());
        List<Occurrence> mine = valid.schedule().between(from, to, policy.maxOccurrences());
        for (FreezeWindow other : FreezeWindow.all()) {
            if (other.id.equals(self) || other.scope != valid.scope()
                    || valid.scope() != FreezeScope.ALL
                            && other.targets.stream().noneMatch(valid.targets()::contains)) {
                continue;
            }
            List<Occurrence> theirs = schedule(other).between(from, to, policy.maxOccurrences());
            firstOverlap(mine, theirs).ifPresent(o -> {
                throw new ConflictException("This window overlaps freeze window #" + other.id + " (\"" + other.reason
                        + "\", " + FreezeView.of(other).scopeText() + ") on " + o.localStart().toLocalDate() + " "
                        + o.zone() + "; change one of them so that they do not overlap.");
            });
        }
    }

    private static Optional<Occurrence> firstOverlap(List<Occurrence> a, List<Occurrence> b) {
        int i = 0;
        int j = 0;
        while (i < a.size() && j < b.size()) {
            if (a.get(i).overlaps(b.get(j))) {
                return Optional.of(a.get(i));
            }
            if (a.get(i).end().isAfter(b.get(j).end())) {
                j++;
            } else {
                i++;
            }
        }
        return Optional.empty();
    }

    private static void apply(FreezeWindow w, Valid v) {
        w.reason = v.reason();
        w.startsAt = v.start();
        w.endsAt = v.end();
        w.timeZone = v.zone().getId();
        w.recurrence = v.recurrence();
        w.scope = v.scope();
        w.targets = new ArrayList<>(v.targets());
    }

    private static Map<String, Object> snapshot(FreezeWindow w) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("reason", w.reason);
        s.put("start", w.startsAt.toString());
        s.put("end", w.endsAt.toString());
        s.put("timeZone", w.timeZone);
        s.put("recurrence", w.recurrence);
        s.put("scope", w.scope.name());
        s.put("targets", List.copyOf(w.targets));
        return s;
    }
}

package dev.greenlight.calendar;

import java.net.URI;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import dev.greenlight.common.Decision;
import dev.greenlight.common.FieldError;
import dev.greenlight.common.Inputs;
import dev.greenlight.common.InvalidInputException;
import dev.greenlight.release.ReleaseService;
import dev.greenlight.release.ReleaseState;
import dev.greenlight.release.ReleaseView;
import dev.greenlight.security.CurrentUser;
import dev.greenlight.security.Roles;
import dev.greenlight.web.Flash;
import dev.greenlight.web.Forms;

/** The change calendar: freezes and releases by month or as a list, and the forms leaders manage windows with. */
@Path("/calendar")
@Produces(MediaType.TEXT_HTML)
class CalendarPages {
    static final int MAX_RELEASES = 200;
    /** The targets field: every package name of the largest workspace, comma-separated. */
    static final int MAX_TARGETS_CHARS = 50_000;
    /** Zones the form offers; the service accepts any IANA zone. */
    static final List<String> ZONES = ZoneId.getAvailableZoneIds()
            .stream()
            .filter(z -> z.contains("/") && !z.startsWith("Etc/") && !z.startsWith("SystemV/"))
            .sorted()
            .toList();

    private final FreezeService freezes;
    private final ReleaseService releases;
    private final CurrentUser user;
    private final Clock clock;

    @Inject
    CalendarPages(FreezeService freezes, ReleaseService releases, CurrentUser user, Clock clock) {
        this.freezes = freezes;
        this.releases = releases;
        this.user = user;
        this.clock = clock;
    }

    /** The form as the user filled it: every field as text. */
    public record FreezeForm(String reason, String start, String end, String timeZone, String recurrence,
            String scope, String targets) {
        static FreezeForm empty() {
            return new FreezeForm("", "", "", "Europe/Berlin", "", "ALL", "");
        }

        static FreezeForm of(FreezeView w) {
            return new FreezeForm(w.reason(), w.start().toString(), w.end().toString(), w.timeZone(),
                    w.recurrence() == null ? "" : w.recurrence(), w.scope().name(), String.join(", ", w.targets()));
        }

        FreezeInput input() {
            List<String> names = targets == null || targets.isBlank()
                    ? List.of()
                    : Arrays.stream(targets.split("[,\\n]")).map(String::strip).filter(t -> !t.isEmpty()).toList();
            return new FreezeInput(reason, start, end, timeZone, recurrence, scope, names);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance calendar(String view, MonthGrid month, List<FreezeService.Frozen> occurrences,
                List<FreezeView> windows, List<ReleaseView> published, List<ReleaseView> waiting, Decision manage,
                String nav);

        static native TemplateInstance form(Long id, FreezeForm form, List<FieldError> errors, List<String> zones,
                String environments, FreezeScope[] scopes, String nav);
    }

    @GET
    public TemplateInstance calendar(@QueryParam("view") String view, @QueryParam("month") String month) {
        boolean list = "list".equals(view);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        YearMonth shown = month == null || month.isBlank() ? YearMonth.from(today) : month(month);
        List<FreezeService.Frozen> occurrences = freezes.between(MonthGrid.rangeStart(shown),
                MonthGrid.rangeEnd(shown));
        List<ReleaseView> published = releases.publishedBetween(MonthGrid.rangeStart(shown),
                MonthGrid.rangeEnd(shown), MAX_RELEASES);
        return Templates.calendar(list ? "list" : "month", MonthGrid.of(shown, today, occurrences, published),
                occurrences, freezes.windows(), published,
                releases.search(ReleaseState.APPROVED, null, 0, 50).items(),
                FreezePermissions.manage(user.actor()), "calendar");
    }

    @GET
    @Path("/freezes/new")
    public TemplateInstance createForm() {
        FreezePermissions.manage(user.actor()).orThrow();
        return form(null, FreezeForm.empty(), List.of());
    }

    @GET
    @Path("/freezes/{id}/edit")
    public TemplateInstance editForm(@PathParam("id") long id) {
        FreezePermissions.manage(user.actor()).orThrow();
        return form(id, FreezeForm.of(freezes.get(id)), List.of());
    }

    @POST
    @Path("/freezes")
    @RolesAllowed({Roles.ENGINEERING_LEADER, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@RestForm String reason, @RestForm String start, @RestForm String end,
            @RestForm String timeZone, @RestForm String recurrence, @RestForm String scope,
            @RestForm String targets) {
        FreezePermissions.manage(user.actor()).orThrow();
        FreezeForm form = new FreezeForm(reason, start, end, timeZone, recurrence, scope, targets);
        return Forms.submit(() -> {
            FreezeView created = freezes.create(user.actor(), bounded(form).input());
            return Flash.redirect(URI.create("/calendar?view=list&month=" + YearMonth.from(created.start())),
                    "Freeze window \"" + created.reason() + "\" created.");
        }, errors -> form(null, form, errors));
    }

    @POST
    @Path("/freezes/{id}")
    @RolesAllowed({Roles.ENGINEERING_LEADER, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("id") long id, @RestForm String reason, @RestForm String start,
            @RestForm String end, @RestForm String timeZone, @RestForm String recurrence, @RestForm String scope,
            @RestForm String targets) {
        FreezePermissions.manage(user.actor()).orThrow();
        FreezeForm form = new FreezeForm(reason, start, end, timeZone, recurrence, scope, targets);
        return Forms.submit(() -> {
            FreezeView changed = freezes.update(user.actor(), id, bounded(form).input());
            return Flash.redirect(URI.create("/calendar?view=list&month=" + YearMonth.from(changed.start())),
                    "Freeze window \"" + changed.reason() + "\" changed.");
        }, errors -> form(id, form, errors));
    }

    @POST
    @Path("/freezes/{id}/delete")
    @RolesAllowed({Roles.ENGINEERING_LEADER, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(@PathParam("id") long id) {
        FreezeView window = freezes.get(id);
        freezes.delete(user.actor(), id);
        return Flash.redirect(URI.create("/calendar?view=list"), "Freeze window \"" + window.reason()
                + "\" deleted.");
    }

    private TemplateInstance form(Long id, FreezeForm form, List<FieldError> errors) {
        return Templates.form(id, form, errors, ZONES, String.join(", ", freezes.environments()),
                FreezeScope.values(), "calendar");
    }

    /** The form always sends every field: a missing one is a forged or truncated post, never a default. */
    private static FreezeForm bounded(FreezeForm form) {
        if (form.recurrence() == null) {
            throw new InvalidInputException("recurrence", Inputs.MISSING);
        }
        if (form.targets() == null) {
            throw new InvalidInputException("targets", Inputs.MISSING);
        }
        if (form.targets().length() > MAX_TARGETS_CHARS) {
            throw new InvalidInputException("targets", "must be at most " + MAX_TARGETS_CHARS + " characters");
        }
        return form;
    }

    private static YearMonth month(String month) {
        if (month.length() > 7) {
            throw new InvalidInputException("month", "must be a month such as 2026-12");
        }
        try {
            return YearMonth.parse(month);
        } catch (DateTimeException e) {
            throw new InvalidInputException("month", "must be a month such as 2026-12");
        }
    }
}

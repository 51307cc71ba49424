package dev.greenlight.incident;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
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

import dev.greenlight.common.ConflictException;
import dev.greenlight.common.Decision;
import dev.greenlight.common.FieldError;
import dev.greenlight.common.Inputs;
import dev.greenlight.common.InvalidInputException;
import dev.greenlight.security.CurrentUser;
import dev.greenlight.security.Roles;
import dev.greenlight.web.Flash;
import dev.greenlight.web.Forms;

/** Incidents: the list with filters, the detail, and the form to file or edit one. */
@Path("/incidents")
@Produces(MediaType.TEXT_HTML)
class IncidentsPages {
    static final int PAGE_SIZE = 20;

    private final IncidentService incidents;
    private final PostmortemService postmortems;
    private final CurrentUser user;
    private final Inputs inputs;

    @Inject
    IncidentsPages(IncidentService incidents, PostmortemService postmortems, CurrentUser user, Inputs inputs) {
        this.inputs = inputs;
        this.incidents = incidents;
        this.postmortems = postmortems;
        this.user = user;
    }

    /** The list's filters as chosen, echoed into the form and the page links. */
    record Filters(String status, String severity, String security) {
        public String query(int page) {
            return "?status=" + status + "&severity=" + severity + "&security=" + security + "&page=" + page;
        }
    }

    /**
     * The fields the edit form always sends, even unchanged: a missing status or security choice is never read as a
     * default, and the version tells a stale edit.
     */
    record Edited(@NotNull(message = Inputs.MISSING) String status, @NotNull(message = Inputs.MISSING) String security,
            @NotNull(message = Inputs.MISSING) String version) {
    }

    /**
     * What the incident form held, so that a refused form comes back as typed; {@code security} is the radio chosen,
     * "true" or "false", none on a new incident.
     */
    record IncidentForm(String title, String severity, String status, String impact, String startedAt,
            String resolvedAt, @NotNull(message = Inputs.MISSING) String security, String affectedServices,
            String releaseIds, String report,
            String version) {
        static final IncidentForm EMPTY = new IncidentForm("", "SEV3", "OPEN", "", "", "", "", "", "", "", "");

        /** A new incident about a release (the release page's "File incident" after a failed check). */
        static IncidentForm about(Long releaseId) {
            return releaseId == null
                    ? EMPTY
                    : new IncidentForm("", "SEV3", "OPEN", "", "", "", "", "", String.valueOf(releaseId), "", "");
        }

        static IncidentForm of(IncidentView i) {
            return new IncidentForm(i.title(), i.severity().name(), i.status().name(), orEmpty(i.impact()),
                    Times.local(i.startedAt()), Times.local(i.resolvedAt()), String.valueOf(i.security()),
                    String.join(", ", i.affectedServices()),
                    String.join(", ", i.affectedReleases().stream().map(String::valueOf).toList()),
                    orEmpty(i.report()), String.valueOf(i.version()));
        }
    }

    record Detail(IncidentView incident, Decision edit) {
        public boolean mayEdit() {
            return edit.allowed();
        }

        public boolean mayStartPostmortem() {
            return edit.allowed() && incident.postmortems().isEmpty();
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(IncidentService.IncidentPage incidents, Filters filters,
                List<IncidentStatus> statuses, List<Severity> severities, Decision file, String nav);

        static native TemplateInstance form(Long id, IncidentForm form, List<IncidentStatus> statuses,
                List<Severity> severities, List<FieldError> errors, String nav);

        static native TemplateInstance detail(Detail d, String nav);
    }

    @GET
    public TemplateInstance list(@QueryParam("status") String status, @QueryParam("severity") String severity,
            @QueryParam("security") String security, @QueryParam("page") Integer page) {
        Filters filters = new Filters(orEmpty(status), orEmpty(severity), orEmpty(security));
        IncidentStatus byStatus = status == null || status.isBlank() ? null : IncidentStatus.parse("status", status);
        Severity bySeverity = severity == null || severity.isBlank() ? null : Severity.parse("severity", severity);
        Boolean bySecurity = security == null || security.isBlank() ? null : Boolean.valueOf(security);
        int current = page == null || page < 0 ? 0 : page;
        return Templates.list(incidents.search(user.actor(), byStatus, bySeverity, bySecurity, current, PAGE_SIZE),
                filters, List.of(IncidentStatus.values()), List.of(Severity.values()),
                IncidentPermissions.file(user.actor()), "incidents");
    }

    @GET
    @Path("/new")
    public TemplateInstance createForm(@QueryParam("release") Long releaseId) {
        IncidentPermissions.file(user.actor()).orThrow();
        return form(null, IncidentForm.about(releaseId), List.of());
    }

    @POST
    @RolesAllowed({Roles.AUTHOR, Roles.SECURITY_TEAM, Roles.PRODUCT_TEAM, Roles.ENGINEERING_LEADER, Roles.MAINTAINER,
            Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@RestForm String title, @RestForm String severity, @RestForm String status,
            @RestForm String impact, @RestForm String startedAt, @RestForm String resolvedAt,
            @RestForm String security, @RestForm String affectedServices, @RestForm String releaseIds,
            @RestForm String report) {
        IncidentForm form = new IncidentForm(title, severity, status, impact, startedAt, resolvedAt, security,
                affectedServices, releaseIds, report, "");
        return Forms.submit(() -> {
            inputs.check(form);
            IncidentView created = incidents.file(user.actor(), input(form));
            return Flash.redirect(URI.create("/incidents/" + created.id()), "Incident " + created.id() + " filed.");
        }, errors -> form(null, form, errors));
    }

    @GET
    @Path("/{id}")
    public TemplateInstance detail(@PathParam("id") long id) {
        IncidentView incident = incidents.get(user.actor(), id);
        return Templates.detail(new Detail(incident, IncidentPermissions.edit(user.actor(), incident.createdBy())),
                "incidents");
    }

    @GET
    @Path("/{id}/edit")
    public TemplateInstance editForm(@PathParam("id") long id) {
        IncidentView incident = incidents.get(user.actor(), id);
        IncidentPermissions.edit(user.actor(), incident.createdBy()).orThrow();
        return form(id, IncidentForm.of(incident), List.of());
    }

    @POST
    @RolesAllowed({Roles.AUTHOR, Roles.SECURITY_TEAM, Roles.PRODUCT_TEAM, Roles.ENGINEERING_LEADER, Roles.MAINTAINER,
            Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Path("/{id}")
    public Response update(@PathParam("id") long id, @RestForm String title, @RestForm String severity,
            @RestForm String status, @RestForm String impact, @RestForm String startedAt,
            @RestForm String resolvedAt, @RestForm String security, @RestForm String affectedServices,
            @RestForm String releaseIds, @RestForm String report, @RestForm String version) {
        IncidentForm form = new IncidentForm(title, severity, status, impact, startedAt, resolvedAt, security,
                affectedServices, releaseIds, report, version);
        try {
            return Forms.submit(() -> {
                inputs.check(new Edited(status, security, version));
                incidents.update(user.actor(), id, input(form));
                return Flash.redirect(URI.create("/incidents/" + id), "Incident " + id + " saved.");
            }, errors -> form(id, form, errors));
        } catch (ConflictException e) {
            return Response.status(409).entity(form(id, form, List.of(new FieldError(null, e.getMessage())))).build();
        }
    }

    /** Starts the incident's post-mortem, owned by whoever starts it, and opens its editor. */
    @POST
    @RolesAllowed({Roles.AUTHOR, Roles.SECURITY_TEAM, Roles.PRODUCT_TEAM, Roles.ENGINEERING_LEADER, Roles.MAINTAINER,
            Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Path("/{id}/postmortem")
    public Response startPostmortem(@PathParam("id") long id) {
        PostmortemView created = postmortems.createFromIncident(user.actor(), id, null);
        return Flash.redirect(URI.create("/postmortems/" + created.id() + "/edit"), "Post-mortem " + created.id()
                + " started; it is due " + created.dueAt() + ".");
    }

    private TemplateInstance form(Long id, IncidentForm form, List<FieldError> errors) {
        return Templates.form(id, form, List.of(IncidentStatus.values()), List.of(Severity.values()), errors,
                "incidents");
    }

    private static IncidentService.IncidentInput input(IncidentForm form) {
        List<Long> releaseIds = new ArrayList<>();
        for (String part : split(form.releaseIds())) {
            try {
                releaseIds.add(Long.valueOf(part.replace("#", "")));
            } catch (NumberFormatException e) {
                throw new InvalidInputException("releaseIds", "list release numbers, e.g. 12, 15");
            }
        }
        Long version;
        try {
            version = form.version() == null || form.version().isBlank() ? null : Long.valueOf(form.version());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("version", "must be a number");
        }
        return new IncidentService.IncidentInput(form.title(), form.severity(), form.status(), form.impact(),
                form.startedAt(), form.resolvedAt(), security(form.security()), split(form.affectedServices()),
                releaseIds, form.report(), version);
    }

    /** The form's Yes/No pair, never defaulted: a post without it would otherwise declassify the incident. */
    private static Boolean security(String choice) {
        if ("true".equals(choice)) {
            return Boolean.TRUE;
        }
        if ("false".equals(choice)) {
            return Boolean.FALSE;
        }
        throw new InvalidInputException("security", "choose Yes or No");
    }

    private static List<String> split(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return List.of();
        }
        return Arrays.stream(commaSeparated.split("[,\\n]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}

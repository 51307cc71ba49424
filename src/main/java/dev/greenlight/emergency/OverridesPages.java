package dev.greenlight.emergency;

import java.net.URI;
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
import dev.greenlight.common.InvalidInputException;
import dev.greenlight.incident.Severity;
import dev.greenlight.release.ReleaseService;
import dev.greenlight.release.ReleaseView;
import dev.greenlight.security.CurrentUser;
import dev.greenlight.security.Roles;
import dev.greenlight.web.Flash;
import dev.greenlight.web.Forms;

/** An admin asks to ship a release outside the rules; a second admin or a leader decides. */
@Path("/overrides")
@Produces(MediaType.TEXT_HTML)
class OverridesPages {
    private final OverrideService overrides;
    private final ReleaseService releases;
    private final CurrentUser user;

    @Inject
    OverridesPages(OverrideService overrides, ReleaseService releases, CurrentUser user) {
        this.overrides = overrides;
        this.releases = releases;
        this.user = user;
    }

    /** What the override form held, so that a refused form comes back as typed. */
    record OverrideForm(long release, String reason, String incidentTitle, String incidentSeverity,
            String incidentReport, String decisionReason) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance create(ReleaseView release, List<String> unmet, OverrideForm form,
                List<Severity> severities, List<FieldError> errors, String nav);

        static native TemplateInstance detail(OverrideView override, ReleaseView release, Decision decide,
                OverrideForm form, List<FieldError> errors, String nav);
    }

    @GET
    @Path("/new")
    public TemplateInstance createForm(@QueryParam("release") long release) {
        return createPage(new OverrideForm(release, "", "", "SEV1", "", ""), List.of());
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@RestForm long release, @RestForm String reason, @RestForm String incidentTitle,
            @RestForm String incidentSeverity, @RestForm String incidentReport) {
        OverrideForm form = new OverrideForm(release, reason, incidentTitle, incidentSeverity, incidentReport, "");
        return Forms.submit(() -> {
            OverrideView created = overrides.request(user.actor(), new OverrideService.OverrideInput(release, reason,
                    null, incidentTitle, incidentSeverity, incidentReport));
            return Flash.redirect(URI.create("/overrides/" + created.id()), "Override " + created.id()
                    + " requested: a second admin or an engineering leader decides it.");
        }, errors -> createPage(form, errors));
    }

    @GET
    @Path("/{id}")
    public TemplateInstance detail(@PathParam("id") long id) {
        return detailPage(id, "", List.of());
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.ENGINEERING_LEADER})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Path("/{id}/decision")
    public Response decide(@PathParam("id") long id, @RestForm String decision, @RestForm String reason) {
        return Forms.submit(() -> {
            if ("deny".equals(decision)) {
                overrides.deny(user.actor(), id, reason);
                return Flash.redirect(URI.create("/overrides/" + id), "You denied override " + id + ".");
            }
            if (!"approve".equals(decision)) {
                throw new InvalidInputException("decision", "must be approve or deny");
            }
            OverrideView approved = overrides.approve(user.actor(), id, reason);
            return Flash.redirect(URI.create("/releases/" + approved.releaseId()), "Override " + id
                    + " approved: " + approved.waived().size() + " requirements waived on the record.");
        }, errors -> detailPage(id, reason, errors));
    }

    private TemplateInstance detailPage(long id, String reason, List<FieldError> errors) {
        OverrideView override = overrides.get(user.actor(), id);
        return Templates.detail(override, releases.get(override.releaseId()),
                overrides.mayDecide(user.actor(), override),
                new OverrideForm(override.releaseId(), "", "", "", "", reason), errors, "emergencies");
    }

    private TemplateInstance createPage(OverrideForm form, List<FieldError> errors) {
        return Templates.create(releases.get(form.release()), releases.unmet(form.release()), form,
                List.of(Severity.values()), errors, "emergencies");
    }
}

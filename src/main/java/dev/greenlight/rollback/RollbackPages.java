package dev.greenlight.rollback;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import dev.greenlight.common.InvalidInputException;
import dev.greenlight.security.CurrentUser;
import dev.greenlight.security.Roles;
import dev.greenlight.web.Flash;
import dev.greenlight.web.RequiredFields;

/** Starting a rollback and ticking its checklist from the release page. */
@Path("/releases/{id}/rollbacks")
@Produces(MediaType.TEXT_HTML)
class RollbackPages {
    private final RollbackService rollbacks;
    private final RollbackSection section;
    private final CurrentUser user;

    @Inject
    RollbackPages(RollbackService rollbacks, RollbackSection section, CurrentUser user) {
        this.rollbacks = rollbacks;
        this.section = section;
        this.user = user;
    }

    @CheckedTemplate
    static class Templates {
        /** The section alone with the refused form, when input was wrong. */
        static native TemplateInstance refused(RollbackSection.Section s, String nav);
    }

    @POST
    @RolesAllowed({Roles.MAINTAINER, Roles.ENGINEERING_LEADER})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response start(@PathParam("id") long id, @RestForm String reason, @RestForm String incidentId) {
        RollbackSection.Form form = new RollbackSection.Form(reason, incidentId, "", "");
        try {
            RollbackView started = rollbacks.start(user.actor(), id, reason, incident(incidentId));
            return Flash.redirect(URI.create("/releases/" + id + "#rollback-title"), "Release " + id
                    + " is rolled back to " + String.join(", ", started.toTags()) + "; work through the checklist.");
        } catch (InvalidInputException e) {
            return Response.status(400).entity(Templates.refused(section.of(id, form, e.errors()), "releases")).build();
        }
    }

    @POST
    @RolesAllowed({Roles.MAINTAINER, Roles.ENGINEERING_LEADER})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Path("/{rollback}/steps/{step}")
    public Response tick(@PathParam("id") long id, @PathParam("rollback") long rollback,
            @PathParam("step") String step, @RestForm String outcome, @RestForm String note) {
        RollbackSection.Form form = new RollbackSection.Form("", "", step, note);
        try {
            RequiredFields.of("outcome", outcome).check();
            RollbackView ticked = rollbacks.tick(user.actor(), id, rollback, step, outcome, note);
            return Flash.redirect(URI.create("/releases/" + id + "#rollback-title"),
                    ticked.isInProgress() ? "Step ticked." : "Last step ticked: the rollback is complete.");
        } catch (InvalidInputException e) {
            return Response.status(400).entity(Templates.refused(section.of(id, form, e.errors()), "releases")).build();
        }
    }

    private static Long incident(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(value.strip().replaceFirst("^#", ""));
        } catch (NumberFormatException e) {
            throw new InvalidInputException("incidentId", "an incident number, like 12");
        }
    }
}

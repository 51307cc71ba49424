package dev.greenlight.validation;

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
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import dev.greenlight.common.InvalidInputException;
import dev.greenlight.security.CurrentUser;
import dev.greenlight.security.Roles;
import dev.greenlight.web.Flash;

/** A maintainer records a post-release check by hand from the release page. */
@Path("/releases/{id}/checks")
@Produces(MediaType.TEXT_HTML)
class ValidationPages {
    private final ValidationService validation;
    private final ChecksSection section;
    private final CurrentUser user;

    @Inject
    ValidationPages(ValidationService validation, ChecksSection section, CurrentUser user) {
        this.validation = validation;
        this.section = section;
        this.user = user;
    }

    @CheckedTemplate
    static class Templates {
        /** The section alone with the refused form, when input was wrong. */
        static native TemplateInstance record(ChecksSection.Section s, String nav);
    }

    @POST
    @RolesAllowed({Roles.CI, Roles.MAINTAINER})
    @Consumes({MediaType.MULTIPART_FORM_DATA, MediaType.APPLICATION_FORM_URLENCODED})
    public Response record(@PathParam("id") long id, @RestForm String check, @RestForm String value,
            @RestForm String note, @RestForm String url, @RestForm("file") FileUpload file) {
        ChecksSection.Form form = new ChecksSection.Form(check, value, note, url);
        try {
            CheckStatus status = validation.record(user.actor(), id, check, ChecksApi.number(value),
                    ChecksApi.evidence(url, file), note);
            return Flash.redirect(URI.create("/releases/" + id + "#validation-title"),
                    "Check " + status.label() + ": " + status.state().name().toLowerCase() + ".");
        } catch (InvalidInputException e) {
            return Response.status(400).entity(Templates.record(section.of(id, form, e.errors()), "releases")).build();
        }
    }
}

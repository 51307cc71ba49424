package dev.greenlight.adr;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import dev.greenlight.common.FieldError;
import dev.greenlight.release.ReleaseService;
import dev.greenlight.release.ReleaseView;
import dev.greenlight.security.CurrentUser;
import dev.greenlight.security.Roles;
import dev.greenlight.web.Flash;
import dev.greenlight.web.Forms;

/** The form that adds an ADR reference to a release; the release page lists them. */
@Path("/releases/{id}/adrs")
@Produces(MediaType.TEXT_HTML)
class AdrPages {
    private final AdrService adrs;
    private final ReleaseService releases;
    private final CurrentUser user;

    @Inject
    AdrPages(AdrService adrs, ReleaseService releases, CurrentUser user) {
        this.adrs = adrs;
        this.releases = releases;
        this.user = user;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance create(ReleaseView release, List<AdrReference> adrs, AdrInput form,
                List<FieldError> errors, String nav);
    }

    @GET
    @Path("/new")
    public TemplateInstance createForm(@PathParam("id") long id) {
        ReleaseView release = releases.get(id);
        AdrPermissions.add(user.actor(), release.createdBy()).orThrow();
        return Templates.create(release, adrs.of(id), new AdrInput("", ""), List.of(), "releases");
    }

    @POST
    @RolesAllowed({Roles.AUTHOR, Roles.MAINTAINER})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response add(@PathParam("id") long id, @RestForm String title, @RestForm String url) {
        AdrInput form = new AdrInput(title, url);
        return Forms.submit(() -> {
            AdrReference added = adrs.add(user.actor(), id, form);
            return Flash.redirect(URI.create("/releases/" + id), "ADR reference \"" + added.title() + "\" added.");
        }, errors -> Templates.create(releases.get(id), adrs.of(id), form, errors, "releases"));
    }
}

package dev.greenlight.releasenotes;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import dev.greenlight.security.CurrentUser;

/** A published release's GitHub-style notes, to copy: for anyone with a Greenlight role, like the API. */
@Path("/releases/{id}/release-notes")
class ReleaseNotesCopyPages {
    private final ReleaseNotesService notes;
    private final CurrentUser user;

    @Inject
    ReleaseNotesCopyPages(ReleaseNotesService notes, CurrentUser user) {
        this.notes = notes;
        this.user = user;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance copy(ReleaseNotesService.Copy copy, String nav);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance copy(@PathParam("id") long id) {
        return Templates.copy(notes.copy(user.actor(), id), "releases");
    }
}

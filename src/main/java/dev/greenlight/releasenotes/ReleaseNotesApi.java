package dev.greenlight.releasenotes;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.greenlight.security.CurrentUser;

/**
 * The GitHub-style notes of one published release, for any Greenlight role: JSON {@code {"releaseId","markdown"}}, or
 * the Markdown itself when the caller asks for {@code text/markdown} by name. 409 before it is published, 404 for an
 * unknown release.
 */
@Path("/api/v1/releases/{id}/release-notes")
class ReleaseNotesApi {
    static final MediaType MARKDOWN = new MediaType("text", "markdown");

    private final ReleaseNotesService notes;
    private final CurrentUser user;

    @Inject
    ReleaseNotesApi(ReleaseNotesService notes, CurrentUser user) {
        this.notes = notes;
        this.user = user;
    }

    record Notes(long releaseId, String markdown) {
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, "text/markdown"})
    public Response get(@PathParam("id") long id, HttpHeaders headers) {
        String markdown = notes.gitHubNotes(user.actor(), id);
        // "*/*" and no Accept header get JSON, as from every other API call
        boolean asked = headers.getAcceptableMediaTypes()
                .stream()
                .anyMatch(type -> !type.isWildcardType() && !type.isWildcardSubtype() && MARKDOWN.isCompatible(type));
        return asked
                ? Response.ok(markdown, MARKDOWN.withCharset("UTF-8")).build()
                : Response.ok(new Notes(id, markdown), MediaType.APPLICATION_JSON_TYPE).build();
    }
}

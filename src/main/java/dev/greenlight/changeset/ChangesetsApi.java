package dev.greenlight.changeset;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.greenlight.web.BoundedBody;
import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.greenlight.security.CurrentUser;
import dev.greenlight.security.Roles;
import dev.greenlight.common.InvalidInputException;

/** Changesets for CI and scripts: as Changesets markdown files or as JSON. */
@Tag(name = "Changesets", description = "Pending changesets that wait for the next release")
@Path("/api/v1/changesets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@BoundedBody
class ChangesetsApi {
    private final ChangesetService changesets;
    private final CurrentUser user;

    @Inject
    ChangesetsApi(ChangesetService changesets, CurrentUser user) {
        this.changesets = changesets;
        this.user = user;
    }

    /**
     * Either {"files":[{"name":"brave-cats.md","content":"---\n…"}]} or {"changesets":[{…}]}, not both. CI adds
     * "author": the username of the person who wrote them (e.g. the commit's author); people submit as themselves.
     */
    record SubmitRequest(List<ChangesetService.ChangesetFile> files, List<ChangesetInput> changesets, String author) {
    }

    @Operation(summary = "Lists pending changesets")
    @GET
    public List<ChangesetView> pending() {
        return changesets.pending();
    }

    @Operation(summary = "Submits changesets (Changesets markdown files or JSON)")
    @POST
    @RolesAllowed({ Roles.AUTHOR, Roles.MAINTAINER, Roles.CI })
    public Response submit(SubmitRequest request) {
        if (request == null || (request.files() == null) == (request.changesets() == null)) {
            throw new InvalidInputException("files", "send either files (Changesets markdown) or changesets (JSON)");
        }
        List<ChangesetView> stored = request.files() != null
                ? changesets.submitFiles(user.actor(), request.author(), request.files())
                : changesets.submit(user.actor(), request.author(),
                        ChangesetInput.toChangesets("changesets", request.changesets()));
        return Response.created(URI.create("/api/v1/changesets")).entity(stored).build();
    }

    @Operation(summary = "Removes a pending changeset")
    @DELETE
    @Path("/{id}")
    @RolesAllowed({ Roles.AUTHOR, Roles.MAINTAINER })
    public Response remove(@PathParam("id") String id) {
        changesets.remove(user.actor(), id);
        return Response.noContent().build();
    }
}

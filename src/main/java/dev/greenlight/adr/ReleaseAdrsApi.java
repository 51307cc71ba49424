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

import dev.greenlight.common.InvalidInputException;
import dev.greenlight.release.ReleaseService;
import dev.greenlight.security.CurrentUser;
import dev.greenlight.security.Roles;

/** A release's ADR references. */
@Path("/api/v1/releases/{id}/adrs")
@Produces(MediaType.APPLICATION_JSON)
class ReleaseAdrsApi {
    private final AdrService adrs;
    private final ReleaseService releases;
    private final CurrentUser user;

    @Inject
    ReleaseAdrsApi(AdrService adrs, ReleaseService releases, CurrentUser user) {
        this.adrs = adrs;
        this.releases = releases;
        this.user = user;
    }

    @GET
    public List<AdrReference> list(@PathParam("id") long id) {
        releases.get(id);
        return adrs.of(id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.AUTHOR, Roles.MAINTAINER})
    public Response add(@PathParam("id") long id, AdrInput request) {
        if (request == null) {
            throw new InvalidInputException("body", "must be a JSON object with title and url");
        }
        AdrReference added = adrs.add(user.actor(), id, request);
        return Response.created(URI.create("/api/v1/releases/" + id + "/adrs")).entity(added).build();
    }
}

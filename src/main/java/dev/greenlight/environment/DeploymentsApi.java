package dev.greenlight.environment;

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

import dev.greenlight.release.ReleaseService;
import dev.greenlight.security.CurrentUser;
import dev.greenlight.security.Roles;

/** CI reports each step of a release's rollout per environment; anyone signed in reads where the release is. */
@Path("/api/v1/releases/{id}/deployments")
@Produces(MediaType.APPLICATION_JSON)
class DeploymentsApi {
    private final DeploymentService deployments;
    private final ReleaseService releases;
    private final CurrentUser user;

    @Inject
    DeploymentsApi(DeploymentService deployments, ReleaseService releases, CurrentUser user) {
        this.deployments = deployments;
        this.releases = releases;
        this.user = user;
    }

    @GET
    public List<EnvironmentView> list(@PathParam("id") long id) {
        return deployments.status(releases.get(id)).stream().map(EnvironmentView::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CI, Roles.MAINTAINER})
    public Response report(@PathParam("id") long id, DeploymentInput report) {
        EnvironmentView recorded = EnvironmentView.of(deployments.report(user.actor(), id, report));
        return Response.created(URI.create("/api/v1/releases/" + id + "/deployments")).entity(recorded).build();
    }
}

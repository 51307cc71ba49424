package dev.greenlight.environment;

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

import dev.greenlight.security.CurrentUser;
import dev.greenlight.security.Roles;
import dev.greenlight.web.Flash;

/** The release page's "Approve promotion" button. */
@Path("/releases/{id}/environments/{environment}/approvals")
@Produces(MediaType.TEXT_HTML)
class EnvironmentPages {
    private final DeploymentService deployments;
    private final CurrentUser user;

    @Inject
    EnvironmentPages(DeploymentService deployments, CurrentUser user) {
        this.deployments = deployments;
        this.user = user;
    }

    @POST
    @RolesAllowed({Roles.ENGINEERING_LEADER, Roles.MAINTAINER})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response approve(@PathParam("id") long id, @PathParam("environment") String environment) {
        Rollout.EnvironmentState state = deployments.approvePromotion(user.actor(), id, environment);
        return Flash.redirect(URI.create("/releases/" + id + "#environments-title"),
                "Promotion to " + state.name() + " approved (" + state.approvals().size() + " of "
                        + state.rule().approvals() + ").");
    }
}

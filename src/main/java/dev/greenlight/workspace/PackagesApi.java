package dev.greenlight.workspace;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.greenlight.security.CurrentUser;
import dev.greenlight.security.Roles;
import dev.greenlight.web.BoundedBody;

/** The workspace's package manifests, as CI reports them from the repository. */
@Tag(name = "Packages", description = "The workspace packages releases are planned against")
@Path("/api/v1/packages")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@BoundedBody
class PackagesApi {
    private final WorkspaceService workspace;
    private final CurrentUser user;

    @Inject
    PackagesApi(WorkspaceService workspace, CurrentUser user) {
        this.workspace = workspace;
        this.user = user;
    }

    record PackagesRequest(List<PackageManifest> packages) {
    }

    @Operation(summary = "Lists the workspace packages")
    @GET
    public List<PackageManifest> list() {
        return workspace.manifests();
    }

    /** Adds or updates the named packages and answers the whole workspace. */
    @Operation(summary = "Adds packages or replaces their manifests")
    @PUT
    @RolesAllowed({Roles.MAINTAINER, Roles.ADMIN, Roles.CI})
    public List<PackageManifest> save(PackagesRequest request) {
        return workspace.save(user.actor(), request == null ? null : request.packages());
    }
}

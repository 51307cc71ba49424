package dev.greenlight.release;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.greenlight.changeset.ChangesetInput;
import dev.greenlight.changeset.PlanningException;
import dev.greenlight.changeset.PreReleaseTag;
import dev.greenlight.changeset.ReleasePlan;
import dev.greenlight.changeset.ReleasePlanner;
import dev.greenlight.common.InvalidInputException;
import dev.greenlight.security.Roles;
import dev.greenlight.web.BoundedBody;
import dev.greenlight.workspace.PackageManifest;
import dev.greenlight.workspace.WorkspaceService;

/**
 * Computes the plan that {@code changeset version} would produce for a workspace, and stores nothing. Other tools rely
 * on its exact shape. Those who submit changesets may ask: the role is checked before the body is read, and every
 * size ({@link dev.greenlight.common.Limits}) before anything is parsed.
 */
@Tag(name = "Release plans", description = "Dry-run release plans computed from changesets and packages")
@Path("/api/v1/release-plans")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@BoundedBody
@RolesAllowed({Roles.AUTHOR, Roles.MAINTAINER, Roles.CI})
class ReleasePlansApi {
    private final ReleasePlanner planner = new ReleasePlanner();

    @Inject
    ReleasePlansApi() {
    }

    record PlanRequest(List<PackageManifest> packages, List<ChangesetInput> changesets, String preRelease) {
    }

    record PlannedPackage(String name, String oldVersion, String newVersion, String type, String changelog) {
    }

    record PlanResponse(List<PlannedPackage> releases, List<PackageManifest> packages) {
    }

    @Operation(summary = "Computes the release plan of changesets against packages, storing nothing")
    @POST
    public PlanResponse plan(PlanRequest request) {
        if (request == null) {
            throw new InvalidInputException("body",
                    "a JSON object with packages, changesets and preRelease is required");
        }
        WorkspaceService.validate(request.packages());
        PreReleaseTag preRelease = parsePreRelease(request.preRelease());
        try {
            ReleasePlan plan = planner.plan(request.packages(),
                    ChangesetInput.toChangesets("changesets", request.changesets()), preRelease);
            return new PlanResponse(plan.releases()
                    .stream()
                    .map(r -> new PlannedPackage(r.name(), r.oldVersion(), r.newVersion(), r.type().id(),
                            r.changelog()))
                    .toList(), plan.packages());
        } catch (PlanningException e) {
            throw new InvalidInputException(e.field(), e.problem());
        }
    }

    static PreReleaseTag parsePreRelease(String value) {
        if (value == null) {
            return null;
        }
        try {
            return PreReleaseTag.parse(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("preRelease", "must be null, \"alpha\", \"beta\" or \"rc\"");
        }
    }
}

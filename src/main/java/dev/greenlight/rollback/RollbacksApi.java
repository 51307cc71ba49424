package dev.greenlight.rollback;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.greenlight.common.Inputs;
import dev.greenlight.common.InvalidInputException;
import dev.greenlight.common.Limits;
import dev.greenlight.release.ReleaseService;
import dev.greenlight.security.CurrentUser;
import dev.greenlight.security.Roles;

/** Rollbacks of a release: start one (Greenlight names the tags to go back to) and tick its checklist in order. */
@Path("/api/v1/releases/{id}/rollbacks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Rollbacks", description = "Rolling a published release back and working through its checklist")
class RollbacksApi {
    private final RollbackService rollbacks;
    private final ReleaseService releases;
    private final Inputs inputs;
    private final CurrentUser user;

    @Inject
    RollbacksApi(RollbackService rollbacks, ReleaseService releases, Inputs inputs, CurrentUser user) {
        this.rollbacks = rollbacks;
        this.releases = releases;
        this.inputs = inputs;
        this.user = user;
    }

    /** {"reason": "Error rate 4 % after 1.5.0", "incidentId": 12}; the target tags are Greenlight's to find. */
    record StartRollback(
            @Size(max = Limits.REASON_CHARS, message = "must be at most {max} characters") String reason,
            Long incidentId) {
    }

    /** {"outcome": "done"} or {"outcome": "not-applicable", "note": "no schema change in this release"}. */
    record Tick(@Size(max = Limits.ID_CHARS, message = "must be at most {max} characters") String outcome,
            @Size(max = Limits.NOTE_CHARS, message = "must be at most {max} characters") String note) {
    }

    @GET
    @Operation(summary = "The release's rollbacks, newest first, with their checklists")
    public List<RollbackView> list(@PathParam("id") long id) {
        releases.get(id);
        return rollbacks.ofRelease(user.actor(), id);
    }

    @GET
    @Path("/{rollback}")
    @Operation(summary = "One rollback of the release, with its checklist")
    public RollbackView get(@PathParam("id") long id, @PathParam("rollback") long rollback) {
        return rollbacks.get(user.actor(), id, rollback);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.MAINTAINER, Roles.ENGINEERING_LEADER})
    @Operation(summary = "Roll the release back to the tags Greenlight finds; the checklist starts")
    public Response start(@PathParam("id") long id, StartRollback body) {
        if (body == null) {
            throw new InvalidInputException("reason", "say why the release is rolled back");
        }
        inputs.check(body);
        return Response.status(201).entity(rollbacks.start(user.actor(), id, body.reason(), body.incidentId())).build();
    }

    @POST
    @Path("/{rollback}/steps/{step}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.MAINTAINER, Roles.ENGINEERING_LEADER})
    @Operation(summary = "Tick the checklist's next step: done, or not applicable with a note")
    public RollbackView tick(@PathParam("id") long id, @PathParam("rollback") long rollback,
            @PathParam("step") String step, Tick body) {
        if (body != null) {
            inputs.check(body);
        }
        return rollbacks.tick(user.actor(), id, rollback, step, body == null ? null : body.outcome(),
                body == null ? null : body.note());
    }
}

package dev.greenlight.approval;

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

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.greenlight.common.InvalidInputException;
import dev.greenlight.release.ReleaseService;
import dev.greenlight.security.CurrentUser;
import dev.greenlight.security.Roles;

@Tag(name = "Approvals", description = "Review slots of a release and reviewers' decisions")
@Path("/api/v1/releases/{id}/approvals")
@Produces(MediaType.APPLICATION_JSON)
class ApprovalsApi {
    private final ApprovalService approvals;
    private final ReleaseService releases;
    private final CurrentUser user;

    @Inject
    ApprovalsApi(ApprovalService approvals, ReleaseService releases, CurrentUser user) {
        this.approvals = approvals;
        this.releases = releases;
        this.user = user;
    }

    /** {"slot": "code", "decision": "approve" | "reject", "comment": "…"}. */
    record DecisionRequest(String slot, String decision, String comment) {
    }

    @Operation(summary = "Reads the review slots of a release and who filled them")
    @GET
    public List<SlotStatus> slots(@PathParam("id") long id) {
        return approvals.slots(releases.facts(id));
    }

    @Operation(summary = "Approves or rejects one review slot")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CODE_REVIEWER, Roles.SECURITY_REVIEWER, Roles.PRODUCT_REVIEWER})
    public Response decide(@PathParam("id") long id, DecisionRequest request) {
        if (request == null || request.decision() == null) {
            throw new InvalidInputException("decision", "must be approve or reject");
        }
        SlotStatus.Decision decision = switch (request.decision()) {
            case "approve" -> approvals.approve(user.actor(), id, request.slot(), request.comment());
            case "reject" -> approvals.reject(user.actor(), id, request.slot(), request.comment());
            default -> throw new InvalidInputException("decision", "must be approve or reject, not "
                    + request.decision());
        };
        return Response.status(201).entity(decision).build();
    }
}

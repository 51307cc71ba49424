package dev.greenlight.approval;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.greenlight.security.CurrentUser;

/** What waits for the signed-in reviewer, oldest first. */
@Path("/api/v1/reviews")
@Produces(MediaType.APPLICATION_JSON)
class ReviewsApi {
    private final ApprovalService approvals;
    private final CurrentUser user;

    @Inject
    ReviewsApi(ApprovalService approvals, CurrentUser user) {
        this.approvals = approvals;
        this.user = user;
    }

    @GET
    @Path("/mine")
    public List<ApprovalService.ReviewTask> mine() {
        return approvals.queue(user.actor());
    }
}

package dev.greenlight.approval;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import dev.greenlight.security.CurrentUser;

/** "My reviews": what waits for the signed-in reviewer, oldest first. */
@Path("/reviews")
@Produces(MediaType.TEXT_HTML)
class ReviewsPages {
    private final ApprovalService approvals;
    private final CurrentUser user;

    @Inject
    ReviewsPages(ApprovalService approvals, CurrentUser user) {
        this.approvals = approvals;
        this.user = user;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance mine(List<ApprovalService.ReviewTask> tasks, String nav);
    }

    @GET
    public TemplateInstance mine() {
        return Templates.mine(approvals.queue(user.actor()), "reviews");
    }
}

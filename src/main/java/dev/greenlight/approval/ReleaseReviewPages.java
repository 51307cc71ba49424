package dev.greenlight.approval;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import dev.greenlight.common.InvalidInputException;
import dev.greenlight.release.ReleasePage;
import dev.greenlight.release.ReleasePageContext.RefusedForm;
import dev.greenlight.security.CurrentUser;
import dev.greenlight.security.Roles;
import dev.greenlight.web.Flash;
import dev.greenlight.web.Forms;

/** The review form of the release page ({@link ReviewsSection}): a reviewer approves or rejects one slot. */
@Path("/releases/{id}/reviews")
@Produces(MediaType.TEXT_HTML)
class ReleaseReviewPages {
    private final ApprovalService approvals;
    private final ReleasePage page;
    private final CurrentUser user;

    @Inject
    ReleaseReviewPages(ApprovalService approvals, ReleasePage page, CurrentUser user) {
        this.approvals = approvals;
        this.page = page;
        this.user = user;
    }

    @POST
    @RolesAllowed({Roles.CODE_REVIEWER, Roles.SECURITY_REVIEWER, Roles.PRODUCT_REVIEWER})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response review(@PathParam("id") long id, @RestForm String slot, @RestForm String decision,
            @RestForm String comment) {
        Map<String, String> sent = new HashMap<>();
        sent.put("slot", slot);
        sent.put("comment", comment);
        return Forms.submit(() -> {
            if ("reject".equals(decision)) {
                approvals.reject(user.actor(), id, slot, comment);
                return Flash.redirect(URI.create("/releases/" + id), "You rejected release " + id
                        + "; it is back in draft with your reason.");
            }
            if (!"approve".equals(decision)) {
                throw new InvalidInputException("decision", "must be approve or reject");
            }
            approvals.approve(user.actor(), id, slot, comment);
            return Flash.redirect(URI.create("/releases/" + id), "Your " + slot + " approval is recorded.");
        }, errors -> page.render(id, RefusedForm.of(ReviewsSection.FORM, sent, errors)));
    }
}

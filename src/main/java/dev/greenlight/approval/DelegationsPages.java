package dev.greenlight.approval;

import java.net.URI;
import java.util.List;
import java.util.Set;

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

import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import dev.greenlight.common.FieldError;
import dev.greenlight.security.CurrentUser;
import dev.greenlight.security.Role;
import dev.greenlight.security.Roles;
import dev.greenlight.web.Flash;
import dev.greenlight.web.Forms;

/** Review delegations: the ones the signed-in person gave or holds, a form to delegate, and revoking. */
@Path("/reviews/delegations")
@Produces(MediaType.TEXT_HTML)
class DelegationsPages {
    private static final URI PAGE = URI.create("/reviews/delegations");

    private final DelegationService delegations;
    private final CurrentUser user;

    @Inject
    DelegationsPages(DelegationService delegations, CurrentUser user) {
        this.delegations = delegations;
        this.user = user;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<DelegationView> delegations, List<Role> roles, DelegationInput form,
                List<FieldError> errors, String me, String nav);
    }

    @GET
    public TemplateInstance list() {
        return page(new DelegationInput("", "", "", "", ""), List.of());
    }

    @POST
    @RolesAllowed({Roles.CODE_REVIEWER, Roles.SECURITY_REVIEWER, Roles.PRODUCT_REVIEWER})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delegate(@RestForm String role, @RestForm String delegate, @RestForm String startsOn,
            @RestForm String endsOn, @RestForm String reason) {
        DelegationInput form = new DelegationInput(role, delegate, startsOn, endsOn, reason);
        return Forms.submit(() -> {
            DelegationView created = delegations.delegate(user.actor(), form);
            return Flash.redirect(PAGE, created.delegate() + " stands in for your " + created.roleLabel()
                    .toLowerCase() + " reviews from " + created.startsOn() + " to " + created.endsOn() + ".");
        }, errors -> page(form, errors));
    }

    @POST
    @Path("/{id}/revoke")
    @RolesAllowed({Roles.CODE_REVIEWER, Roles.SECURITY_REVIEWER, Roles.PRODUCT_REVIEWER, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revoke(@PathParam("id") long id) {
        delegations.revoke(user.actor(), id);
        return Flash.redirect(PAGE, "Delegation revoked.");
    }

    private TemplateInstance page(DelegationInput form, List<FieldError> errors) {
        Set<Role> reviewerRoles = delegations.reviewerRoles();
        List<Role> mine = reviewerRoles.stream().filter(user.actor()::has).toList();
        return Templates.list(delegations.concerning(user.actor()), mine, form, errors, user.actor().username(),
                "reviews");
    }
}

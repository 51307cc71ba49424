package dev.greenlight.notify;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import dev.greenlight.common.FieldError;
import dev.greenlight.common.InvalidInputException;
import dev.greenlight.security.CurrentUser;
import dev.greenlight.security.Roles;
import dev.greenlight.web.Flash;
import dev.greenlight.web.Forms;

/** Admins see what went to Slack, what did not (dead letters, unsent), retry it, and link Slack users. */
@Path("/admin/slack")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.ADMIN)
class OutboxPages {
    static final int PAGE_SIZE = 50;

    private final Outbox outbox;
    private final SlackUsers users;
    private final SlackGateway slack;
    private final CurrentUser user;

    @Inject
    OutboxPages(Outbox outbox, SlackUsers users, SlackGateway slack, CurrentUser user) {
        this.outbox = outbox;
        this.users = users;
        this.slack = slack;
        this.user = user;
    }

    /** The link form as typed, so that a refused form comes back filled in. */
    record LinkForm(String slackUserId, String email, String username) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(Outbox.Overview overview, Optional<SlackGateway.Identity> identity,
                List<SlackUsers.LinkView> links, LinkForm form, List<FieldError> errors, String nav);
    }

    @GET
    public TemplateInstance page(@QueryParam("page") @DefaultValue("0") int page) {
        return render(Math.max(0, page), new LinkForm("", "", ""), List.of());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Path("/messages/{id}/retry")
    public Response retry(@PathParam("id") long id) {
        outbox.retry(user.actor(), id);
        return Flash.redirect(URI.create("/admin/slack"), "Slack message " + id + " queued again.");
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Path("/links")
    public Response link(@RestForm String slackUserId, @RestForm String email, @RestForm String username,
            @RestForm("role") List<String> roles) {
        LinkForm form = new LinkForm(slackUserId, email, username);
        return Forms.submit(() -> {
            if (roles != null && !roles.isEmpty()) {
                // roles come from the identity provider's token only: a form that sends some is forged or outdated
                throw new InvalidInputException("role", "a link carries no roles; the person acts in Slack with the"
                        + " roles of their latest sign-in");
            }
            SlackUserLink link = users.link(user.actor(), slackUserId, email, username);
            return Flash.redirect(URI.create("/admin/slack"), "Slack user linked to " + link.username + ".");
        }, errors -> render(0, form, errors));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Path("/links/{id}/delete")
    public Response unlink(@PathParam("id") long id) {
        users.unlink(user.actor(), id);
        return Flash.redirect(URI.create("/admin/slack"), "Slack link removed.");
    }

    private TemplateInstance render(int page, LinkForm form, List<FieldError> errors) {
        return Templates.page(outbox.overview(page, PAGE_SIZE), slack.identity(), users.links(), form, errors,
                "slack");
    }
}

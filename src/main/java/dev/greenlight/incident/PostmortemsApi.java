package dev.greenlight.incident;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.greenlight.common.InvalidInputException;
import dev.greenlight.security.CurrentUser;
import dev.greenlight.security.Roles;

/** Post-mortems for scripts: write, review, publish; the service decides who may. */
@Tag(name = "Post-mortems", description = "Post-mortems: sections, timeline, action items, review and publication.")
@Path("/api/v1/postmortems")
@Produces(MediaType.APPLICATION_JSON)
class PostmortemsApi {
    private final PostmortemService postmortems;
    private final CurrentUser user;

    @Inject
    PostmortemsApi(PostmortemService postmortems, CurrentUser user) {
        this.postmortems = postmortems;
        this.user = user;
    }

    record SectionsRequest(String summary, String impact, String rootCause, String contributingFactors,
            String wentWell, String lessons, Long version) {
    }

    record TimelineRequest(String occurredAt, String text) {
    }

    record ActionItemRequest(String description, String owner, String dueOn, String status) {
    }

    record StatusRequest(String status) {
    }

    record ReasonRequest(String reason) {
    }

    @Operation(summary = "List post-mortems, newest first")
    @GET
    public List<PostmortemSummary> list(@QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("20") int size) {
        checkPage(page, size);
        return postmortems.recent(user.actor(), page, size);
    }

    /** Past due and not published, most overdue first. */
    @Operation(summary = "List overdue post-mortems, most overdue first")
    @GET
    @Path("/overdue")
    public List<PostmortemSummary> overdue(@QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size) {
        checkPage(page, size);
        return postmortems.overdue(user.actor(), page, size);
    }

    @Operation(summary = "Get a post-mortem")
    @GET
    @Path("/{id}")
    public PostmortemView get(@PathParam("id") long id) {
        return postmortems.get(user.actor(), id);
    }

    /** The sections (Markdown); send the {@code version} you read, a 409 says someone saved in between. */
    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.AUTHOR, Roles.SECURITY_TEAM, Roles.PRODUCT_TEAM, Roles.ENGINEERING_LEADER, Roles.MAINTAINER,
            Roles.ADMIN})
    @Operation(summary = "Edit a post-mortem's sections (optimistic locking on its version)")
    public PostmortemView edit(@PathParam("id") long id, SectionsRequest r) {
        if (r == null) {
            throw new InvalidInputException("summary", "send the sections");
        }
        return postmortems.edit(user.actor(), id, new PostmortemService.SectionsInput(r.summary(), r.impact(),
                r.rootCause(), r.contributingFactors(), r.wentWell(), r.lessons(), r.version()));
    }

    @POST
    @Path("/{id}/timeline")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.AUTHOR, Roles.SECURITY_TEAM, Roles.PRODUCT_TEAM, Roles.ENGINEERING_LEADER, Roles.MAINTAINER,
            Roles.ADMIN})
    @Operation(summary = "Add a timeline entry")
    public PostmortemView addTimelineEntry(@PathParam("id") long id, TimelineRequest r) {
        return postmortems.addTimelineEntry(user.actor(), id, r == null ? null : r.occurredAt(),
                r == null ? null : r.text());
    }

    @DELETE
    @Path("/{id}/timeline/{entry}")
    @RolesAllowed({Roles.AUTHOR, Roles.SECURITY_TEAM, Roles.PRODUCT_TEAM, Roles.ENGINEERING_LEADER, Roles.MAINTAINER,
            Roles.ADMIN})
    @Operation(summary = "Remove a timeline entry")
    public PostmortemView removeTimelineEntry(@PathParam("id") long id, @PathParam("entry") long entry) {
        return postmortems.removeTimelineEntry(user.actor(), id, entry);
    }

    @POST
    @Path("/{id}/action-items")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.AUTHOR, Roles.SECURITY_TEAM, Roles.PRODUCT_TEAM, Roles.ENGINEERING_LEADER, Roles.MAINTAINER,
            Roles.ADMIN})
    @Operation(summary = "Add an action item")
    public PostmortemView addActionItem(@PathParam("id") long id, ActionItemRequest r) {
        if (r == null) {
            throw new InvalidInputException("description", "must not be blank");
        }
        return postmortems.addActionItem(user.actor(), id, r.description(), r.owner(), r.dueOn(), r.status());
    }

    @DELETE
    @Path("/{id}/action-items/{item}")
    @RolesAllowed({Roles.AUTHOR, Roles.SECURITY_TEAM, Roles.PRODUCT_TEAM, Roles.ENGINEERING_LEADER, Roles.MAINTAINER,
            Roles.ADMIN})
    @Operation(summary = "Remove an action item")
    public PostmortemView removeActionItem(@PathParam("id") long id, @PathParam("item") long item) {
        return postmortems.removeActionItem(user.actor(), id, item);
    }

    /** Anyone may be an action item's owner, so the service decides who may update it. */
    @Operation(summary = "Set an action item's status")
    @PUT
    @Path("/{id}/action-items/{item}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    public PostmortemView setActionItemStatus(@PathParam("id") long id, @PathParam("item") long item,
            StatusRequest r) {
        return postmortems.setActionItemStatus(user.actor(), id, item, r == null ? null : r.status());
    }

    @POST
    @Path("/{id}/submit")
    @RolesAllowed({Roles.AUTHOR, Roles.SECURITY_TEAM, Roles.PRODUCT_TEAM, Roles.ENGINEERING_LEADER, Roles.MAINTAINER,
            Roles.ADMIN})
    @Operation(summary = "Send a post-mortem for review")
    public PostmortemView submit(@PathParam("id") long id) {
        return postmortems.submit(user.actor(), id);
    }

    @Operation(summary = "Send a post-mortem back to its owner with the changes wanted")
    @POST
    @Path("/{id}/request-changes")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SECURITY_TEAM, Roles.PRODUCT_TEAM, Roles.ENGINEERING_LEADER, Roles.MAINTAINER})
    public PostmortemView requestChanges(@PathParam("id") long id, ReasonRequest r) {
        return postmortems.requestChanges(user.actor(), id, r == null ? null : r.reason());
    }

    @Operation(summary = "Sign off a post-mortem (reviewer)")
    @POST
    @Path("/{id}/sign-off")
    @RolesAllowed({Roles.SECURITY_TEAM, Roles.PRODUCT_TEAM, Roles.ENGINEERING_LEADER, Roles.MAINTAINER})
    public PostmortemView signOff(@PathParam("id") long id) {
        return postmortems.signOff(user.actor(), id);
    }

    @POST
    @Path("/{id}/publish")
    @RolesAllowed({Roles.AUTHOR, Roles.SECURITY_TEAM, Roles.PRODUCT_TEAM, Roles.ENGINEERING_LEADER, Roles.MAINTAINER,
            Roles.ADMIN})
    @Operation(summary = "Publish a signed-off post-mortem")
    public PostmortemView publish(@PathParam("id") long id) {
        return postmortems.publish(user.actor(), id);
    }

    private static void checkPage(int page, int size) {
        if (page < 0 || size < 1 || size > 100) {
            throw new InvalidInputException("size", "page must be 0 or more and size between 1 and 100");
        }
    }
}

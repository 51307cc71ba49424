package dev.greenlight.incident;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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

import dev.greenlight.common.ConflictException;
import dev.greenlight.common.FieldError;
import dev.greenlight.common.Inputs;
import dev.greenlight.common.InvalidInputException;
import dev.greenlight.security.Actor;
import dev.greenlight.security.CurrentUser;
import dev.greenlight.security.Roles;
import dev.greenlight.web.Flash;
import dev.greenlight.web.Forms;

/** The overdue list, a post-mortem's view (Markdown rendered safely) with its review steps, and its editor. */
@Path("/postmortems")
@Produces(MediaType.TEXT_HTML)
class PostmortemsPages {
    static final int PAGE_SIZE = 50;

    private final PostmortemService postmortems;
    private final CurrentUser user;
    private final Inputs inputs;

    @Inject
    PostmortemsPages(PostmortemService postmortems, CurrentUser user, Inputs inputs) {
        this.postmortems = postmortems;
        this.inputs = inputs;
        this.user = user;
    }

    /** What the viewer may do now; a null refusal means they may. {@code reason} is a refused reason as typed. */
    record Detail(PostmortemView p, String editRefusal, String submitRefusal, String signOffRefusal,
            String requestChangesRefusal, String publishRefusal, boolean mayUpdateItems, String reason,
            List<FieldError> errors) {
        public boolean mayEdit() {
            return editRefusal == null;
        }

        public boolean maySubmit() {
            return submitRefusal == null;
        }

        public boolean maySignOff() {
            return signOffRefusal == null;
        }

        public boolean mayRequestChanges() {
            return requestChangesRefusal == null;
        }

        public boolean mayPublish() {
            return publishRefusal == null;
        }
    }

    /** An action item's status, which its forms always send: a missing one is refused, never read as OPEN. */
    record StatusForm(@NotNull(message = Inputs.MISSING) String status) {
    }

    /** The sections as typed, so that a refused form comes back unchanged. */
    record SectionsForm(@NotNull(message = Inputs.MISSING) String summary,
            @NotNull(message = Inputs.MISSING) String impact, @NotNull(message = Inputs.MISSING) String rootCause,
            @NotNull(message = Inputs.MISSING) String contributingFactors,
            @NotNull(message = Inputs.MISSING) String wentWell, @NotNull(message = Inputs.MISSING) String lessons,
            @NotNull(message = Inputs.MISSING) String version) {
        static SectionsForm of(PostmortemView p) {
            return new SectionsForm(orEmpty(p.summary()), orEmpty(p.impact()), orEmpty(p.rootCause()),
                    orEmpty(p.contributingFactors()), orEmpty(p.wentWell()), orEmpty(p.lessons()),
                    String.valueOf(p.version()));
        }
    }

    /** A timeline entry as typed, so that a refused one comes back unchanged. */
    record EntryForm(String occurredAt, String text) {
        static final EntryForm EMPTY = new EntryForm("", "");
    }

    /** An action item as typed, so that a refused one comes back unchanged. */
    record ItemForm(String description, String owner, String dueOn, String status) {
        static final ItemForm EMPTY = new ItemForm("", "", "", "");
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance overdue(List<PostmortemSummary> overdue, int page, boolean hasNext,
                String nav);

        static native TemplateInstance view(Detail d, List<ActionItemStatus> statuses, String nav);

        static native TemplateInstance edit(PostmortemView p, SectionsForm form, EntryForm entry, ItemForm item,
                List<ActionItemStatus> statuses, List<FieldError> errors, String nav);
    }

    @GET
    @Path("/overdue")
    public TemplateInstance overdue(@QueryParam("page") Integer page) {
        int current = page == null || page < 0 ? 0 : page;
        List<PostmortemSummary> rows = postmortems.overdue(user.actor(), current, PAGE_SIZE + 1);
        return Templates.overdue(rows.stream().limit(PAGE_SIZE).toList(), current, rows.size() > PAGE_SIZE,
                "incidents");
    }

    @GET
    @Path("/{id}")
    public TemplateInstance view(@PathParam("id") long id) {
        return viewPage(id, "", List.of());
    }

    @GET
    @Path("/{id}/edit")
    public TemplateInstance edit(@PathParam("id") long id) {
        PostmortemView p = postmortems.get(user.actor(), id);
        return Templates.edit(p, SectionsForm.of(p), EntryForm.EMPTY, ItemForm.EMPTY,
                List.of(ActionItemStatus.values()),
                List.of(), "incidents");
    }

    @POST
    @RolesAllowed({Roles.AUTHOR, Roles.SECURITY_TEAM, Roles.PRODUCT_TEAM, Roles.ENGINEERING_LEADER, Roles.MAINTAINER,
            Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Path("/{id}")
    public Response save(@PathParam("id") long id, @RestForm String summary, @RestForm String impact,
            @RestForm String rootCause, @RestForm String contributingFactors, @RestForm String wentWell,
            @RestForm String lessons, @RestForm String version) {
        SectionsForm form = new SectionsForm(summary, impact, rootCause, contributingFactors, wentWell, lessons,
                version);
        try {
            return Forms.submit(() -> {
                inputs.check(form);
                postmortems.edit(user.actor(), id, new PostmortemService.SectionsInput(summary, impact, rootCause,
                        contributingFactors, wentWell, lessons, number("version", version)));
                return Flash.redirect(URI.create("/postmortems/" + id + "/edit"), "Post-mortem saved.");
            }, errors -> editPage(id, form, EntryForm.EMPTY, ItemForm.EMPTY, errors));
        } catch (ConflictException e) {
            return Response.status(409)
                    .entity(editPage(id, form, EntryForm.EMPTY, ItemForm.EMPTY,
                            List.of(new FieldError(null, e.getMessage()))))
                    .build();
        }
    }

    @POST
    @RolesAllowed({Roles.AUTHOR, Roles.SECURITY_TEAM, Roles.PRODUCT_TEAM, Roles.ENGINEERING_LEADER, Roles.MAINTAINER,
            Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Path("/{id}/timeline")
    public Response addTimelineEntry(@PathParam("id") long id, @RestForm String occurredAt, @RestForm String text) {
        return Forms.submit(() -> {
            postmortems.addTimelineEntry(user.actor(), id, occurredAt, text);
            return Flash.redirect(URI.create("/postmortems/" + id + "/edit"), "Timeline entry added.");
        }, errors -> sectionsAsSaved(id, new EntryForm(occurredAt, text), ItemForm.EMPTY, errors));
    }

    @POST
    @RolesAllowed({Roles.AUTHOR, Roles.SECURITY_TEAM, Roles.PRODUCT_TEAM, Roles.ENGINEERING_LEADER, Roles.MAINTAINER,
            Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Path("/{id}/timeline/{entry}/remove")
    public Response removeTimelineEntry(@PathParam("id") long id, @PathParam("entry") long entry) {
        postmortems.removeTimelineEntry(user.actor(), id, entry);
        return Flash.redirect(URI.create("/postmortems/" + id + "/edit"), "Timeline entry removed.");
    }

    @POST
    @RolesAllowed({Roles.AUTHOR, Roles.SECURITY_TEAM, Roles.PRODUCT_TEAM, Roles.ENGINEERING_LEADER, Roles.MAINTAINER,
            Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Path("/{id}/action-items")
    public Response addActionItem(@PathParam("id") long id, @RestForm String description, @RestForm String owner,
            @RestForm String dueOn, @RestForm String status) {
        return Forms.submit(() -> {
            inputs.check(new StatusForm(status));
            postmortems.addActionItem(user.actor(), id, description, owner, dueOn, status);
            return Flash.redirect(URI.create("/postmortems/" + id + "/edit"), "Action item added.");
        }, errors -> sectionsAsSaved(id, EntryForm.EMPTY, new ItemForm(description, owner, dueOn, status), errors));
    }

    @POST
    @RolesAllowed({Roles.AUTHOR, Roles.SECURITY_TEAM, Roles.PRODUCT_TEAM, Roles.ENGINEERING_LEADER, Roles.MAINTAINER,
            Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Path("/{id}/action-items/{item}/remove")
    public Response removeActionItem(@PathParam("id") long id, @PathParam("item") long item) {
        postmortems.removeActionItem(user.actor(), id, item);
        return Flash.redirect(URI.create("/postmortems/" + id + "/edit"), "Action item removed.");
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Path("/{id}/action-items/{item}")
    public Response setActionItemStatus(@PathParam("id") long id, @PathParam("item") long item,
            @RestForm String status) {
        inputs.check(new StatusForm(status));
        postmortems.setActionItemStatus(user.actor(), id, item, status);
        return Flash.redirect(URI.create("/postmortems/" + id), "Action item updated.");
    }

    @POST
    @RolesAllowed({Roles.AUTHOR, Roles.SECURITY_TEAM, Roles.PRODUCT_TEAM, Roles.ENGINEERING_LEADER, Roles.MAINTAINER,
            Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Path("/{id}/submit")
    public Response submit(@PathParam("id") long id) {
        return Forms.submit(() -> {
            postmortems.submit(user.actor(), id);
            return Flash.redirect(URI.create("/postmortems/" + id), "Post-mortem sent for review.");
        }, errors -> viewPage(id, "", errors));
    }

    @POST
    @RolesAllowed({Roles.SECURITY_TEAM, Roles.PRODUCT_TEAM, Roles.ENGINEERING_LEADER, Roles.MAINTAINER})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Path("/{id}/sign-off")
    public Response signOff(@PathParam("id") long id) {
        postmortems.signOff(user.actor(), id);
        return Flash.redirect(URI.create("/postmortems/" + id), "You signed the post-mortem off.");
    }

    @POST
    @RolesAllowed({Roles.SECURITY_TEAM, Roles.PRODUCT_TEAM, Roles.ENGINEERING_LEADER, Roles.MAINTAINER})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Path("/{id}/request-changes")
    public Response requestChanges(@PathParam("id") long id, @RestForm String reason) {
        return Forms.submit(() -> {
            postmortems.requestChanges(user.actor(), id, reason);
            return Flash.redirect(URI.create("/postmortems/" + id), "Post-mortem sent back to draft.");
        }, errors -> viewPage(id, reason, errors));
    }

    @POST
    @RolesAllowed({Roles.AUTHOR, Roles.SECURITY_TEAM, Roles.PRODUCT_TEAM, Roles.ENGINEERING_LEADER, Roles.MAINTAINER,
            Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Path("/{id}/publish")
    public Response publish(@PathParam("id") long id) {
        postmortems.publish(user.actor(), id);
        return Flash.redirect(URI.create("/postmortems/" + id), "Post-mortem published.");
    }

    private TemplateInstance viewPage(long id, String reason, List<FieldError> errors) {
        PostmortemView p = postmortems.get(user.actor(), id);
        Actor actor = user.actor();
        String editRefusal = postmortems.whyNot(actor, p, PostmortemAction.EDIT);
        boolean mayUpdateItems = PostmortemPermissions.writer(actor, p.owner())
                || p.actionItems().stream().anyMatch(a -> a.owner().equals(actor.username()));
        return Templates.view(new Detail(p, editRefusal, postmortems.whyNot(actor, p, PostmortemAction.SUBMIT),
                postmortems.whyNot(actor, p, PostmortemAction.SIGN_OFF),
                postmortems.whyNot(actor, p, PostmortemAction.REQUEST_CHANGES),
                postmortems.whyNot(actor, p, PostmortemAction.PUBLISH), mayUpdateItems, reason, errors),
                List.of(ActionItemStatus.values()), "incidents");
    }

    private TemplateInstance editPage(long id, SectionsForm form, EntryForm entry, ItemForm item,
            List<FieldError> errors) {
        return Templates.edit(postmortems.get(user.actor(), id), form, entry, item, List.of(ActionItemStatus.values()),
                errors, "incidents");
    }

    /** The editor after a refused timeline entry or action item: the sections as saved, the refused form as typed. */
    private TemplateInstance sectionsAsSaved(long id, EntryForm entry, ItemForm item, List<FieldError> errors) {
        PostmortemView p = postmortems.get(user.actor(), id);
        return Templates.edit(p, SectionsForm.of(p), entry, item, List.of(ActionItemStatus.values()), errors,
                "incidents");
    }

    private static Long number(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "must be a number");
        }
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}

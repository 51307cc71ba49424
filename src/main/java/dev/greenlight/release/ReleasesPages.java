package dev.greenlight.release;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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

import dev.greenlight.approval.ApprovalService;
import dev.greenlight.changeset.ChangesetService;
import dev.greenlight.changeset.ChangesetView;
import dev.greenlight.changeset.PreReleaseTag;
import dev.greenlight.common.FieldError;
import dev.greenlight.common.InvalidInputException;
import dev.greenlight.release.ReleasePageContext.RefusedForm;
import dev.greenlight.security.CurrentUser;
import dev.greenlight.security.Roles;
import dev.greenlight.web.Flash;
import dev.greenlight.workspace.WorkspaceService;

@Path("/releases")
@Produces(MediaType.TEXT_HTML)
class ReleasesPages {
    static final int PAGE_SIZE = 20;

    private final ReleaseService releases;
    private final ChangesetService changesets;
    private final WorkspaceService workspace;
    private final ApprovalService approvals;
    private final ReleasePage page;
    private final CurrentUser user;

    @Inject
    ReleasesPages(ReleaseService releases, ChangesetService changesets, WorkspaceService workspace,
            ApprovalService approvals, ReleasePage page, CurrentUser user) {
        this.releases = releases;
        this.changesets = changesets;
        this.workspace = workspace;
        this.approvals = approvals;
        this.page = page;
        this.user = user;
    }

    /** What the new-release form holds, so that a refused form comes back as the user typed it. */
    record NewReleaseForm(String title, List<String> changesets, String preRelease) {
        public boolean includes(String id) {
            return changesets == null || changesets.isEmpty() || changesets.contains(id);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(ReleaseService.ReleasePage page, String state, String packageName,
                List<ReleaseState> states, List<String> packageNames, String nav);

        static native TemplateInstance list$table(ReleaseService.ReleasePage page, String state, String packageName);

        static native TemplateInstance create(NewReleaseForm form, List<ChangesetView> pending,
                List<PreReleaseTag> preReleases, List<FieldError> errors, String nav);
    }

    @GET
    public TemplateInstance list(@QueryParam("state") String state, @QueryParam("package") String packageName,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("before") Long before,
            @HeaderParam("HX-Target") String htmxTarget) {
        ReleaseState filter = parseStateOrNull(state);
        String stateParam = filter == null ? "" : filter.name();
        String pkg = packageName == null ? "" : packageName.strip();
        ReleaseService.ReleasePage result = releases.search(filter, pkg, before, Math.max(0, page), PAGE_SIZE);
        if ("release-table".equals(htmxTarget)) {
            return Templates.list$table(result, stateParam, pkg);
        }
        List<String> packageNames = workspace.manifests().stream().map(m -> m.name()).toList();
        return Templates.list(result, stateParam, pkg, List.of(ReleaseState.values()), packageNames, "releases");
    }

    @GET
    @Path("/new")
    public TemplateInstance createForm() {
        return createPage(new NewReleaseForm("", List.of(), ""), List.of());
    }

    @POST
    @RolesAllowed({Roles.AUTHOR, Roles.MAINTAINER})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@RestForm String title, @RestForm("changeset") List<String> changesetIds,
            @RestForm String preRelease) {
        NewReleaseForm form = new NewReleaseForm(title, changesetIds == null ? List.of() : changesetIds, preRelease);
        try {
            PreReleaseTag tag = preRelease == null || preRelease.isBlank()
                    ? null
                    : ReleasePlansApi.parsePreRelease(preRelease);
            if (changesetIds == null || changesetIds.isEmpty()) {
                throw new InvalidInputException("changeset", "choose at least one pending changeset");
            }
            ReleaseView created = releases.create(user.actor(), title, changesetIds, tag);
            return Flash.redirect(URI.create("/releases/" + created.id()), "Release " + created.id() + " created.");
        } catch (InvalidInputException e) {
            return Response.status(400).entity(createPage(form, e.errors())).build();
        }
    }

    @GET
    @Path("/{id}")
    public TemplateInstance detail(@PathParam("id") long id) {
        return page.render(id, RefusedForm.none());
    }

    /** A reviewer approves or rejects one slot. */
    @POST
    @RolesAllowed({Roles.CODE_REVIEWER, Roles.SECURITY_REVIEWER, Roles.PRODUCT_REVIEWER})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Path("/{id}/reviews")
    public Response review(@PathParam("id") long id, @RestForm String slot, @RestForm String decision,
            @RestForm String comment) {
        try {
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
        } catch (InvalidInputException e) {
            return Response.status(400)
                    .entity(page.render(id, RefusedForm.of("reviews", values("slot", slot, "comment", comment),
                            e.errors())))
                    .build();
        }
    }

    @POST
    @RolesAllowed(Roles.MAINTAINER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Path("/{id}/publish")
    public Response publish(@PathParam("id") long id) {
        ReleaseView published = releases.publish(user.actor(), id);
        return Flash.redirect(URI.create("/releases/" + id), "Release " + id + " published: "
                + String.join(", ", published.publication().tags()) + ".");
    }

    @POST
    @RolesAllowed({Roles.AUTHOR, Roles.MAINTAINER})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Path("/{id}/changesets")
    public Response addChangesets(@PathParam("id") long id, @RestForm("changeset") List<String> changesetIds) {
        try {
            releases.addChangesets(user.actor(), id, changesetIds);
            return Flash.redirect(URI.create("/releases/" + id),
                    "Changesets added; approvals and gates given so far must be given again.");
        } catch (InvalidInputException e) {
            return Response.status(400)
                    .entity(page.render(id, RefusedForm.of("changesets", Map.of(), e.errors())))
                    .build();
        }
    }

    @POST
    @RolesAllowed({Roles.AUTHOR, Roles.MAINTAINER})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Path("/{id}/changesets/{changeset}/remove")
    public Response removeChangeset(@PathParam("id") long id, @PathParam("changeset") String changeset) {
        releases.removeChangeset(user.actor(), id, changeset);
        return Flash.redirect(URI.create("/releases/" + id), "Changeset " + changeset
                + " removed; approvals and gates given so far must be given again.");
    }

    @POST
    @RolesAllowed({Roles.AUTHOR, Roles.MAINTAINER})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Path("/{id}/submit")
    public Response submit(@PathParam("id") long id) {
        releases.submit(user.actor(), id);
        return Flash.redirect(URI.create("/releases/" + id), "Release " + id + " submitted for review.");
    }

    @POST
    @RolesAllowed({Roles.AUTHOR, Roles.MAINTAINER, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Path("/{id}/cancel")
    public Response cancel(@PathParam("id") long id, @RestForm String reason) {
        releases.cancel(user.actor(), id, reason);
        return Flash.redirect(URI.create("/releases/" + id), "Release " + id + " cancelled.");
    }

    private static Map<String, String> values(String... fieldsAndValues) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            values.put(fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        return values;
    }

    private TemplateInstance createPage(NewReleaseForm form, List<FieldError> errors) {
        return Templates.create(form, changesets.pending(), List.of(PreReleaseTag.values()), errors, "releases");
    }

    private static ReleaseState parseStateOrNull(String state) {
        try {
            return ReleasesApi.parseState(state);
        } catch (InvalidInputException e) {
            return null;
        }
    }
}

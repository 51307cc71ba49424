package dev.greenlight.release;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.greenlight.audit.AuditEventView;
import dev.greenlight.audit.AuditLog;
import dev.greenlight.changeset.ChangesetService;
import dev.greenlight.changeset.ChangesetView;
import dev.greenlight.common.InvalidInputException;
import dev.greenlight.security.CurrentUser;
import dev.greenlight.security.Roles;

@Tag(name = "Releases", description = "Releases: their plans, states, history and changesets")
@Path("/api/v1/releases")
@Produces(MediaType.APPLICATION_JSON)
class ReleasesApi {
    static final int MAX_PAGE_SIZE = 100;

    private final ReleaseService releases;
    private final ChangesetService changesets;
    private final AuditLog audit;
    private final CurrentUser user;

    @Inject
    ReleasesApi(ReleaseService releases, ChangesetService changesets, AuditLog audit, CurrentUser user) {
        this.releases = releases;
        this.changesets = changesets;
        this.audit = audit;
        this.user = user;
    }

    /** Changesets to release by id; null or empty takes every pending changeset. */
    record CreateRequest(String title, List<String> changesets, String preRelease) {
    }

    record ReasonRequest(String reason) {
    }

    record ReleaseDetail(ReleaseView release, List<ChangesetView> changesets) {
    }

    /** One event of the release's history; {@code withheld} as {@link AuditEventView} says. */
    record HistoryEntry(long id, String occurredAt, String actor, String action, Object before, Object after,
            boolean withheld) {
        static HistoryEntry of(AuditEventView e) {
            return new HistoryEntry(e.id(), e.occurredAt().toString(), e.actor(), e.action(), e.before(), e.after(),
                    e.withheld());
        }
    }

    @Operation(summary = "Lists releases, newest first, by state or package")
    @GET
    public ReleaseService.ReleasePage list(@QueryParam("state") String state, @QueryParam("package") String packageName,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("20") int size,
            @QueryParam("before") Long before) {
        if (page < 0) {
            throw new InvalidInputException("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidInputException("size", "must be between 1 and " + MAX_PAGE_SIZE);
        }
        return releases.search(parseState(state), packageName, before, page, size);
    }

    @Operation(summary = "Creates a release from pending changesets")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.AUTHOR, Roles.MAINTAINER})
    public Response create(CreateRequest request) {
        if (request == null) {
            throw new InvalidInputException("title", "must not be blank");
        }
        ReleaseView created = releases.create(user.actor(), request.title(), request.changesets(),
                ReleasePlansApi.parsePreRelease(request.preRelease()));
        return Response.created(URI.create("/api/v1/releases/" + created.id())).entity(created).build();
    }

    @Operation(summary = "Reads a release with its slots, gates and history")
    @GET
    @Path("/{id}")
    public ReleaseDetail get(@PathParam("id") long id) {
        return new ReleaseDetail(releases.get(id), changesets.ofRelease(id));
    }

    @Operation(summary = "Reads the audited history of a release")
    @GET
    @Path("/{id}/history")
    public List<HistoryEntry> history(@PathParam("id") long id) {
        releases.get(id);
        return audit.releaseHistory(user.actor(), id).stream().map(HistoryEntry::of).toList();
    }

    @Operation(summary = "Submits a release for review")
    @POST
    @Path("/{id}/submit")
    @RolesAllowed({Roles.AUTHOR, Roles.MAINTAINER})
    public ReleaseView submit(@PathParam("id") long id) {
        return releases.submit(user.actor(), id);
    }

    @Operation(summary = "Cancels a release with a reason")
    @POST
    @Path("/{id}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.AUTHOR, Roles.MAINTAINER, Roles.ADMIN})
    public ReleaseView cancel(@PathParam("id") long id, ReasonRequest request) {
        return releases.cancel(user.actor(), id, request == null ? null : request.reason());
    }

    @Operation(summary = "Publishes an approved release")
    @POST
    @Path("/{id}/publish")
    @RolesAllowed(Roles.MAINTAINER)
    public ReleaseView publish(@PathParam("id") long id) {
        return releases.publish(user.actor(), id);
    }

    /** {"mergedAt": "2026-11-27T10:00:00Z", "deployedAt": "2026-11-27T10:12:00Z"}, either or both. */
    record DeploymentReport(Instant mergedAt, Instant deployedAt) {
    }

    @Operation(summary = "Reports when a release merged and reached production")
    @POST
    @Path("/{id}/deployment")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CI, Roles.MAINTAINER})
    public ReleaseView deployment(@PathParam("id") long id, DeploymentReport report) {
        if (report == null) {
            throw new InvalidInputException("deployedAt", "give mergedAt, deployedAt or both");
        }
        return releases.recordDeployment(user.actor(), id, report.mergedAt(), report.deployedAt());
    }

    record ChangesetsRequest(List<String> changesets) {
    }

    @Operation(summary = "Adds pending changesets to an open release")
    @POST
    @Path("/{id}/changesets")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.AUTHOR, Roles.MAINTAINER})
    public ReleaseView addChangesets(@PathParam("id") long id, ChangesetsRequest request) {
        return releases.addChangesets(user.actor(), id, request == null ? null : request.changesets());
    }

    @Operation(summary = "Removes a changeset from an open release")
    @DELETE
    @Path("/{id}/changesets/{changeset}")
    @RolesAllowed({Roles.AUTHOR, Roles.MAINTAINER})
    public ReleaseView removeChangeset(@PathParam("id") long id, @PathParam("changeset") String changeset) {
        return releases.removeChangeset(user.actor(), id, changeset);
    }

    static ReleaseState parseState(String state) {
        if (state == null || state.isBlank()) {
            return null;
        }
        try {
            return ReleaseState.valueOf(state.strip().toUpperCase().replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("state", "must be one of draft, in-review, approved, published, "
                    + "validated, rolled-back, rejected, cancelled");
        }
    }
}

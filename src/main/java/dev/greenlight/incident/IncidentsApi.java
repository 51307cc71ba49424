package dev.greenlight.incident;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.greenlight.common.InvalidInputException;
import dev.greenlight.security.CurrentUser;
import dev.greenlight.security.Roles;

/** Incidents for scripts: the same rules as the pages, enforced by the service. */
@Tag(name = "Incidents", description = "Incidents, the releases they touched, and their post-mortems.")
@Path("/api/v1/incidents")
@Produces(MediaType.APPLICATION_JSON)
class IncidentsApi {
    private final IncidentService incidents;
    private final PostmortemService postmortems;
    private final CurrentUser user;

    @Inject
    IncidentsApi(IncidentService incidents, PostmortemService postmortems, CurrentUser user) {
        this.incidents = incidents;
        this.postmortems = postmortems;
        this.user = user;
    }

    /** Times as ISO-8601 ({@code 2026-03-01T14:30:00Z}); {@code version} on updates is the one you read. */
    record IncidentRequest(String title, String severity, String status, String impact, String startedAt,
            String resolvedAt, Boolean security, List<String> affectedServices, List<Long> releaseIds, String report,
            Long version) {
        IncidentService.IncidentInput input() {
            return new IncidentService.IncidentInput(title, severity, status, impact, startedAt, resolvedAt, security,
                    affectedServices, releaseIds, report, version);
        }
    }

    record PostmortemRequest(String owner) {
    }

    @Operation(summary = "List incidents, newest first, optionally filtered")
    @GET
    public IncidentService.IncidentPage list(@QueryParam("status") String status,
            @QueryParam("severity") String severity, @QueryParam("security") Boolean security,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("20") int size) {
        if (page < 0 || size < 1 || size > 100) {
            throw new InvalidInputException("size", "page must be 0 or more and size between 1 and 100");
        }
        return incidents.search(user.actor(),
                status == null || status.isBlank() ? null : IncidentStatus.parse("status", status),
                severity == null || severity.isBlank() ? null : Severity.parse("severity", severity), security, page,
                size);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.AUTHOR, Roles.SECURITY_TEAM, Roles.PRODUCT_TEAM, Roles.ENGINEERING_LEADER, Roles.MAINTAINER,
            Roles.ADMIN})
    @Operation(summary = "File an incident")
    public Response file(IncidentRequest request) {
        if (request == null) {
            throw new InvalidInputException("title", "must not be blank");
        }
        IncidentView created = incidents.file(user.actor(), request.input());
        return Response.created(URI.create("/api/v1/incidents/" + created.id())).entity(created).build();
    }

    @Operation(summary = "Get an incident")
    @GET
    @Path("/{id}")
    public IncidentView get(@PathParam("id") long id) {
        return incidents.get(user.actor(), id);
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.AUTHOR, Roles.SECURITY_TEAM, Roles.PRODUCT_TEAM, Roles.ENGINEERING_LEADER, Roles.MAINTAINER,
            Roles.ADMIN})
    @Operation(summary = "Update an incident (optimistic locking on its version)")
    public IncidentView update(@PathParam("id") long id, IncidentRequest request) {
        if (request == null) {
            throw new InvalidInputException("title", "must not be blank");
        }
        return incidents.update(user.actor(), id, request.input());
    }

    /** Starts the incident's post-mortem, owned by {@code owner} (you when absent). */
    @POST
    @Path("/{id}/postmortem")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.AUTHOR, Roles.SECURITY_TEAM, Roles.PRODUCT_TEAM, Roles.ENGINEERING_LEADER, Roles.MAINTAINER,
            Roles.ADMIN})
    @Operation(summary = "Start the incident's post-mortem")
    public Response startPostmortem(@PathParam("id") long id, PostmortemRequest request) {
        PostmortemView created = postmortems.createFromIncident(user.actor(), id,
                request == null ? null : request.owner());
        return Response.created(URI.create("/api/v1/postmortems/" + created.id())).entity(created).build();
    }
}

package dev.greenlight.emergency;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
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

/** The emergency path for scripts: the same rules as the pages, enforced by the services. */
@Tag(name = "Emergencies", description = "The emergency path and overrides: request, assess, approve with bypasses, deny; an admin's override and its second person.")
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
class EmergenciesApi {
    private final EmergencyService emergencies;
    private final OverrideService overrides;
    private final CurrentUser user;

    @Inject
    EmergenciesApi(EmergencyService emergencies, OverrideService overrides, CurrentUser user) {
        this.emergencies = emergencies;
        this.overrides = overrides;
        this.user = user;
    }

    /** A new incident ({@code title}, {@code severity}) or an existing one ({@code id}). */
    record IncidentRef(Long id, String title, String severity, String report) {
    }

    record CreateRequest(Long releaseId, String title, List<String> changesets, String criterion,
            String justification, String affectedServices, String risk, IncidentRef incident) {
    }

    record ReasonRequest(String reason) {
    }

    record ApproveRequest(String reason, List<EmergencyService.BypassInput> bypasses) {
    }

    record ReportRequest(String report) {
    }

    record OverrideRequest(Long releaseId, String reason, IncidentRef incident) {
    }

    @Operation(summary = "List emergency requests, optionally in one state")
    @GET
    @Path("/emergencies")
    public List<EmergencyView> list(@QueryParam("state") String state) {
        if (state == null || state.isBlank()) {
            return emergencies.recent(user.actor(), 0, 100);
        }
        try {
            return emergencies.waiting(user.actor(), EmergencyState.valueOf(state.strip().toUpperCase()));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("state", "unknown state " + state);
        }
    }

    @Operation(summary = "Request an emergency release")
    @POST
    @Path("/emergencies")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.AUTHOR)
    public Response create(CreateRequest request) {
        if (request == null) {
            throw new InvalidInputException("criterion", "must not be blank");
        }
        IncidentRef incident = request.incident() == null
                ? new IncidentRef(null, null, null, null)
                : request.incident();
        EmergencyView created = emergencies.request(user.actor(), new EmergencyService.RequestInput(
                request.releaseId(), request.title(), request.changesets(), request.criterion(),
                request.justification(), request.affectedServices(), request.risk(), incident.id(), incident.title(),
                incident.severity(), incident.report()));
        return Response.created(URI.create("/api/v1/emergencies/" + created.id())).entity(created).build();
    }

    @Operation(summary = "Get an emergency request")
    @GET
    @Path("/emergencies/{id}")
    public EmergencyView get(@PathParam("id") long id) {
        return emergencies.get(user.actor(), id);
    }

    @Operation(summary = "Validate an emergency (security or product team)")
    @POST
    @Path("/emergencies/{id}/assess")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SECURITY_TEAM, Roles.PRODUCT_TEAM})
    public EmergencyView assess(@PathParam("id") long id, ReasonRequest request) {
        return emergencies.assess(user.actor(), id, request == null ? null : request.reason());
    }

    @Operation(summary = "Decline an emergency: the release stays on the normal path")
    @POST
    @Path("/emergencies/{id}/decline")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SECURITY_TEAM, Roles.PRODUCT_TEAM})
    public EmergencyView decline(@PathParam("id") long id, ReasonRequest request) {
        return emergencies.decline(user.actor(), id, request == null ? null : request.reason());
    }

    @Operation(summary = "Approve an emergency, with the gates and review slots to bypass (engineering leader)")
    @POST
    @Path("/emergencies/{id}/approve")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ENGINEERING_LEADER)
    public EmergencyView approve(@PathParam("id") long id, ApproveRequest request) {
        return request == null
                ? emergencies.approve(user.actor(), id, null, List.of())
                : emergencies.approve(user.actor(), id, request.reason(),
                        request.bypasses() == null ? List.of() : new ArrayList<>(request.bypasses()));
    }

    @Operation(summary = "Deny an emergency (engineering leader)")
    @POST
    @Path("/emergencies/{id}/deny")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ENGINEERING_LEADER)
    public EmergencyView deny(@PathParam("id") long id, ReasonRequest request) {
        return emergencies.deny(user.actor(), id, request == null ? null : request.reason());
    }

    @Operation(summary = "Write the emergency's incident report")
    @PUT
    @Path("/emergencies/{id}/incident-report")
    @Consumes(MediaType.APPLICATION_JSON)
    public EmergencyView report(@PathParam("id") long id, ReportRequest request) {
        return emergencies.writeIncidentReport(user.actor(), id, request == null ? null : request.report());
    }

    @Operation(summary = "Ask for an override of a release in review (admin)")
    @POST
    @Path("/overrides")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    public Response requestOverride(OverrideRequest request) {
        if (request == null || request.releaseId() == null) {
            throw new InvalidInputException("releaseId", "name the release");
        }
        IncidentRef incident = request.incident() == null
                ? new IncidentRef(null, null, null, null)
                : request.incident();
        OverrideView created = overrides.request(user.actor(), new OverrideService.OverrideInput(request.releaseId(),
                request.reason(), incident.id(), incident.title(), incident.severity(), incident.report()));
        return Response.created(URI.create("/api/v1/overrides/" + created.id())).entity(created).build();
    }

    @Operation(summary = "Get an override")
    @GET
    @Path("/overrides/{id}")
    public OverrideView getOverride(@PathParam("id") long id) {
        return overrides.get(user.actor(), id);
    }

    @Operation(summary = "Approve an override: every unmet gate and review slot is waived (second admin or leader)")
    @POST
    @Path("/overrides/{id}/approve")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.ENGINEERING_LEADER})
    public OverrideView approveOverride(@PathParam("id") long id, ReasonRequest request) {
        return overrides.approve(user.actor(), id, request == null ? null : request.reason());
    }

    @Operation(summary = "Deny an override")
    @POST
    @Path("/overrides/{id}/deny")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN, Roles.ENGINEERING_LEADER})
    public OverrideView denyOverride(@PathParam("id") long id, ReasonRequest request) {
        return overrides.deny(user.actor(), id, request == null ? null : request.reason());
    }
}

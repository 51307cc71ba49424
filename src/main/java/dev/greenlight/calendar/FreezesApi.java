package dev.greenlight.calendar;

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.greenlight.common.InvalidInputException;
import dev.greenlight.security.CurrentUser;
import dev.greenlight.security.Roles;

/** Freeze windows of the change calendar, and their occurrences in a range. */
@Path("/api/v1/freezes")
@Produces(MediaType.APPLICATION_JSON)
class FreezesApi {
    private final FreezeService freezes;
    private final CurrentUser user;

    @Inject
    FreezesApi(FreezeService freezes, CurrentUser user) {
        this.freezes = freezes;
        this.user = user;
    }

    /** An occurrence of a window, with its local times in the window's zone and the instants they are. */
    public record OccurrenceView(long windowId, String reason, FreezeScope scope, List<String> targets,
            String timeZone, String localStart, String localEnd, Instant start, Instant end) {
        static OccurrenceView of(FreezeService.Frozen f) {
            return new OccurrenceView(f.window().id(), f.window().reason(), f.window().scope(), f.window().targets(),
                    f.occurrence().zone().getId(), f.occurrence().localStart().toString(),
                    f.occurrence().localEnd().toString(), f.occurrence().start(), f.occurrence().end());
        }
    }

    @GET
    public List<FreezeView> list() {
        return freezes.windows();
    }

    @GET
    @Path("/{id}")
    public FreezeView get(@PathParam("id") long id) {
        return freezes.get(id);
    }

    /** Occurrences overlapping [from, to) (ISO instants), at most the policy's horizon apart. */
    @GET
    @Path("/occurrences")
    public List<OccurrenceView> occurrences(@QueryParam("from") String from, @QueryParam("to") String to) {
        return freezes.between(instant("from", from), instant("to", to)).stream().map(OccurrenceView::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ENGINEERING_LEADER, Roles.ADMIN})
    public Response create(FreezeInput input) {
        FreezeView created = freezes.create(user.actor(), body(input));
        return Response.created(URI.create("/api/v1/freezes/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ENGINEERING_LEADER, Roles.ADMIN})
    public FreezeView update(@PathParam("id") long id, FreezeInput input) {
        return freezes.update(user.actor(), id, body(input));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.ENGINEERING_LEADER, Roles.ADMIN})
    public Response delete(@PathParam("id") long id) {
        freezes.delete(user.actor(), id);
        return Response.noContent().build();
    }

    private static FreezeInput body(FreezeInput input) {
        if (input == null) {
            throw new InvalidInputException("body",
                    "must be a JSON object with reason, start, end, timeZone and scope");
        }
        return input;
    }

    private static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "is required (an ISO instant such as 2026-12-01T00:00:00Z)");
        }
        if (value.length() > 40) {
            throw new InvalidInputException(field, "must be at most 40 characters");
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "must be an ISO instant such as 2026-12-01T00:00:00Z");
        }
    }
}

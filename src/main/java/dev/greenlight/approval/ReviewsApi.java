package dev.greenlight.approval;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.greenlight.common.InvalidInputException;
import dev.greenlight.release.ReleaseService;
import dev.greenlight.security.CurrentUser;

/** What waits for the signed-in reviewer, oldest first. */
@Tag(name = "Reviews", description = "The signed-in reviewer's queue")
@Path("/api/v1/reviews")
@Produces(MediaType.APPLICATION_JSON)
class ReviewsApi {
    static final int DEFAULT_SIZE = 25;
    static final int MAX_SIZE = 200;

    private final ReviewQueue queue;
    private final CurrentUser user;

    @Inject
    ReviewsApi(ReviewQueue queue, CurrentUser user) {
        this.queue = queue;
        this.user = user;
    }

    /**
     * The oldest {@code size} tasks; when more wait, a {@code Link: <...>; rel="next"} header continues after the last
     * release of this page.
     */
    @Operation(summary = "Lists the releases waiting for the signed-in reviewer, oldest first")
    @GET
    @Path("/mine")
    public Response mine(@QueryParam("size") @DefaultValue("25") int size,
            @QueryParam("afterUpdated") String afterUpdated, @QueryParam("after") Long after) {
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidInputException("size", "must be between 1 and " + MAX_SIZE);
        }
        ReviewQueue.Page page = queue.page(user.actor(), cursor(afterUpdated, after), size);
        Response.ResponseBuilder response = Response.ok(page.tasks());
        if (page.next() != null) {
            response.header("Link", "</api/v1/reviews/mine?size=" + size + "&afterUpdated=" + page.next().updatedAt()
                    + "&after=" + page.next().id() + ">; rel=\"next\"");
        }
        return response.build();
    }

    /** Where a page of the queue starts: after the release given by its update time and id, or at the oldest. */
    static ReleaseService.QueueCursor cursor(String afterUpdated, Long after) {
        if (afterUpdated == null || afterUpdated.isBlank() || after == null) {
            return null;
        }
        try {
            return new ReleaseService.QueueCursor(Instant.parse(afterUpdated.strip()), after);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("afterUpdated", "must be an instant such as 2024-05-01T12:00:00Z");
        }
    }
}

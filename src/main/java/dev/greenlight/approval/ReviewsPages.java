package dev.greenlight.approval;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import dev.greenlight.release.ReleaseService;
import dev.greenlight.security.CurrentUser;

/** "My reviews": what waits for the signed-in reviewer, oldest first. */
@Path("/reviews")
@Produces(MediaType.TEXT_HTML)
class ReviewsPages {
    private final ReviewQueue queue;
    private final CurrentUser user;

    @Inject
    ReviewsPages(ReviewQueue queue, CurrentUser user) {
        this.queue = queue;
        this.user = user;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance mine(ReviewQueue.Page queue, boolean continued, String nav);
    }

    /** A page of the queue; {@code afterUpdated} and {@code after} continue after the last release of a page. */
    @GET
    public TemplateInstance mine(@QueryParam("afterUpdated") String afterUpdated, @QueryParam("after") Long after) {
        ReleaseService.QueueCursor cursor = ReviewsApi.cursor(afterUpdated, after);
        return Templates.mine(queue.page(user.actor(), cursor, ReviewsApi.DEFAULT_SIZE), cursor != null,
                "reviews");
    }
}

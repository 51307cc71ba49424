package dev.greenlight.web;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.ws.rs.core.Response;

import io.quarkus.qute.TemplateInstance;

import dev.greenlight.common.FieldError;
import dev.greenlight.common.InvalidInputException;

/**
 * The one way a page handles a form post: do the work (which redirects on success), or, when the input is refused,
 * answer 400 with the same page re-rendered as the user filled it, each message beside its field. Refusals other
 * than invalid input (forbidden, conflict, not found) go to the error pages as everywhere else.
 */
public final class Forms {

    private Forms() {
    }

    public static Response submit(Supplier<Response> work, Function<List<FieldError>, TemplateInstance> refusedPage) {
        try {
            return work.get();
        } catch (InvalidInputException refused) {
            return Response.status(Response.Status.BAD_REQUEST).entity(refusedPage.apply(refused.errors())).build();
        }
    }
}

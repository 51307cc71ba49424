package dev.greenlight.web;

import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

import dev.greenlight.common.ConflictException;
import dev.greenlight.common.DomainException;
import dev.greenlight.common.FieldError;
import dev.greenlight.common.ForbiddenActionException;
import dev.greenlight.common.InvalidInputException;
import dev.greenlight.common.PayloadTooLargeException;
import dev.greenlight.common.ResourceNotFoundException;
import dev.greenlight.security.CurrentUser;

/**
 * Every error leaves the portal here: a problem document under /api, a page everywhere else. No stack trace or class
 * name reaches a user.
 */
class ErrorMappers {
    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);
    /** Long enough for a burst to pass, short enough that a script's retry feels immediate. */
    private static final String RETRY_AFTER_SECONDS = "2";

    private final CurrentUser user;

    @Inject
    ErrorMappers(CurrentUser user) {
        this.user = user;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error(int status, String title, String detail, List<FieldError> errors);
    }

    @ServerExceptionMapper
    public Response problem(DomainException e, UriInfo uri) {
        return respond(uri, statusOf(e), e.title(), e.getMessage(), e.errors());
    }

    /** The one place where a kind of refusal becomes an HTTP status. */
    static int statusOf(DomainException e) {
        if (e instanceof InvalidInputException) {
            return 400;
        }
        if (e instanceof ForbiddenActionException) {
            return 403;
        }
        if (e instanceof ResourceNotFoundException) {
            return 404;
        }
        if (e instanceof ConflictException) {
            return 409;
        }
        if (e instanceof PayloadTooLargeException) {
            return 413;
        }
        throw new IllegalArgumentException("no status for " + e.getClass().getName());
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        List<FieldError> errors = e.getConstraintViolations()
                .stream()
                .map(ErrorMappers::fieldError)
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        return respond(uri, 400, "Invalid input", errors.isEmpty() ? "Invalid input" : summary(errors), errors);
    }

    /** Declared for the subtype too, so that it wins over Quarkus' own mapper for it. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        String field = e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
                ? mapping.getPath()
                        .stream()
                        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                        .collect(Collectors.joining("."))
                        .replace(".[", "[")
                : "body";
        String reason = e.getOriginalMessage();
        return respond(uri, 400, "Invalid input", field + ": " + reason, List.of(new FieldError(field, reason)));
    }

    /** A unique constraint lost a race that the service's own check could not see. */
    @ServerExceptionMapper
    public Response duplicate(org.hibernate.exception.ConstraintViolationException e, UriInfo uri) {
        return respond(uri, 409, "Conflict", "This conflicts with a change saved a moment ago; reload and try again.",
                List.of());
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        if (user.isSignedIn() && !user.isMember()) {
            return respond(uri, 403, "No Greenlight role", "You are signed in as " + user.username()
                    + ", but your account has no Greenlight role, so Greenlight shows you nothing. Ask whoever manages"
                    + " your organisation's accounts for the role you need (author, reviewer, ...), then sign out and"
                    + " in again.", List.of());
        }
        return respond(uri, 403, "Not allowed", "Your roles do not allow this.", List.of());
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return respond(uri, 401, "Sign in required", "Sign in to continue.", List.of());
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri) {
        return respond(uri, 404, "Not found", "There is nothing at this address.", List.of());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("Request failed", e);
            return respond(uri, status, "Something went wrong", "The request could not be completed.", List.of());
        }
        String reason = e.getResponse().getStatusInfo().getReasonPhrase();
        return respond(uri, status, reason, reason, List.of());
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(RuntimeException e, UriInfo uri) {
        if (poolExhausted(e)) {
            LOG.warnf("No database connection free in time for %s: answered 503", uri.getPath());
            return Response.fromResponse(respond(uri, 503, "Busy",
                    "Greenlight is handling more requests than it can right now; nothing was changed. Try again in a "
                            + "few seconds.",
                    List.of())).header("Retry-After", RETRY_AFTER_SECONDS).build();
        }
        LOG.error("Unexpected failure", e);
        return respond(uri, 500, "Something went wrong",
                "The request could not be completed. It has been logged; nothing was changed.", List.of());
    }

    /** Agroal's message when no pooled connection frees up within the acquisition timeout (it has no SQL state). */
    private static boolean poolExhausted(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException && cause.getMessage() != null
                    && cause.getMessage().contains("acquisition timeout")) {
                return true;
            }
        }
        return false;
    }

    private static Response respond(UriInfo uri, int status, String title, String detail, List<FieldError> errors) {
        return respond(uri.getPath(), status, title, detail, errors);
    }

    /** The problem document under /api, else the error page (a template the response still has to render). */
    static Response respond(String path, int status, String title, String detail, List<FieldError> errors) {
        if (path.startsWith("/api/")) {
            return Response.status(status)
                    .type("application/problem+json")
                    .entity(Problem.of(status, title, detail, errors))
                    .build();
        }
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE)
                .entity(Templates.error(status, title, detail, errors))
                .build();
    }

    private static FieldError fieldError(ConstraintViolation<?> violation) {
        return new FieldError(fieldPath(violation.getPropertyPath().toString()), violation.getMessage());
    }

    /** "create.body.title" on a resource method becomes "title": the caller's name for the field. */
    private static String fieldPath(String path) {
        String[] parts = path.split("\\.", 3);
        return parts.length == 3 ? parts[2] : path;
    }

    private static String summary(List<FieldError> errors) {
        FieldError first = errors.get(0);
        return first.field() + ": " + first.message();
    }
}

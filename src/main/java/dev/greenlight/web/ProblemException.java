package dev.greenlight.web;

import java.util.List;

/**
 * A business rule refused a request. Subclasses pick the HTTP status; {@link ErrorMappers} turns them into a JSON
 * problem on the API and a friendly page in the browser, once, for every feature.
 */
public abstract class ProblemException extends RuntimeException {
    private final List<FieldError> errors;

    protected ProblemException(String message, List<FieldError> errors) {
        super(message);
        this.errors = List.copyOf(errors);
    }

    public abstract int status();

    public abstract String title();

    public List<FieldError> errors() {
        return errors;
    }
}

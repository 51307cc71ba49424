package dev.greenlight.common;

import java.util.List;

/**
 * A business rule refused a request. The subclass says what kind of refusal it is and knows nothing of HTTP: the web
 * layer maps each kind to a status, once, for every feature.
 */
public abstract class DomainException extends RuntimeException {
    private final List<FieldError> errors;

    protected DomainException(String message, List<FieldError> errors) {
        super(message);
        this.errors = List.copyOf(errors);
    }

    public abstract String title();

    public List<FieldError> errors() {
        return errors;
    }
}

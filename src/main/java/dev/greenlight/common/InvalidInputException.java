package dev.greenlight.common;

import java.util.List;

/** The input itself is wrong; nothing was changed. */
public class InvalidInputException extends DomainException {

    public InvalidInputException(List<FieldError> errors) {
        super(errors.isEmpty() ? "Invalid input" : errors.get(0).field() + ": " + errors.get(0).message(), errors);
    }

    public InvalidInputException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    @Override
    public String title() {
        return "Invalid input";
    }
}

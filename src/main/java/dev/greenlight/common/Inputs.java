package dev.greenlight.common;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

/**
 * Checks a form or API record against its Bean Validation constraints and refuses it with every field's message, so
 * that pages show each message beside its field and the API answers a 400 naming them. Records declare their rules
 * with the limits of {@link Limits}; nothing else validates input by hand.
 */
@ApplicationScoped
public class Inputs {
    /** The message of a field a form always sends: absent means a forged or truncated post, never a default. */
    public static final String MISSING = "is missing; send the form from its page";

    private final Validator validator;

    @Inject
    public Inputs(Validator validator) {
        this.validator = validator;
    }

    /** Returns {@code input} when it is valid; otherwise throws an {@link InvalidInputException} naming each field. */
    public <T> T check(T input) {
        List<FieldError> errors = refusals(input);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return input;
    }

    /** Every field error of {@code input}, ordered by field name. */
    public <T> List<FieldError> refusals(T input) {
        Set<ConstraintViolation<T>> violations = validator.validate(input);
        return violations.stream()
                .map(v -> new FieldError(v.getPropertyPath().toString(), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
                .toList();
    }
}

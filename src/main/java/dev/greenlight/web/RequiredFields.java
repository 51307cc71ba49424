package dev.greenlight.web;

import java.util.ArrayList;
import java.util.List;

import dev.greenlight.common.FieldError;
import dev.greenlight.common.InvalidInputException;

/**
 * The fields a page's form always sends, even when empty. An absent one means the request did not come from that form
 * (a forged or truncated post), so it is refused with the field named rather than read as empty or as a default.
 */
public final class RequiredFields {
    private final List<FieldError> missing = new ArrayList<>();

    private RequiredFields() {
    }

    public static RequiredFields of(String field, Object value) {
        return new RequiredFields().and(field, value);
    }

    public RequiredFields and(String field, Object value) {
        if (value == null) {
            missing.add(new FieldError(field, "is missing; send the form from its page"));
        }
        return this;
    }

    /** Throws an {@link InvalidInputException} naming every missing field, if any. */
    public void check() {
        if (!missing.isEmpty()) {
            throw new InvalidInputException(missing);
        }
    }
}

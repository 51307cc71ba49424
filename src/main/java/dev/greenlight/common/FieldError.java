package dev.greenlight.common;

/** One invalid input: which field and why. */
public record FieldError(String field, String message) {
}

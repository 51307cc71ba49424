package dev.greenlight.validation;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import dev.greenlight.common.Inputs;
import dev.greenlight.common.Limits;

/**
 * A post-release check as the release page's form sends it: the check, the measured value as typed, a note and an
 * evidence link; an evidence file comes beside it.
 */
public record CheckInput(
        @NotNull(message = Inputs.MISSING) @Size(max = Limits.ID_CHARS, message = "must be at most {max} characters") String check,
        @Size(max = Limits.MEASURED_VALUE_CHARS, message = "must be a number of at most {max} characters") String value,
        @Size(max = Limits.NOTE_CHARS, message = "must be at most {max} characters") String note,
        @Size(max = Limits.URL_CHARS, message = "must be at most {max} characters") String url) {
}

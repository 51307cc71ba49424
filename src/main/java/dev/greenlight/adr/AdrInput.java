package dev.greenlight.adr;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import dev.greenlight.common.Inputs;
import dev.greenlight.common.Limits;
import dev.greenlight.common.WebLink;

/** An ADR reference as a person or a client sends it, from the form or the API. */
public record AdrInput(
        @NotNull(message = Inputs.MISSING) @NotBlank(message = "must not be blank") @Size(max = Limits.TITLE_CHARS, message = "must be at most {max} characters") String title,
        @NotNull(message = Inputs.MISSING) @NotBlank(message = "must not be blank") @Size(max = Limits.URL_CHARS, message = "must be at most {max} characters") @WebLink String url) {
}

package dev.greenlight.approval;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.greenlight.common.Inputs;
import dev.greenlight.common.Limits;

/** A delegation as the form sends it: the role handed over, to whom, and the first and last day (ISO dates). */
public record DelegationInput(
        @NotNull(message = Inputs.MISSING) @NotBlank(message = "choose the role you hand over") @Size(max = 40, message = "must be at most {max} characters") String role,
        @NotNull(message = Inputs.MISSING) @NotBlank(message = "name the person who stands in for you") @Size(max = 200, message = "must be at most {max} characters") String delegate,
        @NotNull(message = Inputs.MISSING) @Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}", message = "must be a date like 2026-12-24") String startsOn,
        @NotNull(message = Inputs.MISSING) @Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}", message = "must be a date like 2026-12-24") String endsOn,
        @NotNull(message = Inputs.MISSING) @Size(max = Limits.TITLE_CHARS, message = "must be at most {max} characters") String reason) {
}

package dev.greenlight.calendar;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import dev.greenlight.common.Inputs;
import dev.greenlight.common.Limits;

/**
 * A freeze window as a leader sends it, from the form or the API. Times are local to {@code timeZone}
 * ({@code 2026-12-24T18:00}); {@code recurrence} is an RRULE value or empty for a one-off window; {@code targets} name
 * the packages or environments of those scopes.
 */
public record FreezeInput(
        @NotNull(message = Inputs.MISSING) @NotBlank(message = "must not be blank") @Size(max = Limits.TITLE_CHARS, message = "must be at most {max} characters") String reason,
        @NotNull(message = Inputs.MISSING) @NotBlank(message = "must not be blank") @Size(max = 32, message = "must be at most {max} characters") String start,
        @NotNull(message = Inputs.MISSING) @NotBlank(message = "must not be blank") @Size(max = 32, message = "must be at most {max} characters") String end,
        @NotNull(message = Inputs.MISSING) @NotBlank(message = "must not be blank") @Size(max = 64, message = "must be at most {max} characters") String timeZone,
        @Size(max = Schedule.MAX_RULE_CHARS, message = "must be at most {max} characters") String recurrence,
        @NotNull(message = Inputs.MISSING) @NotBlank(message = "must not be blank") @Size(max = 16, message = "must be at most {max} characters") String scope,
        @Size(max = Limits.MAX_PACKAGES, message = "must name at most {max}") List<@NotBlank(message = "must not be blank") @Size(max = Limits.MAX_PACKAGE_NAME_CHARS, message = "must be at most {max} characters") String> targets) {

    public List<String> targetList() {
        return targets == null ? List.of() : targets;
    }
}

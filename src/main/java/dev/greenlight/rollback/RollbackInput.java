package dev.greenlight.rollback;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.greenlight.common.Inputs;
import dev.greenlight.common.Limits;

/** The forms of the release page's "Rollback" section, as a person sends them. */
final class RollbackInput {

    private RollbackInput() {
    }

    /** Starting a rollback: why, and the incident it answers, if any ("12" or "#12"). */
    record Start(
            @NotNull(message = Inputs.MISSING) @NotBlank(message = "say why the release is rolled back") @Size(max = Limits.REASON_CHARS, message = "must be at most {max} characters") String reason,
            @Pattern(regexp = "\\s*(#?[0-9]{1,18}\\s*)?", message = "an incident number, like 12") String incidentId) {

        /** The incident number, or null when none was given. */
        Long incident() {
            return incidentId == null || incidentId.isBlank()
                    ? null
                    : Long.valueOf(incidentId.strip().replaceFirst("^#", ""));
        }
    }

    /** Ticking a step: done or not applicable, with a note (required when not applicable). */
    record Tick(
            @NotNull(message = Inputs.MISSING) @Size(max = Limits.ID_CHARS, message = "must be at most {max} characters") String outcome,
            @Size(max = Limits.NOTE_CHARS, message = "must be at most {max} characters") String note) {
    }
}

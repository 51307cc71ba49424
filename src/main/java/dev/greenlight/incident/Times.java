package dev.greenlight.incident;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import dev.greenlight.common.FieldError;

/** Times typed by people and scripts: ISO instants, offsets, or a form's local date-time (read as UTC). */
final class Times {
    private Times() {
    }

    static Instant instant(List<FieldError> errors, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException ignored) {
            // not with an offset: a form's datetime-local value, in UTC
        }
        try {
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            errors.add(new FieldError(field, "must be a date and time such as 2026-03-01T14:30Z"));
            return null;
        }
    }

    static LocalDate date(List<FieldError> errors, String field, String value) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "must not be blank"));
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeException e) {
            errors.add(new FieldError(field, "must be a date such as 2026-03-15"));
            return null;
        }
    }

    /** For a form's datetime-local input: "2026-03-01T14:30". */
    static String local(Instant instant) {
        return instant == null
                ? ""
                : LocalDateTime.ofInstant(instant, ZoneOffset.UTC)
                        .withSecond(0)
                        .withNano(0)
                        .toString();
    }
}

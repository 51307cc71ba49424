package dev.greenlight.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateExtension;

import dev.greenlight.common.FieldError;
import dev.greenlight.common.Limits;

/** Formatting helpers for templates; the input limits as {@code Limits:TITLE_CHARS} for maxlength attributes. */
@TemplateExtension
@TemplateData(target = Limits.class, namespace = "Limits")
class TemplateExtensions {
    private static final DateTimeFormatter DISPLAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    static String display(Instant instant) {
        return instant == null ? "" : DISPLAY.format(instant);
    }

    /** The message for {@code field} among a refused form's errors, or null: shown beside the field. */
    static String messageFor(List<FieldError> errors, String field) {
        if (errors == null) {
            return null;
        }
        return errors.stream().filter(e -> field.equals(e.field())).map(FieldError::message).findFirst().orElse(null);
    }

    static String urlEncode(String value) {
        return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

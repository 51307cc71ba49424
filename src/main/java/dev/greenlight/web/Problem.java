package dev.greenlight.web;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.greenlight.common.FieldError;

/** RFC 9457 problem details, as every API error is answered. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    static Problem of(int status, String title, String detail, List<FieldError> errors) {
        return new Problem("about:blank", title, status, detail, errors);
    }
}

package dev.greenlight.environment;

import java.util.Map;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

import dev.greenlight.common.Inputs;
import dev.greenlight.common.Limits;
import dev.greenlight.common.WebLink;
import dev.greenlight.gate.MeasuredValue;

/**
 * A deployment step as CI reports it: {"environment": "production", "status": "SUCCEEDED", "percentage": 25,
 * "reference": "deploy-4711", "url": "https://ci.example/runs/4711", "checks": {"smoke-tests": 0, "error-rate": 0.3}}.
 * Check values are read as written ({@link MeasuredValue}); Greenlight judges them.
 */
public record DeploymentInput(
        @NotNull(message = Inputs.MISSING) @Size(max = MAX_NAME_CHARS, message = "must be at most {max} characters") String environment,
        @NotNull(message = Inputs.MISSING) @Size(max = MAX_NAME_CHARS, message = "must be at most {max} characters") String status,
        @NotNull(message = Inputs.MISSING) Integer percentage,
        @Size(max = Limits.TITLE_CHARS, message = "must be at most {max} characters") String reference,
        @Size(max = Limits.URL_CHARS, message = "must be at most {max} characters") @WebLink String url,
        @Size(max = MAX_CHECKS, message = "must hold at most {max} checks") @JsonDeserialize(contentUsing = MeasuredValue.AsWritten.class) Map<String, String> checks) {

    static final int MAX_NAME_CHARS = 40;
    static final int MAX_CHECKS = 10;
}

package dev.greenlight.incident;

import java.util.Arrays;
import java.util.Locale;

import dev.greenlight.common.InvalidInputException;

/** How bad an incident is: SEV1 (critical) to SEV4 (minor). */
public enum Severity {
    SEV1,
    SEV2,
    SEV3,
    SEV4;

    public static Severity parse(String field, String value) {
        String normalised = value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(s -> s.name().equals(normalised))
                .findFirst()
                .orElseThrow(() -> new InvalidInputException(field, "must be one of SEV1, SEV2, SEV3, SEV4"));
    }
}

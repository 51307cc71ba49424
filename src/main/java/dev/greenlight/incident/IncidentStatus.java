package dev.greenlight.incident;

import java.util.Arrays;
import java.util.Locale;

import io.quarkus.qute.TemplateEnum;

import dev.greenlight.common.InvalidInputException;

/** Where an incident stands: still hurting, contained, or over. */
@TemplateEnum
public enum IncidentStatus {
    OPEN("Open"),
    MITIGATED("Mitigated"),
    RESOLVED("Resolved");

    private final String label;

    IncidentStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    static IncidentStatus parse(String field, String value) {
        String normalised = value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(s -> s.name().equals(normalised))
                .findFirst()
                .orElseThrow(() -> new InvalidInputException(field, "must be one of OPEN, MITIGATED, RESOLVED"));
    }
}

package dev.greenlight.emergency;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import io.quarkus.qute.TemplateEnum;

import dev.greenlight.common.InvalidInputException;

/** The policy's four reasons to take the emergency path ("Criteria for Emergency Release"); nothing else qualifies. */
@TemplateEnum
public enum Criterion {
    SECURITY_VULNERABILITY("Security vulnerability", "critical security issues"),
    DATA_LOSS_PREVENTION("Data loss prevention", "issues causing data corruption"),
    SERVICE_OUTAGE("Service outage", "critical functionality unavailable"),
    LEGAL_COMPLIANCE("Legal compliance", "regulatory requirement violations");

    private final String label;
    private final String meaning;

    Criterion(String label, String meaning) {
        this.label = label;
        this.meaning = meaning;
    }

    public String label() {
        return label;
    }

    public String meaning() {
        return meaning;
    }

    /** Whether the incident filed for such an emergency is a security incident, hidden from most readers. */
    public boolean security() {
        return this == SECURITY_VULNERABILITY;
    }

    /** "SERVICE_OUTAGE" or "service-outage"; anything else is a 400 on field {@code criterion}. */
    public static Criterion parse(String value) {
        String normalised = value == null ? "" : value.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(values())
                .filter(c -> c.name().equals(normalised))
                .findFirst()
                .orElseThrow(() -> new InvalidInputException("criterion", "must be one of the emergency criteria: "
                        + Arrays.stream(values()).map(Criterion::name).collect(Collectors.joining(", "))));
    }
}

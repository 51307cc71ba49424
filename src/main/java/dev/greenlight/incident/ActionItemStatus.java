package dev.greenlight.incident;

import java.util.Arrays;
import java.util.Locale;

import io.quarkus.qute.TemplateEnum;

import dev.greenlight.common.InvalidInputException;

/** Where an action item stands. */
@TemplateEnum
public enum ActionItemStatus {
    OPEN("Open"),
    IN_PROGRESS("In progress"),
    DONE("Done"),
    WONT_DO("Won't do");

    private final String label;

    ActionItemStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** A missing status is refused, never read as OPEN: on an update that would reopen a finished item. */
    static ActionItemStatus parse(String field, String value) {
        String normalised = value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(s -> s.name().equals(normalised))
                .findFirst()
                .orElseThrow(() -> new InvalidInputException(field, "must be one of OPEN, IN_PROGRESS, DONE, WONT_DO"));
    }
}

package dev.greenlight.calendar;

import io.quarkus.qute.TemplateEnum;

/** What a freeze window covers: every release, releases of named packages, or deployments to named environments. */
@TemplateEnum
public enum FreezeScope {
    ALL("Everything"),
    PACKAGES("Packages"),
    ENVIRONMENTS("Environments");

    private final String label;

    FreezeScope(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

package dev.greenlight.incident;

/**
 * What other features show of an incident: number, title, severity and the incident report. A security incident the
 * viewer may not see ({@link IncidentVisibility}) is {@link #hidden}: they learn that one is linked, nothing of it.
 */
public record IncidentSummary(Long id, String title, Severity severity, String report, boolean security,
        boolean hidden) {
    public static final String HIDDEN = "a security incident you cannot see";

    public boolean hasReport() {
        return report != null && !report.isBlank();
    }

    /** "SEV2 · Checkout errors after 1.5.0", or {@link #HIDDEN}. */
    public String description() {
        return hidden ? HIDDEN : severity.name() + " · " + title;
    }

    static IncidentSummary of(Incident incident) {
        return new IncidentSummary(incident.id, incident.title, incident.severity, incident.report, incident.security,
                false);
    }

    static IncidentSummary hiddenOne() {
        return new IncidentSummary(null, null, null, null, true, true);
    }
}

package dev.greenlight.incident;

/** What other features show of an incident: title, severity and the incident report. */
public record IncidentSummary(long id, String title, Severity severity, String report) {
    public boolean hasReport() {
        return report != null && !report.isBlank();
    }

    static IncidentSummary of(Incident incident) {
        return new IncidentSummary(incident.id, incident.title, incident.severity, incident.report);
    }
}

package dev.greenlight.emergency;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.greenlight.incident.IncidentService;
import dev.greenlight.release.ReleaseFacts;
import dev.greenlight.release.ReleaseRequirement;
import dev.greenlight.release.RequirementWaivers;

/**
 * An emergency release needs its incident report before it may be approved and published ("Documentation"). Every
 * reader sees what is unmet, so a security incident is not named.
 */
@ApplicationScoped
class IncidentReportRequirement implements ReleaseRequirement {
    private final IncidentService incidents;

    @Inject
    IncidentReportRequirement(IncidentService incidents) {
        this.incidents = incidents;
    }

    @Override
    public List<String> unmet(ReleaseFacts release, Map<String, RequirementWaivers.Waiver> waived) {
        return EmergencyRequest.liveForRelease(release.id())
                .filter(e -> e.state != EmergencyState.PUBLISHED)
                .flatMap(e -> incidents.missingReport(e.incidentId))
                .map(incident -> List.of("Emergency release: the incident report of " + incident
                        + " must be written before approval and publishing."))
                .orElse(List.of());
    }
}

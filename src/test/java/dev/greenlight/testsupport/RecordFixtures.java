package dev.greenlight.testsupport;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.greenlight.emergency.EmergencyService;
import dev.greenlight.emergency.EmergencyView;
import dev.greenlight.emergency.OverrideService;
import dev.greenlight.emergency.OverrideView;
import dev.greenlight.incident.IncidentService;
import dev.greenlight.incident.IncidentView;
import dev.greenlight.incident.PostmortemService;
import dev.greenlight.incident.PostmortemView;

/**
 * Named starting points beyond releases: overrides, emergencies, incidents and post-mortems, built through the services
 * as users would build them.
 */
@ApplicationScoped
public class RecordFixtures {
    @Inject
    OverrideService overrides;
    @Inject
    EmergencyService emergencies;
    @Inject
    IncidentService incidents;
    @Inject
    PostmortemService postmortems;

    /** An override of a release in review, asked by {@code admin}, waiting for a second person. */
    public OverrideView requestedOverride(Users admin, long releaseId) {
        return overrides.request(admin.actor(), new OverrideService.OverrideInput(releaseId,
                "Payments down; the fix cannot wait", null, "Payments failing", "SEV1",
                "Card processor rejects calls"));
    }

    /** An override that Lars denied: closed. */
    public OverrideView deniedOverride(Users admin, long releaseId) {
        return overrides.deny(Users.LARS.actor(), requestedOverride(admin, releaseId).id(), "Not an emergency");
    }

    /** An emergency release of one pending changeset, requested by its author and validated by Sean. */
    public EmergencyView assessedEmergency(Users author, String changesetId) {
        return emergencies.assess(Users.SEAN.actor(), requestedEmergency(author, changesetId).id(), "Confirmed");
    }

    /** The same, declined by Sean: closed. */
    public EmergencyView declinedEmergency(Users author, String changesetId) {
        return emergencies.decline(Users.SEAN.actor(), requestedEmergency(author, changesetId).id(),
                "The normal path is fast enough");
    }

    private EmergencyView requestedEmergency(Users author, String changesetId) {
        return emergencies.request(author.actor(), new EmergencyService.RequestInput(null, "Hotfix " + changesetId,
                List.of(changesetId), "service-outage", "Checkout is down", "checkout", "Low", null, "Checkout down",
                "SEV1", "Checkout returns 500 since 09:00"));
    }

    /** An open SEV2 incident filed by {@code reporter}; {@code security} marks it a security incident. */
    public IncidentView incident(Users reporter, String title, boolean security, Long releaseId) {
        return incidents.file(reporter.actor(), new IncidentService.IncidentInput(title, "SEV2", "OPEN",
                "Users affected", null, null, security, List.of("api"), releaseId == null
                        ? List.of()
                        : List.of(
                                releaseId),
                "What happened: " + title, null));
    }

    /** The incident's post-mortem, started by {@code starter} and owned by {@code owner}, with nothing written. */
    public PostmortemView emptyPostmortem(Users starter, long incidentId, Users owner) {
        return postmortems.createFromIncident(starter.actor(), incidentId, owner.username);
    }

    /** The incident's post-mortem, started by {@code starter} and owned by {@code owner}, with its summary written. */
    public PostmortemView postmortem(Users starter, long incidentId, Users owner) {
        PostmortemView started = postmortems.createFromIncident(starter.actor(), incidentId, owner.username);
        return postmortems.edit(owner.actor(), started.id(), new PostmortemService.SectionsInput("Summary of "
                + incidentId, "Impact", "Root cause", "Factors", "Went well", "Lessons", started.version()));
    }

    /** An open action item on a draft post-mortem, owned by {@code owner}. */
    public PostmortemView actionItem(Users writer, long postmortemId, Users owner) {
        return postmortems.addActionItem(writer.actor(), postmortemId, "Rotate the keys", owner.username,
                "2030-01-31", "OPEN");
    }
}
